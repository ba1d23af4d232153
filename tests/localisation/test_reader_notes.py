"""What readers are told on a translated page: that the English version is
newer (until the translation is synced, reviewed and published again), who
translated it, and whether a reviewer checked it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from localisation.status import TranslationStatus
from tests.conftest import publish

from .conftest import translate_page

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def stale_note(client, url):
    return soup(client.get(url)).select_one(".translation-stale")


def provenance(client, url):
    return soup(client.get(url)).select_one(".translation-provenance").get_text(" ", strip=True)


def in_spanish(message):
    with translation.override("es"):
        spanish = gettext(message)
    assert spanish != message, f"not translated into Spanish yet: {message}"
    return spanish


def edit_url(page):
    return f"/admin/pages/{page.id}/edit/"


def test_a_fresh_translation_has_no_staleness_note_and_says_who_translated_it(client, spanish):
    assert stale_note(client, "/es/weekly-groups/") is None
    # Published straight away by an administrator: no reviewer has checked it. In Spanish.
    assert provenance(client, "/es/weekly-groups/") == in_spanish(
        "Translated by a person. None of our reviewers has checked it yet."
    )
    status = TranslationStatus(spanish[0])
    assert (status.is_translation, status.is_stale) == (True, False)
    assert (status.is_machine, status.is_reviewed) == (False, False)


def test_staleness_note_appears_when_the_source_is_republished_and_goes_after_sync_review_and_publish(
    client, clients, english_page, spanish
):
    page, _translation = spanish
    english_page.intro = "Groups meet every Monday."
    publish(english_page)

    note = stale_note(client, "/es/weekly-groups/")
    assert note is not None
    assert note.get_text(" ", strip=True).startswith(
        in_spanish("The English version of this page has been updated since this translation was made.")
    )
    assert note.a["href"] == "/weekly-groups/"
    assert note.a["hreflang"] == "en"
    # The English page itself has no such note, and neither do the aliases.
    assert stale_note(client, "/weekly-groups/") is None
    assert stale_note(client, "/pt/weekly-groups/") is None

    # A translator syncs ("Sync translated pages"): the new English text is in
    # the editor, but readers still read the old translation, so the note stays.
    source = TranslationSource.objects.get(object_id=english_page.translation_key)
    clients["translator"].post(reverse("wagtail_localize:update_translations", args=[source.id]))
    source.refresh_from_db()
    assert "Groups meet every Monday." in str(source.export_po())
    assert stale_note(client, "/es/weekly-groups/") is not None

    # The translator translates the new sentence and submits it; a reviewer approves (which publishes).
    spanish_translation = source.translations.get(target_locale=page.locale)
    po = spanish_translation.export_po()
    for entry in po:
        if entry.msgid == "Groups meet every Monday.":
            entry.msgstr = "Los grupos se reúnen cada lunes."
    spanish_translation.import_po(po)
    clients["translator"].post(edit_url(page), {"action": "submit-for-review"})
    page.refresh_from_db()
    assert stale_note(client, "/es/weekly-groups/") is not None  # still in review
    task_state = page.current_workflow_task_state
    clients["reviewer"].post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id]), {"comment": ""}
    )
    page.refresh_from_db()
    assert page.intro == "Los grupos se reúnen cada lunes."

    assert stale_note(client, "/es/weekly-groups/") is None
    status = TranslationStatus(page)
    assert status.is_reviewed is True
    assert status.is_stale is False


def test_provenance_says_machine_translation_when_the_machine_translator_was_used(
    client, clients, english_page, locales, users
):
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import translate_object

    translate_object(english_page, [locales["pt"]], user=users["admin"])
    translation = Translation.objects.get(source__object_id=english_page.translation_key, target_locale=locales["pt"])
    # wagtail-localize's "Translate whole page with machine translation" (the dummy translator in tests).
    response = clients["translator"].post(reverse("wagtail_localize:machine_translate", args=[translation.id]))
    assert response.status_code == 302
    page = english_page.get_translation(locales["pt"]).specific
    clients["translator"].post(edit_url(page), {"action": "submit-for-review"})
    page.refresh_from_db()
    status = TranslationStatus(page)
    assert status.is_machine is True
    assert status.is_reviewed is False  # not live yet
    clients["reviewer"].post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", page.current_workflow_task_state.id]),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert page.live
    status = TranslationStatus(page)
    assert (status.is_machine, status.is_reviewed, status.is_stale) == (True, True, False)
    html = soup(client.get("/pt/weekly-groups/"))
    assert html.select_one(".translation-provenance") is not None
    assert html.select_one(".translation-stale") is None


def test_machine_strings_corrected_by_a_person_count_as_a_persons_translation(english_page, locales, users):
    page, vietnamese = translate_page(
        english_page, locales["vi"], {"Weekly groups": "Nhóm hàng tuần"}, user=users["admin"], machine=True
    )
    assert TranslationStatus(page).is_machine is True
    po = vietnamese.export_po()
    corrected = {"Weekly groups": "Các nhóm hàng tuần", "Groups meet weekly.": "Các nhóm họp hàng tuần."}
    for entry in po:
        entry.msgstr = corrected.get(entry.msgid, entry.msgstr)
    vietnamese.import_po(po, translation_type="manual")
    assert TranslationStatus(page).is_machine is False


def test_untranslated_page_keeps_the_fallback_note_and_no_provenance(client, english_page):
    html = soup(client.get("/vi/weekly-groups/"))
    assert html.select_one(".note") is not None
    assert html.select_one(".translation-provenance") is None
    assert html.select_one(".translation-stale") is None
    assert TranslationStatus(english_page.get_translation(Locale.objects.get(language_code="vi"))).is_fallback


def test_the_status_costs_one_query_on_a_translated_page(spanish, django_assert_num_queries):
    page, _translation = spanish
    page = type(page).objects.select_related("locale").get(pk=page.pk)
    status = TranslationStatus(page)
    with django_assert_num_queries(1):
        assert (status.is_stale, status.is_machine, status.is_reviewed) == (False, False, False)
