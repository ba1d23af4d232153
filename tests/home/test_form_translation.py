"""A form page translated with wagtail-localize keeps the source's field keys, so
submissions from every language line up under the source page."""

import uuid

from wagtail_localize.models import Translation, TranslationSource

from home.models import FormPageSubmission


def test_translated_form_keeps_field_keys_and_files_under_the_source(client, contact_form, locales):
    source, _created = TranslationSource.get_or_create_from_instance(contact_form)
    translation = Translation.objects.create(source=source, target_locale=locales["es"], enabled=True)
    po = translation.export_po()
    spanish_strings = {"Your name": "Su nombre", "Your email": "Su correo", "Message": "Mensaje"}
    msgids = {entry.msgid for entry in po}
    assert {"Your name", "Your email", "Message"} <= msgids
    # The field's key is not for translators.
    assert "your_name" not in msgids
    for entry in po:
        entry.msgstr = spanish_strings.get(entry.msgid, entry.msgid)
    translation.import_po(po)
    translation.save_target(publish=True)
    spanish = contact_form.get_translation(locales["es"]).specific
    # Translations wait for a reviewer; approve this one as an administrator would.
    spanish.get_latest_revision().publish()
    spanish.refresh_from_db()

    labels = {field.clean_name: field.label for field in spanish.form_fields.all()}
    assert labels == {"your_name": "Su nombre", "your_email": "Su correo", "message": "Mensaje"}

    html = client.get(spanish.url).content.decode()
    assert "Su nombre" in html
    response = client.post(
        spanish.url,
        {"your_name": "Lucía", "your_email": "lucia@example.org", "message": "Hola", "form_token": str(uuid.uuid4())},
    )
    assert response.status_code == 200
    submission = FormPageSubmission.objects.get()
    assert submission.page_id == contact_form.id
    assert submission.language == "es"
    assert submission.get_data()["your_name"] == "Lucía"
