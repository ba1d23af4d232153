"""Listings, the month calendar, feeds and the template tags run the same number
of queries with 20 events as with a few hundred (a third of them recurring)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventPage
from events.recurrence import refresh_occurrences

from .conftest import BOSTON


def add_events(index, count, regions, organisation, offset=0):
    """Many events quickly: pages added live, occurrences stored directly."""
    today = timezone.localdate()
    for n in range(offset, offset + count):
        day = today + datetime.timedelta(days=1 + n % 40)
        start = datetime.datetime.combine(day, datetime.time(9 + n % 10), tzinfo=BOSTON)
        page = EventPage(
            title=f"Event {n}",
            slug=f"event-{n}",
            summary="A gathering.",
            start=start,
            end=start + datetime.timedelta(hours=1),
            format=["in_person", "phone", "video"][n % 3],
            venue="Hall",
            dial_in="617 555 0100",
            organiser=organisation,
            frequency="weekly" if n % 3 == 0 else "",
            repeat_count=8 if n % 3 == 0 else None,
        )
        index.add_child(instance=page)
        page.regions.set([regions[n % 2]])
        refresh_occurrences(page)


def queries_for(client, url):
    client.get(url)  # warm the site and locale caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


@pytest.fixture
def region_list(regions):
    return [regions["western"], regions["metro-boston"]]


def urls(calendar_page):
    month = timezone.localdate() + datetime.timedelta(days=20)
    return [
        calendar_page.url,
        calendar_page.url + "?region=western&format=phone",
        calendar_page.url + f"calendar/{month.year}/{month.month:02d}/?region=western",
        calendar_page.url + "past/",
        calendar_page.url + "ical/",
        calendar_page.url + "regions/western/ical/",
    ]


def test_query_counts_do_not_grow_with_the_number_of_events(client, calendar_page, region_list, organisation):
    add_events(calendar_page, 20, region_list, organisation)
    small = {url: queries_for(client, url)[0] for url in urls(calendar_page)}
    add_events(calendar_page, 280, region_list, organisation, offset=20)
    for url in urls(calendar_page):
        count, response = queries_for(client, url)
        assert count == small[url], url
    _count, response = queries_for(client, calendar_page.url)
    assert response.context["occurrences"].paginator.count > 300
