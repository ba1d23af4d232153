"""No path of wagtail-localize puts words in front of readers without a
reviewer's approval (administrators excepted): starting a translation,
updating translations, the editor's publish button (see the journey tests),
converting back to an alias, uploading a PO file, and snippet translations."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtail_localize.synctree import synchronize_tree

from tests.conftest import publish

from .conftest import add_page, edit_url, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_page(home_page, users, locales):
    page = add_page(home_page, "Weekly groups", owner=users["editor"], intro="Groups meet weekly.")
    publish(page)
    synchronize_tree(locales["en"], locales["es"])
    return page


@pytest.fixture
def spanish(english_page, users, locales):
    """A live Spanish translation that an administrator published."""
    translate_object(english_page, [locales["es"]], user=users["admin"])
    translation = Translation.objects.get(source__object_id=english_page.translation_key, target_locale=locales["es"])
    page = english_page.get_translation(locales["es"]).specific
    publish(page)
    return page, translation


def po_with(translation, translations):
    po = translation.export_po()
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    return SimpleUploadedFile("es.po", str(po).encode(), content_type="text/x-gettext-translation")


def test_starting_a_translation_publishes_nothing_new(english_page, clients, locales):
    alias = english_page.get_translation(locales["es"])
    assert alias.alias_of_id == english_page.id

    clients["translator"].post(
        reverse("wagtail_localize:submit_page_translation", args=[english_page.id]), {"locales": [locales["es"].id]}
    )

    spanish = english_page.get_translation(locales["es"]).specific
    assert spanish.alias_of_id is None
    # Readers see exactly the approved English text the alias showed.
    assert spanish.intro == english_page.intro
    assert not PageLogEntry.objects.filter(page=spanish, action="wagtail.publish", user__isnull=False).exists()


def test_a_brand_new_translation_is_a_draft(home_page, users, clients, locales):
    page = add_page(home_page, "Not synced", owner=users["editor"])
    publish(page)
    # No alias exists (the tree was not synced): the translation is created.
    clients["editor"].post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]), {"locales": [locales["pt"].id]}
    )
    portuguese = page.get_translation(locales["pt"])
    assert portuguese.live is False


def test_update_translations_cannot_publish_for_someone_without_publish_permission(spanish, clients, english_page):
    page, translation = spanish
    StringTranslation.objects.filter(locale=translation.target_locale).delete()
    english_page.intro = "Groups meet every Monday."
    publish(english_page)
    source = TranslationSource.objects.get(object_id=english_page.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.id])

    form_page = clients["editor"].get(url).content.decode()
    assert "publish_translations" not in form_page
    clients["editor"].post(url, {"publish_translations": "on"})

    page.refresh_from_db()
    assert page.intro == "Groups meet weekly."
    source.refresh_from_db()
    assert "Groups meet every Monday." in source.export_po().__str__()

    # An administrator may publish them straight away.
    assert "publish_translations" in clients["admin"].get(url).content.decode()
    clients["admin"].post(url, {"publish_translations": "on"})
    page.refresh_from_db()
    assert page.intro == "Groups meet every Monday."


def test_only_a_publisher_may_convert_a_translation_back_to_an_alias(spanish, clients):
    page, _translation = spanish
    page.intro = "Los grupos se reúnen cada semana."
    publish(page)
    url = reverse("wagtail_localize:convert_to_alias", args=[page.id])
    # The translation editor does not offer it to a translator, only to an administrator.
    assert "&quot;convertToAliasUrl&quot;: null" in clients["translator"].get(edit_url(page)).content.decode()
    assert url in clients["admin"].get(edit_url(page)).content.decode()

    assert refused(clients["translator"].post(url))
    page.refresh_from_db()
    assert page.alias_of_id is None
    assert page.intro == "Los grupos se reúnen cada semana."

    clients["admin"].post(url)
    page.refresh_from_db()
    assert page.alias_of_id is not None


def test_a_po_upload_saves_strings_not_the_live_page(spanish, clients):
    page, translation = spanish
    live_revision = page.live_revision

    response = clients["translator"].post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]) + f"?next={edit_url(page)}",
        {"file": po_with(translation, {"Groups meet weekly.": "Los grupos se reúnen cada semana."})},
    )

    assert response.status_code == 302
    assert StringTranslation.objects.filter(data="Los grupos se reúnen cada semana.").exists()
    page.refresh_from_db()
    assert page.live_revision == live_revision
    assert page.intro != "Los grupos se reúnen cada semana."
    # Submitting then sends it to review; the live page keeps its words until approval.
    clients["translator"].post(edit_url(page), {"action": "submit-for-review"})
    page.refresh_from_db()
    assert page.intro != "Los grupos se reúnen cada semana."
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.get_latest_revision_as_object().intro == "Los grupos se reúnen cada semana."


def test_a_snippet_translation_is_submitted_for_review_too(users, clients, locales):
    from home.models import Region

    region = Region.objects.create(name="Testshire", slug="testshire", locale=locales["en"])
    region.save_revision(user=users["admin"]).publish()
    translate_object(region, [locales["es"]], user=users["admin"])
    spanish = region.get_translation(locales["es"])
    assert spanish.live is False
    translation = Translation.objects.get(source__object_id=region.translation_key, target_locale=locales["es"])
    clients["translator"].post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": po_with(translation, {"Testshire": "Condado de Prueba"})},
    )
    edit = reverse("wagtailsnippets_home_region:edit", args=[spanish.pk])

    assert clients["translator"].get(edit).status_code == 200
    clients["translator"].post(edit, {"action": "publish"})

    spanish.refresh_from_db()
    assert spanish.live is False
    state = spanish.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Review before publishing"
    clients["reviewer"].post(
        reverse(
            "wagtailsnippets_home_region:workflow_action", args=[spanish.pk, "approve", state.current_task_state.id]
        ),
        {"comment": ""},
    )
    spanish.refresh_from_db()
    assert spanish.live is True
    assert spanish.name == "Condado de Prueba"


def test_a_translator_cannot_start_a_translation_into_english(home_page, users, clients, locales):
    spanish_only = add_page(home_page, "Solo en español", owner=users["editor"])
    type(spanish_only).objects.filter(pk=spanish_only.pk).update(locale=locales["es"])
    url = reverse("wagtail_localize:submit_page_translation", args=[spanish_only.id])

    form = clients["translator"].get(url).context["form"]
    assert locales["en"] not in form.fields["locales"].queryset
    assert locales["pt"] in form.fields["locales"].queryset
    response = clients["translator"].post(url, {"locales": [locales["en"].id]})

    assert response.status_code == 200  # the form again, with an error
    assert (
        not type(spanish_only)
        .objects.filter(translation_key=spanish_only.translation_key, locale=locales["en"])
        .exists()
    )
    # An editor may.
    assert locales["en"] in clients["editor"].get(url).context["form"].fields["locales"].queryset
