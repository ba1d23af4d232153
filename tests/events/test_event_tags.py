"""{% upcoming_events %} and {% next_meeting %} for other parts of the site."""

import datetime

from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from .conftest import BOSTON, local, make_event, make_index


def soon(days):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=BOSTON)


def render(template, **context):
    return Template("{% load event_tags %}" + template).render(Context(context))


def test_upcoming_events_lists_the_soonest_live_dates(calendar_page):
    make_event(calendar_page, "Later", start=soon(9))
    make_event(calendar_page, "Sooner", start=soon(2))
    make_event(calendar_page, "Long ago", start=local(2018, 10, 6, 11))
    make_event(calendar_page, "Draft", start=soon(1)).unpublish()
    html = render("{% upcoming_events limit=5 %}")
    assert html.index("Sooner") < html.index("Later")
    assert "Long ago" not in html and "Draft" not in html
    assert '<ul class="event-list upcoming-events">' in html
    assert '<h3 class="event-card__title"><a href="/events/' in html  # under the caller's h2
    html = render("{% upcoming_events limit=1 %}")
    assert "Sooner" in html and "Later" not in html


def test_upcoming_events_for_one_organisation_and_its_next_meeting(calendar_page, organisation):
    own = make_index(organisation, "Our events", "events")
    make_event(own, "Network meeting", start=soon(4), frequency="weekly", repeat_count=3)
    make_event(calendar_page, "Network picnic", start=soon(5), organiser=organisation)
    make_event(calendar_page, "Someone else's", start=soon(1))
    html = render("{% upcoming_events organisation=org %}", org=organisation)
    assert "Network meeting" in html and "Network picnic" in html and "Someone else" not in html
    html = render("{% next_meeting org %}", org=organisation)
    assert "Network meeting" in html
    assert soon(4).strftime("%-d %B %Y") in html


def test_next_meeting_without_any(organisation):
    assert "The next meeting has not been set yet." in render("{% next_meeting org %}", org=organisation)


def test_only_the_active_language(calendar_page, locales):
    make_event(calendar_page, "English only", start=soon(3))
    with translation.override("es"):
        html = render("{% upcoming_events %}")
    assert "English only" not in html


def test_tags_run_a_fixed_number_of_queries(calendar_page, organisation, django_assert_num_queries):
    make_event(calendar_page, "One", start=soon(3), organiser=organisation)
    render("{% upcoming_events %}")  # warm Wagtail's locale cache
    with CaptureQueriesContext(connection) as small:
        render("{% upcoming_events limit=5 %}{% next_meeting org %}", org=organisation)
    for n in range(8):
        make_event(calendar_page, f"More {n}", start=soon(4 + n), organiser=organisation, frequency="weekly")
    with django_assert_num_queries(len(small)):
        render("{% upcoming_events limit=5 %}{% next_meeting org %}", org=organisation)
