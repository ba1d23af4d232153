"""iCalendar files and feeds, parsed back with icalendar and expanded with
recurring_ical_events, including across the daylight-saving change."""

import datetime

import icalendar
import recurring_ical_events
from wagtail.models import PageViewRestriction

from events.models import DateChange
from tests.conftest import publish

from .conftest import BOSTON, local, make_event


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_event_file_has_rrule_exdate_moved_date_and_vtimezone(client, calendar_page):
    # Weekly from Tuesday 26 February 2030, 7pm, across the 10 March DST change.
    event = make_event(calendar_page, "Tuesday call", start=local(2030, 2, 26, 19), frequency="weekly", repeat_count=6)
    event.date_changes.add(DateChange(date=datetime.date(2030, 3, 5)))
    event.date_changes.add(DateChange(date=datetime.date(2030, 3, 19), new_start=local(2030, 3, 20, 18)))
    event = publish(event)

    cal = parse(client.get(event.url + "ical/"))
    [vtimezone] = cal.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "America/New_York"
    master = next(e for e in cal.walk("VEVENT") if "RRULE" in e)
    assert master["RRULE"]["FREQ"] == ["WEEKLY"]
    assert master["RRULE"]["COUNT"] == [6]
    assert master["DTSTART"].params["TZID"] == "America/New_York"
    assert [d.dt for d in master["EXDATE"].dts] == [local(2030, 3, 5, 19)]

    dates = recurring_ical_events.of(cal).between(datetime.date(2030, 1, 1), datetime.date(2031, 1, 1))
    starts = sorted(e.decoded("DTSTART").astimezone(BOSTON) for e in dates)
    assert starts == [
        local(2030, 2, 26, 19),
        local(2030, 3, 12, 19),  # after the change: still 7pm
        local(2030, 3, 20, 18),  # moved
        local(2030, 3, 26, 19),
        local(2030, 4, 2, 19),
    ]
    assert {(s.utcoffset()) for s in starts} == {datetime.timedelta(hours=-5), datetime.timedelta(hours=-4)}


def test_monthly_rule_and_until_round_trip(client, calendar_page):
    event = make_event(
        calendar_page,
        "Support group",
        start=local(2027, 1, 12, 18),  # the second Tuesday
        frequency="monthly",
        repeat_until=datetime.date(2027, 4, 30),
    )
    cal = parse(client.get(event.url + "ical/"))
    master = cal.walk("VEVENT")[0]
    assert master["RRULE"]["BYDAY"] == ["2TU"]
    dates = recurring_ical_events.of(cal).between(datetime.date(2027, 1, 1), datetime.date(2028, 1, 1))
    assert [e.decoded("DTSTART").date() for e in dates] == [
        datetime.date(2027, 1, 12),
        datetime.date(2027, 2, 9),
        datetime.date(2027, 3, 9),
        datetime.date(2027, 4, 13),
    ]
    stored = [o.local_start.date() for o in event.occurrences.order_by("start")]
    assert stored == [e.decoded("DTSTART").date() for e in dates]


def test_all_day_events_are_dates(client, calendar_page):
    event = make_event(
        calendar_page, "Picnic", start=local(2030, 9, 21, 0), end=local(2030, 9, 21, 23, 59), all_day=True
    )
    vevent = parse(client.get(event.url + "ical/")).walk("VEVENT")[0]
    assert vevent.decoded("DTSTART") == datetime.date(2030, 9, 21)
    assert vevent.decoded("DTEND") == datetime.date(2030, 9, 22)


def test_feeds_keep_members_only_details_out(client, calendar_page):
    event = make_event(
        calendar_page,
        "Members call",
        start=local(2030, 5, 1, 19),
        format="phone",
        dial_in="+1 617 555 0123",
        dial_in_visibility="members",
    )
    body = client.get(event.url + "ical/").content.decode()
    assert "555 0123" not in body
    assert "for members" in body


def test_index_feed_and_region_feed(client, calendar_page, regions):
    make_event(calendar_page, "West call", start=local(2030, 5, 1, 19), regions=[regions["western"]])
    make_event(calendar_page, "Boston call", start=local(2030, 5, 2, 19), regions=[regions["metro-boston"]])
    hidden = make_event(calendar_page, "Hidden call", start=local(2030, 5, 3, 19))
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    draft = make_event(calendar_page, "Draft call", start=local(2030, 5, 4, 19))
    draft.unpublish()

    cal = parse(client.get(calendar_page.url + "ical/"))
    assert sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT")) == ["Boston call", "West call"]
    assert str(cal["X-WR-CALNAME"]) == "Statewide calendar"

    cal = parse(client.get(calendar_page.url + "regions/western/ical/"))
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["West call"]
    assert client.get(calendar_page.url + "regions/atlantis/ical/").status_code == 404


def test_one_date_file(client, calendar_page):
    event = make_event(calendar_page, "Weekly", start=local(2030, 5, 1, 19), frequency="weekly", repeat_count=3)
    second = event.occurrences.order_by("start")[1]
    vevent = parse(client.get(event.url + f"dates/{second.pk}/ical/")).walk("VEVENT")[0]
    assert vevent.decoded("DTSTART") == local(2030, 5, 8, 19)
    assert client.get(event.url + "dates/999999/ical/").status_code == 404
