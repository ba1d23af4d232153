"""Journeys through the networks' pages in a real Chromium: signing a statement
that a reviewer then approves, finding a region by town, and the organisation
page's accessibility (also as a stacked chart on a phone)."""

import re

from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale

from home import roles
from home.models import (
    AgendaItem,
    MembershipCriterion,
    OrganisationPage,
    Region,
    RegionalContact,
    RegionalDirectoryPage,
    Signature,
    SignOnPage,
    Town,
)
from home.towns import load_regions
from tests.browser.conftest import assert_no_axe_violations
from tests.conftest import make_user

PASSWORD = "correct horse battery staple"  # noqa: S105 - the shared test users' password


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def organisation_with_chart(home):
    page = OrganisationPage(
        title="Peer Workforce Coalition",
        slug="coalition",
        kind=OrganisationPage.Kind.COALITION,
        intro="Peer professionals speaking together.",
        mission="<p>People with lived experience shape the policies that affect peer work.</p>",
        meeting_schedule="Monthly, online.",
        contact_email="coalition@example.org",
        body=[
            (
                "comparison",
                {
                    "title": "Peer roles side by side",
                    "first_column_is_header": True,
                    "table": {
                        "caption": "",
                        "columns": [
                            {"type": "text", "heading": "Role"},
                            {"type": "text", "heading": "Lived experience of"},
                            {"type": "answer", "heading": "State certification"},
                        ],
                        "rows": [
                            {"values": ["Recovery coach", "Recovery from substance use", "yes"]},
                            {"values": ["Young adult peer mentor", "Using services as a young adult", "no"]},
                        ],
                    },
                },
            )
        ],
    )
    page.membership_criteria = [MembershipCriterion(text="You work in a peer role.")]
    page.agenda_items = [AgendaItem(title="Welcome", minutes=5), AgendaItem(title="Next steps", minutes=15)]
    return publish_child(home, page)


def test_a_visitor_signs_and_is_counted_once_a_reviewer_approves(live_site, tab, browser, live_server):
    make_user("reviewer", roles.REVIEWERS)
    statement = publish_child(
        organisation_with_chart(live_site),
        SignOnPage(
            title="Keep peer roles peer-led",
            slug="keep-peer-roles-peer-led",
            statement="<p>We ask that peer roles stay peer-led.</p>",
        ),
    )

    tab.goto(statement.url)
    assert "0 people have signed." in tab.locator(".signature-count").inner_text()
    tab.get_by_label("Name", exact=True).fill("Rosa Lima")
    tab.get_by_label("Organisation or role").fill("Family partner")
    tab.get_by_label("Town").fill("Fall River")
    tab.get_by_label("Email (never shown").fill("rosa@example.org")
    tab.get_by_label("Show my name and role on this page").check()
    tab.get_by_role("button", name="Sign the statement").click()
    assert tab.get_by_role("heading", level=1).inner_text() == "Thank you for signing"

    tab.goto(statement.url)
    assert "0 people have signed." in tab.locator(".signature-count").inner_text()
    assert tab.get_by_text("Rosa Lima").count() == 0

    # A reviewer approves the signature in the admin, in a browser of their own.
    signature = Signature.objects.get()
    reviewer_context = browser.new_context(base_url=live_server.url)
    admin = reviewer_context.new_page()
    admin.goto(reverse("wagtailadmin_login"))
    admin.get_by_label("Username").fill("reviewer")
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Sign in").click()
    admin.wait_for_url(re.compile(r"/admin/$"))
    admin.goto(reverse("signatures:edit", args=[signature.pk]))
    admin.get_by_label("Approved").check()
    admin.get_by_role("button", name="Save").first.click()
    admin.wait_for_url(re.compile(r"/admin/signatures/$"))
    reviewer_context.close()

    tab.goto(statement.url)
    assert "1 person has signed." in tab.locator(".signature-count").inner_text()
    assert tab.locator(".signature-list").inner_text().startswith("Rosa Lima, Family partner")
    assert "rosa@example.org" not in tab.content()
    assert_no_axe_violations(tab)


def test_a_visitor_finds_their_regions_contact_by_typing_their_town(live_site, tab):
    # A transactional test's database is flushed: put the data migration's regions back.
    load_regions(Region, Town, Locale, settings.LANGUAGE_CODE)
    RegionalContact.objects.create(
        name="Southeast Recovery Learning Community",
        region=Region.objects.get(slug="southeast"),
        phone="508 555 0140",
        email="rlc-southeast@example.org",
        live=True,
    )
    directory = publish_child(live_site, RegionalDirectoryPage(title="Find support near you", slug="find-support"))

    tab.goto(directory.url)
    tab.get_by_label("Find your region: type your city or town").fill("new bedford")
    tab.get_by_role("button", name="Find").click()
    result = tab.locator("#find-result")
    assert result.get_by_role("heading", level=2).inner_text() == "New Bedford is in the Southeast region"
    assert "Southeast Recovery Learning Community" in result.inner_text()
    assert result.get_by_role("link", name="508 555 0140").count() == 1
    assert_no_axe_violations(tab)

    tab.get_by_label("Find your region: type your city or town").fill("Springfeld")
    tab.get_by_role("button", name="Find").click()
    assert "We could not find “Springfeld”" in tab.locator("#find-result").inner_text()
    tab.locator("#find-result").get_by_role("link", name="Western Mass").click()
    assert tab.url.endswith("#region-western")


def test_the_organisation_page_is_accessible_on_desktop_and_phone(live_site, tab):
    organisation = organisation_with_chart(live_site)
    tab.goto(organisation.url)
    assert tab.get_by_role("table", name="Peer roles side by side").count() == 1
    assert_no_axe_violations(tab)

    tab.set_viewport_size({"width": 320, "height": 640})
    tab.goto(organisation.url)
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    # On a phone each row is a card: the column headings label every value.
    label = tab.evaluate("getComputedStyle(document.querySelector('.comparison__table td'), '::before').content")
    assert label == '"Lived experience of"'
    assert_no_axe_violations(tab)
