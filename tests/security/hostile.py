"""Builders and checks shared by the hostile-input suite (tests/security/test_hostile_*.py).

Plain functions, not fixtures: each test file wraps the ones it needs, so the
suite does not depend on (or collide with) another file's conftest."""

import datetime

from bs4 import BeautifulSoup
from django.utils import timezone

from events.models import Registration
from home.models import FormField, FormPage, MailingListPage, OrganisationPage, RegionalDirectoryPage, SignOnPage
from home.submissions import HONEYPOT_FIELD, TOKEN_FIELD, new_form_token
from tests.events.conftest import make_event, make_index, make_region
from tests.home.conftest import add_page

NUL = "\x00"
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "evil\u202etxt.exe" reads as "evilexe.txt"
SCRIPT = '<script>alert("x")</script>'
JS_LINK = '<a href="javascript:alert(1)">click</a>'
FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1:A2)"]

__all__ = ["HONEYPOT_FIELD", "TOKEN_FIELD", "new_form_token"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def in_site_look(response):
    """The error page is the site's own (header and all), not a bare server page."""
    return soup(response).select_one(".site-header") is not None


def build_organisation(home_page):
    org = OrganisationPage(
        title="Hostile Input Peer Network",
        slug="network",
        kind=OrganisationPage.Kind.NETWORK,
        contact_email="network@example.org",
    )
    org.membership_criteria = []
    return add_page(home_page, org)


def build_contact_form(organisation, slug="contact"):
    page = FormPage(
        title="Get in touch",
        slug=slug,
        to_address="team@example.org",
        from_address="noreply@example.org",
        subject="New message",
        confirmation_email_text="Thank you.",
    )
    page.form_fields = [
        FormField(label="Your name", field_type="singleline", required=True),
        FormField(label="Your email", field_type="email", required=True),
        FormField(label="Message", field_type="multiline", required=True),
        FormField(label="Your website", field_type="url", required=False),
        FormField(label="Best day to call", field_type="date", required=False),
        FormField(label="How many people", field_type="number", required=False),
    ]
    return add_page(organisation, page)


def contact_data(**overrides):
    data = {
        "your_name": "Ana Peer",
        "your_email": "ana@example.org",
        "message": "Hello, I would like to join.",
        "your_website": "",
        "best_day_to_call": "",
        "how_many_people": "",
        TOKEN_FIELD: new_form_token(),
    }
    data.update(overrides)
    return data


def build_statement(organisation):
    return add_page(
        organisation,
        SignOnPage(
            title="Keep peer roles peer-led",
            slug="statement",
            statement="<p>We ask the state to keep peer roles peer-led.</p>",
            to_address="reviewers@example.org",
        ),
    )


def signature_data(**overrides):
    data = {"name": "Ana Peer", "role": "Recovery coach", "town": "Worcester", "email": "ana@example.org"}
    data["show_publicly"] = "on"
    data.update(overrides)
    return data


def build_mailing_list(organisation):
    return add_page(
        organisation,
        MailingListPage(title="Our news", slug="news", list_name="Network news", to_address="news@example.org"),
    )


def build_directory(home_page):
    return add_page(home_page, RegionalDirectoryPage(title="Find support near you", slug="directory"))


def build_calendar(home_page, capacity=5):
    """A statewide calendar with one upcoming event that takes registrations."""
    index = make_index(home_page, title="Statewide calendar", slug="events")
    region = make_region("western", "Western Mass")
    event = make_event(
        index,
        title="Peer support call",
        start=timezone.now() + datetime.timedelta(days=7),
        regions=[region],
        registration=Registration.BUILT_IN,
        capacity=capacity,
    )
    return index, event


def registration_data(**overrides):
    data = {"name": "Ana Peer", "email": "ana@example.org", "accessibility_needs": "", "consent": "on"}
    data.update(overrides)
    return data


def register_url(event):
    occurrence = event.occurrences.order_by("start").first()
    return event.url + event.reverse_subpage("register", args=[occurrence.pk]), occurrence
