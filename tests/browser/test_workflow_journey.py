"""The review workflow in a real Chromium: an editor writes and submits a page,
a reviewer approves it from the admin, and readers can then see it."""

import re

from wagtail.models import Page

from home import roles
from tests.conftest import make_user

PASSWORD = "correct horse battery staple"


def sign_in(tab, username):
    tab.goto("/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    tab.wait_for_url(re.compile(r"/admin/$"))


def test_editor_submits_a_page_and_a_reviewer_approves_it(live_site, tab, browser, live_server):
    make_user("eddie", roles.EDITORS)
    make_user("rita", roles.REVIEWERS)

    # The editor writes a page and submits it for review.
    sign_in(tab, "eddie")
    tab.goto(f"/admin/pages/add/home/contentpage/{live_site.id}/")
    tab.get_by_role("textbox", name=re.compile("^Title")).fill("Open meeting in June")
    tab.get_by_role("textbox", name=re.compile("^Summary")).fill("Everyone is welcome.")
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name=re.compile("Submit to Review before publishing")).click()
    tab.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    page = Page.objects.get(title="Open meeting in June", locale__language_code="en")
    assert page.live is False
    assert page.current_workflow_state.requested_by.username == "eddie"
    assert tab.goto(page.url).status == 404  # readers cannot see it yet

    # The reviewer finds it on the dashboard and approves it.
    reviewer_context = browser.new_context(base_url=live_server.url)
    reviewer = reviewer_context.new_page()
    sign_in(reviewer, "rita")
    assert reviewer.get_by_text("Awaiting your review").count() >= 1
    reviewer.get_by_role("link", name="Open meeting in June").first.click()
    reviewer.get_by_role("button", name="More actions").click()
    reviewer.get_by_role("button", name="Approve", exact=True).click()
    reviewer.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    reviewer_context.close()

    page.refresh_from_db()
    assert page.live is True
    response = tab.goto(page.url)
    assert response.status == 200
    assert tab.get_by_role("heading", level=1).inner_text() == "Open meeting in June"
