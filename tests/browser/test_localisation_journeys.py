"""Translations in a real Chromium: a reader moves between languages through
the switcher; a translator works in wagtail-localize's editor and submits the
translation for review."""

import re

from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringTranslation
from wagtail_localize.operations import translate_object

from home import roles
from tests.browser.conftest import assert_no_axe_violations
from tests.browser.test_workflow_journey import sign_in
from tests.conftest import make_user
from tests.localisation.conftest import add_english_page, translate_page


def test_a_reader_on_a_vietnamese_page_switches_to_portuguese(live_site, tab):
    page = add_english_page(live_site, title="Weekly groups", intro="Groups meet weekly.")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    translate_page(
        page, locales["vi"], {"Weekly groups": "Nhóm hàng tuần", "Groups meet weekly.": "Các nhóm họp hàng tuần."}
    )
    translate_page(
        page,
        locales["pt"],
        {"Weekly groups": "Grupos semanais", "Groups meet weekly.": "Os grupos se reúnem toda semana."},
    )

    assert tab.goto("/vi/weekly-groups/").status == 200
    assert tab.get_by_role("heading", level=1).inner_text() == "Nhóm hàng tuần"
    assert tab.locator("html").get_attribute("lang") == "vi"
    assert tab.locator(".translation-provenance").count() == 1
    assert_no_axe_violations(tab)

    tab.locator(".language-switcher").get_by_role("link", name="Português").click()

    tab.wait_for_url(re.compile(r"/pt/weekly-groups/$"))
    assert tab.get_by_role("heading", level=1).inner_text() == "Grupos semanais"
    assert tab.locator("html").get_attribute("lang") == "pt"
    assert tab.get_by_text("Os grupos se reúnem toda semana.").count() == 1
    # Haitian Creole has no translation: the switcher still leads to the page, in English with a note.
    tab.locator(".language-switcher").get_by_role("link", name="Kreyòl ayisyen").click()
    tab.wait_for_url(re.compile(r"/ht/weekly-groups/$"))
    assert tab.get_by_role("heading", level=1).inner_text() == "Weekly groups"
    assert tab.locator(".note").count() == 1
    assert_no_axe_violations(tab)


def test_a_translator_edits_a_spanish_translation_and_submits_it_for_review(live_site, tab):
    make_user("tina", roles.TRANSLATORS)
    admin = make_user("ada", roles.ADMINISTRATORS, superuser=True)
    page = add_english_page(live_site, title="Weekly groups", intro="Groups meet weekly.")
    spanish_locale = Locale.objects.get(language_code="es")
    translate_object(page, [spanish_locale], user=admin)
    spanish = page.get_translation(spanish_locale)

    sign_in(tab, "tina")
    tab.goto(f"/admin/pages/{spanish.id}/edit/")
    segment = tab.locator("li").filter(has_text="Groups meet weekly.").last
    segment.get_by_role("button", name="Translate").click()
    segment.get_by_role("textbox").fill("Los grupos se reúnen cada semana.")
    segment.get_by_role("button", name="Save").click()
    segment.get_by_role("button", name="Edit").wait_for()
    assert StringTranslation.objects.filter(locale=spanish_locale, data="Los grupos se reúnen cada semana.").exists()

    tab.get_by_role("button", name=re.compile("Submit .* translation for review")).click()
    tab.get_by_text("waiting for a reviewer").first.wait_for()

    spanish.refresh_from_db()
    state = spanish.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by.username == "tina"
    assert spanish.specific.get_latest_revision_as_object().intro == "Los grupos se reúnen cada semana."
    # Readers still read the English text until a reviewer approves.
    assert tab.goto("/es/weekly-groups/").status == 200
    assert tab.get_by_text("Groups meet weekly.").count() == 1
