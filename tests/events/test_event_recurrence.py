"""Recurrence rules become stored occurrences: weekly, every N weeks, monthly by
weekday, until/count, skipped and moved dates, the horizon, and DST."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import DateChange, EventOccurrence
from events.recurrence import refresh_occurrences
from tests.conftest import publish

from .conftest import BOSTON, local, make_event


def local_starts(page):
    return [timezone.localtime(o.start, BOSTON) for o in page.occurrences.order_by("start")]


@pytest.fixture
def soon():
    """A Tuesday evening a few days from now."""
    today = timezone.localdate()
    tuesday = today + datetime.timedelta(days=(1 - today.weekday()) % 7 + 7)
    return datetime.datetime.combine(tuesday, datetime.time(19, 0), tzinfo=BOSTON)


def test_a_one_off_event_has_one_occurrence_when_published(calendar_page, soon):
    event = make_event(calendar_page, start=soon)
    assert local_starts(event) == [soon]


def test_weekly_with_count(calendar_page, soon):
    event = make_event(calendar_page, start=soon, frequency="weekly", repeat_count=4)
    assert local_starts(event) == [soon + datetime.timedelta(weeks=n) for n in range(4)]


def test_every_other_week_until_a_date(calendar_page, soon):
    until = (soon + datetime.timedelta(weeks=6)).date()
    event = make_event(calendar_page, start=soon, frequency="weekly", interval=2, repeat_until=until)
    expected = [(soon + datetime.timedelta(weeks=n)).date() for n in (0, 2, 4, 6)]
    assert [s.date() for s in local_starts(event)] == expected


def test_monthly_on_the_second_tuesday(calendar_page):
    start = local(2030, 1, 8, 18, 30)  # the second Tuesday of January 2030
    event = make_event(calendar_page, start=start, frequency="monthly", repeat_count=4)
    assert [s.date() for s in local_starts(event)] == [
        datetime.date(2030, 1, 8),
        datetime.date(2030, 2, 12),
        datetime.date(2030, 3, 12),
        datetime.date(2030, 4, 9),
    ]
    assert all((s.hour, s.minute) == (18, 30) for s in local_starts(event))


def test_monthly_from_a_fifth_week_start_means_the_last_weekday(calendar_page):
    start = local(2030, 1, 29, 12)  # the last Tuesday of January 2030
    event = make_event(calendar_page, start=start, frequency="monthly", repeat_count=3)
    assert [s.date() for s in local_starts(event)] == [
        datetime.date(2030, 1, 29),
        datetime.date(2030, 2, 26),
        datetime.date(2030, 3, 26),
    ]


def test_weekly_calls_keep_their_wall_clock_time_across_the_dst_change(calendar_page):
    # Clocks go forward on Sunday 10 March 2030 and back on Sunday 3 November 2030.
    event = make_event(calendar_page, start=local(2030, 3, 5, 19), frequency="weekly", repeat_count=3)
    starts = local_starts(event)
    assert [(s.date(), s.hour) for s in starts] == [
        (datetime.date(2030, 3, 5), 19),
        (datetime.date(2030, 3, 12), 19),
        (datetime.date(2030, 3, 19), 19),
    ]
    utc_hours = [o.start.astimezone(datetime.UTC).hour for o in event.occurrences.order_by("start")]
    assert utc_hours == [0, 23, 23]  # EST is UTC-5, EDT is UTC-4
    autumn_start = local(2030, 10, 29, 19)
    autumn = make_event(calendar_page, title="Autumn", start=autumn_start, frequency="weekly", repeat_count=2)
    assert [s.hour for s in local_starts(autumn)] == [19, 19]
    assert [o.end - o.start for o in autumn.occurrences.all()] == [datetime.timedelta(hours=1)] * 2


def test_open_ended_rules_stop_at_the_horizon(calendar_page, soon):
    event = make_event(calendar_page, start=soon, frequency="weekly")
    starts = local_starts(event)
    assert 50 <= len(starts) <= 54
    assert starts[-1] <= timezone.now() + datetime.timedelta(days=367)


def test_the_scheduler_command_moves_the_horizon(calendar_page, soon):
    event = make_event(calendar_page, start=soon, frequency="weekly")
    last = event.occurrences.order_by("start").last()
    last.delete()
    EventOccurrence.objects.filter(page=event, start__gt=soon + datetime.timedelta(weeks=10)).delete()
    call_command("refresh_occurrences", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert event.occurrences.count() >= 50


def test_skipped_and_moved_dates(calendar_page, soon):
    event = make_event(calendar_page, start=soon, frequency="weekly", repeat_count=4)
    skipped = (soon + datetime.timedelta(weeks=1)).date()
    moved_from = soon + datetime.timedelta(weeks=2)
    moved_to = moved_from + datetime.timedelta(days=1, hours=-1)
    event.date_changes.add(DateChange(date=skipped))
    event.date_changes.add(DateChange(date=moved_from.date(), new_start=moved_to))
    event = publish(event)
    assert local_starts(event) == [soon, moved_to, soon + datetime.timedelta(weeks=3)]
    moved = event.occurrences.get(start=moved_to)
    assert moved.original_start == moved_from
    assert moved.end - moved.start == datetime.timedelta(hours=1)


def test_dates_with_registrations_are_cancelled_not_deleted(calendar_page, soon):
    from events.registration import register

    event = make_event(calendar_page, start=soon, frequency="weekly", repeat_count=3, registration="built_in")
    last = event.occurrences.order_by("start").last()
    register(last, name="Ana", email="ana@example.org", consent=True)
    event.repeat_count = 2
    event = publish(event)
    assert event.occurrences.count() == 3
    assert event.occurrences.get(pk=last.pk).cancelled is True
    assert last.registrants.count() == 1
    event.repeat_count = 3
    refresh_occurrences(publish(event))
    assert event.occurrences.get(pk=last.pk).cancelled is False
