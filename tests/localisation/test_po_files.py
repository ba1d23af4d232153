"""PO files: a translator downloads one, edits it outside the site and uploads
it through wagtail-localize's own views. Bad files get a clear message and
change nothing."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import StringTranslation

pytestmark = pytest.mark.django_db


def edit_url(page):
    return f"/admin/pages/{page.id}/edit/"


def upload(client, translation, content, name="es.po", next_url=None):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    if next_url:
        url += f"?next={next_url}"
    return client.post(url, {"file": SimpleUploadedFile(name, content, content_type="text/x-gettext-translation")})


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def snapshot(translation):
    return sorted(
        StringTranslation.objects.filter(locale=translation.target_locale).values_list("translation_of_id", "data")
    )


def download(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert response.status_code == 200
    return response.content.decode("utf-8")


def test_po_round_trip_changes_the_translation_and_publishes_nothing(spanish, clients):
    page, translation = spanish
    live_revision = page.live_revision_id
    po_text = download(clients["translator"], translation)
    assert 'msgid "Groups meet weekly."' in po_text
    assert 'msgstr "Los grupos se reúnen cada semana."' in po_text
    edited = po_text.replace('msgstr "Los grupos se reúnen cada semana."', 'msgstr "Los grupos se reúnen los lunes."')

    response = upload(clients["translator"], translation, edited.encode("utf-8"), next_url=edit_url(page))

    assert response.status_code == 302
    assert response["Location"] == edit_url(page)
    assert any("imported" in message.lower() for message in messages_of(response))
    assert StringTranslation.objects.filter(
        locale=translation.target_locale, data="Los grupos se reúnen los lunes."
    ).exists()
    page.refresh_from_db()
    assert page.live_revision_id == live_revision
    assert page.intro == "Los grupos se reúnen cada semana."
    # The translator submits it; readers keep the old words until a reviewer approves.
    clients["translator"].post(edit_url(page), {"action": "submit-for-review"})
    page.refresh_from_db()
    assert page.intro == "Los grupos se reúnen cada semana."
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.get_latest_revision_as_object().intro == "Los grupos se reúnen los lunes."


def bad_files(po_text):
    good_translation = 'msgstr "Los grupos se reúnen cada semana."'
    changed = po_text.replace(good_translation, 'msgstr "Otra cosa, señal."')
    cut = changed.index('msgstr "Otra cosa, señal."') + len('msgstr "Otra')
    return {
        "unknown msgid": changed.replace('msgid "Groups meet weekly."', 'msgid "Groups meet every day."'),
        "missing msgid": changed.replace('msgid "Weekly groups"\nmsgstr "Grupos semanales"', ""),
        "truncated": changed[:cut],
        "latin-1": changed.encode("latin-1"),
        "other translation": changed.replace("X-WagtailLocalize-TranslationID: ", "X-WagtailLocalize-TranslationID: 0"),
        "no translation id": "\n".join(
            line for line in changed.splitlines() if "X-WagtailLocalize-TranslationID" not in line
        ),
        "not a po file": "%PDF-1.7 binary",
        "empty": "",
    }


@pytest.mark.parametrize(
    "kind",
    [
        "unknown msgid",
        "missing msgid",
        "truncated",
        "latin-1",
        "other translation",
        "no translation id",
        "not a po file",
        "empty",
    ],
)
def test_a_bad_po_file_gets_a_clear_message_and_saves_nothing(spanish, clients, kind):
    page, translation = spanish
    before = snapshot(translation)
    content = bad_files(download(clients["translator"], translation))[kind]
    if isinstance(content, str):
        content = content.encode("utf-8")

    response = upload(clients["translator"], translation, content, next_url=edit_url(page))

    assert response.status_code == 302
    assert response["Location"] == edit_url(page)
    errors = [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
    assert errors, kind
    assert snapshot(translation) == before
    assert not StringTranslation.objects.filter(data__startswith="Otra").exists()


def test_an_upload_without_a_file_is_refused_with_a_message(spanish, clients):
    _page, translation = spanish
    response = clients["translator"].post(reverse("wagtail_localize:upload_pofile", args=[translation.id]))
    assert response.status_code == 302
    assert [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


def test_an_oversized_po_file_is_refused(spanish, clients):
    page, translation = spanish
    before = snapshot(translation)
    content = download(clients["translator"], translation).encode() + b"#" * (2 * 1024 * 1024)
    response = upload(clients["translator"], translation, content, next_url=edit_url(page))
    assert response.status_code == 302
    assert any("too large" in m for m in messages_of(response))
    assert snapshot(translation) == before


def test_the_upload_address_only_takes_posts_from_people_who_may_edit_the_translation(spanish, clients):
    page, translation = spanish
    url = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    assert clients["translator"].get(url).status_code == 405
    before = snapshot(translation)
    po_text = download(clients["translator"], translation).replace(
        'msgstr "Los grupos se reúnen cada semana."', 'msgstr "Otra cosa."'
    )
    response = upload(clients["reader"], translation, po_text.encode())
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"] or response["Location"] == reverse("wagtailadmin_home")
    assert snapshot(translation) == before
    assert clients["translator"].post(reverse("wagtail_localize:upload_pofile", args=[999999])).status_code == 404
