"""Helpers for event tests: a statewide calendar, regions, and events built in
Eastern time and published the way an administrator would."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage
from home.models import OrganisationPage, Region
from tests.conftest import publish

BOSTON = ZoneInfo("America/New_York")


def local(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BOSTON)


def make_region(slug, name, locale=None):
    """The region with this slug (a migration may have created it already)."""
    region, _created = Region.objects.get_or_create(
        slug=slug, locale=locale or Locale.get_default(), defaults={"name": name, "live": True}
    )
    return region


def make_index(parent, title="Calendar", slug="events"):
    index = EventIndexPage(title=title, slug=slug)
    parent.add_child(instance=index)
    return publish(index)


def make_event(index, title="Peer call", *, start, end=None, regions=(), **fields):
    fields.setdefault("summary", f"About {title}.")
    fields.setdefault("format", "video")
    if fields["format"] == "video":
        fields.setdefault("meeting_link", "https://meet.example.org/peer")
    if fields["format"] == "in_person":
        fields.setdefault("address", "1 Main Street, Worcester, MA")
    event = EventPage(title=title, start=start, end=end or start + datetime.timedelta(hours=1), **fields)
    index.add_child(instance=event)
    if regions:
        event.regions.set(regions)
    return publish(event)


@pytest.fixture
def regions(db):
    return {
        "western": make_region("western", "Western Mass"),
        "metro-boston": make_region("metro-boston", "Metro Boston"),
    }


@pytest.fixture
def calendar_page(home_page):
    return make_index(home_page, title="Statewide calendar", slug="events")


@pytest.fixture
def organisation(home_page):
    org = OrganisationPage(title="Western Peer Network", slug="western-network")
    home_page.add_child(instance=org)
    return publish(org)
