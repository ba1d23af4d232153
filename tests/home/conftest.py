"""Fixtures for the networks and coalition: an organisation with its forms."""

import pytest
from django.core.cache import cache

from home.models import (
    AgendaItem,
    FormField,
    FormPage,
    MailingListPage,
    MembershipCriterion,
    OrganisationPage,
    RegionalDirectoryPage,
    SignOnPage,
)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """The rate limit lives in the cache: each test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


def add_page(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def organisation(home_page):
    page = OrganisationPage(
        title="Coalition of Peer Workers",
        slug="coalition",
        kind=OrganisationPage.Kind.COALITION,
        short_name="CPW",
        intro="Peer workers speaking together.",
        mission="<p>We raise the voice of peer workers.</p>",
        meeting_schedule="Monthly, online.",
        contact_email="coalition@example.org",
    )
    page.membership_criteria = [
        MembershipCriterion(text="You work or volunteer in a peer role."),
        MembershipCriterion(text="You agree with our values."),
    ]
    page.agenda_items = [
        AgendaItem(title="Welcome", minutes=10),
        AgendaItem(title="Updates", minutes=30),
        AgendaItem(title="Open floor", minutes=20),
    ]
    return add_page(home_page, page)


@pytest.fixture
def contact_form(organisation):
    page = FormPage(
        title="Get in touch",
        slug="get-in-touch",
        to_address="team@example.org",
        from_address="noreply@example.org",
        subject="New message",
        confirmation_email_text="Thank you for writing to us. We will answer soon.",
    )
    page.form_fields = [
        FormField(label="Your name", field_type="singleline", required=True),
        FormField(label="Your email", field_type="email", required=True),
        FormField(label="Message", field_type="multiline", required=True),
    ]
    return add_page(organisation, page)


@pytest.fixture
def membership_form(organisation):
    page = FormPage(
        title="Join us",
        slug="join",
        to_address="team@example.org",
        confirm_membership_criteria=True,
        confirmation_email_text="Thank you for applying.",
    )
    page.form_fields = [
        FormField(label="Name", field_type="singleline", required=True),
        FormField(label="Email", field_type="email", required=True),
    ]
    return add_page(organisation, page)


@pytest.fixture
def statement(organisation):
    return add_page(
        organisation,
        SignOnPage(
            title="Protect peer roles",
            slug="protect-peer-roles",
            statement="<p>We ask the state to keep peer roles peer-led.</p>",
            to_address="reviewers@example.org",
            confirmation_email_text="Thank you for signing.",
        ),
    )


@pytest.fixture
def mailing_list(organisation):
    return add_page(
        organisation,
        MailingListPage(title="Our news", slug="news", list_name="Coalition news", to_address="news@example.org"),
    )


@pytest.fixture
def directory(home_page):
    return add_page(home_page, RegionalDirectoryPage(title="Find support near you", slug="directory"))
