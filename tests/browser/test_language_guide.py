"""The language guide in Wagtail's Checks panel, in a real Chromium."""

import re

from home import roles
from home.models import ContentPage
from tests.conftest import make_user
from tests.language_guide.conftest import make_entry


def sign_in(tab, username):
    tab.goto("/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill("correct horse battery staple")
    tab.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    tab.wait_for_url(re.compile(r"/admin/$"))


def test_checks_panel_flags_guide_terms_with_reason_and_alternatives(live_site, tab):
    make_entry(
        "consumer",
        reason="A system word that reduces people to users of services.",
        alternatives="person with lived experience\nmember",
    )
    make_entry("cliente", "es", alternatives="persona")
    page = ContentPage(
        title="Who we are",
        slug="who-we-are",
        intro="Run by peers.",
        body=[
            ("heading", {"text": "Open to everyone", "level": "h2"}),
            ("paragraph", "<p>Every consumer is welcome at our meetings, and so is every cliente.</p>"),
        ],
    )
    live_site.add_child(instance=page)
    page.save_revision().publish()
    make_user("eddie", roles.EDITORS)

    sign_in(tab, "eddie")
    tab.goto(f"/admin/pages/{page.pk}/edit/")
    tab.get_by_role("button", name="Toggle checks").click()

    panel = tab.locator("[data-checks-panel]")
    rule = panel.locator("[data-content-checker-row]", has_text="Language guide")
    rule.first.wait_for(timeout=30_000)
    assert rule.count() == 1  # the Spanish guide does not apply to an English page
    assert rule.locator("[data-content-checker-name]").inner_text() == "Language guide: avoid “consumer”"
    assert rule.locator("[data-content-checker-help]").inner_text() == (
        "A system word that reduces people to users of services. Try: person with lived experience, member"
    )
    level = tab.locator("[data-language-guide-level]")
    tab.wait_for_function("document.querySelector('[data-language-guide-level]').textContent !== '-'")
    assert re.fullmatch(r"Grade \d+", level.inner_text())

    leave_editor(tab)


def leave_editor(tab):
    """Leave the editor and wait until it has released its editing session, so
    that no request of it is still running when the database is emptied."""
    from wagtail.admin.models import EditingSession

    tab.goto("/admin/")
    for _attempt in range(100):
        if not EditingSession.objects.exists():
            return
        tab.wait_for_timeout(100)
