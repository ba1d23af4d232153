"""A reader filters the statewide calendar to one region, opens a repeating
event, registers for its next date and downloads the .ics file."""

import datetime
import re

import icalendar
from django.core import mail
from django.utils import timezone

from events.models import Registrant
from tests.browser.conftest import assert_no_axe_violations
from tests.events.conftest import BOSTON, make_event, make_index, make_region


def next_tuesday_evening():
    today = timezone.localdate()
    day = today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)
    return datetime.datetime.combine(day, datetime.time(19), tzinfo=BOSTON)


def test_reader_filters_by_region_registers_and_downloads_the_ics(live_site, tab):
    western = make_region("western", "Western Mass")
    boston = make_region("metro-boston", "Metro Boston")
    calendar = make_index(live_site, "Events across Massachusetts", "events")
    start = next_tuesday_evening()
    make_event(
        calendar,
        "Tuesday support group",
        start=start,
        regions=[western],
        frequency="weekly",
        repeat_count=10,
        registration="built_in",
        capacity=10,
        meeting_link="https://meet.example.org/tuesday-room",
        meeting_link_visibility="registrants",
    )
    make_event(calendar, "Boston picnic", start=start + datetime.timedelta(days=1), regions=[boston])

    tab.goto(calendar.url)
    filters = tab.get_by_role("navigation", name="Region")
    filters.get_by_role("link", name="Western Mass").click()
    tab.wait_for_url(re.compile(r"\?region=western$"))
    results = tab.locator(".event-results")
    assert "Boston picnic" not in results.inner_text()
    assert filters.get_by_role("link", name="Western Mass").get_attribute("aria-current") == "true"
    assert_no_axe_violations(tab)
    tab.get_by_role("link", name="Month calendar").click()
    assert tab.get_by_role("table").locator("caption").inner_text().endswith("Eastern time")
    assert_no_axe_violations(tab)
    tab.go_back()

    results.get_by_role("link", name="Tuesday support group").first.click()
    tab.wait_for_url(re.compile(r"/events/tuesday-support-group/$"))
    assert tab.get_by_role("heading", level=1).inner_text() == "Tuesday support group"
    assert "tuesday-room" not in tab.content()
    assert_no_axe_violations(tab)

    tab.locator(".date-list li").first.get_by_role("link", name=re.compile(r"^Register")).click()
    tab.get_by_label("Your name").fill("Dana Reyes")
    tab.get_by_label("Your email").fill("dana@example.org")
    tab.get_by_label("I agree that the organisers may email me about this event.").check()
    assert_no_axe_violations(tab)
    tab.get_by_role("button", name="Register").click()
    tab.wait_for_url(re.compile(r"/registration/[\w-]+/$"))
    assert "Dana Reyes, your place is confirmed." in tab.locator(".registration-status").inner_text()
    assert tab.get_by_role("link", name="https://meet.example.org/tuesday-room").count() == 1
    registrant = Registrant.objects.get()
    assert registrant.status == "confirmed"
    assert registrant.occurrence.local_start == start
    assert mail.outbox[-1].to == ["dana@example.org"]

    with tab.expect_download() as download_info:
        tab.get_by_role("link", name="Add to your calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as ics:
        event = icalendar.Calendar.from_ical(ics.read()).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Tuesday support group"
    assert event.decoded("DTSTART") == start
