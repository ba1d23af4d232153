"""Reader views: the event page, joining details by visibility, JSON-LD, the
listing with filters, the past view, the month calendar and bad filter input."""

import datetime
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.models import EventIndexPage
from home import roles

from .conftest import BOSTON, local, make_event, make_index


def next_weekday(hour=19, days=3):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=BOSTON)


@pytest.fixture
def call(calendar_page, regions):
    return make_event(
        calendar_page,
        "Thursday evening call",
        start=next_weekday(),
        format="phone",
        dial_in="+1 617 555 0199",
        dial_in_visibility="members",
        access_code="424242",
        access_code_visibility="registrants",
        registration="built_in",
        meeting_link="",
        frequency="weekly",
        regions=[regions["western"]],
    )


def test_event_page_shows_local_time_with_the_zone_named(client, calendar_page):
    event = make_event(calendar_page, "Winter call", start=local(2031, 1, 14, 19))
    html = client.get(event.url).content.decode()
    assert "7:00 PM" in html
    assert "EST" in html
    summer = make_event(calendar_page, "Summer call", start=local(2031, 7, 15, 19))
    html = client.get(summer.url).content.decode()
    assert "7:00 PM" in html and "EDT" in html


def test_members_only_details_are_hidden_from_anonymous_readers(client, call, users):
    html = client.get(call.url).content.decode()
    assert "555 0199" not in html
    assert "Only for members: log in to see it." in html
    assert "424242" not in html
    assert "Sent to you when you register" in html

    client.force_login(users["reader"])
    html = client.get(call.url).content.decode()
    assert "555 0199" not in html

    client.force_login(users["member"])
    html = client.get(call.url).content.decode()
    assert "555 0199" in html
    assert "424242" not in html  # registrants only, even for members


def test_members_group_name_is_the_roles_constant(users):
    assert users["member"].groups.filter(name=roles.MEMBERS).exists()
    assert Group.objects.filter(name=roles.MEMBERS).exists()


def test_in_person_events_link_to_an_openstreetmap_search_and_embed_nothing(client, calendar_page):
    event = make_event(
        calendar_page,
        "Autumn gathering",
        start=local(2031, 10, 4, 11),
        format="in_person",
        venue="Franklin Park",
        address="1 Circuit Drive, Boston, MA",
    )
    html = client.get(event.url).content.decode()
    assert 'href="https://www.openstreetmap.org/search?query=1+Circuit+Drive%2C+Boston%2C+MA"' in html
    assert "<iframe" not in html


def test_json_ld_is_a_schema_org_event(client, call):
    html = client.get(call.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block.group(1))
    assert data["@type"] == "Event"
    assert data["name"] == "Thursday evening call"
    assert data["startDate"].startswith(next_weekday().date().isoformat())
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert "555 0199" not in block.group(1)


def test_json_ld_cannot_be_broken_out_of(client, calendar_page):
    event = make_event(calendar_page, "Tricky </script><b>x", start=next_weekday())
    html = client.get(event.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(block)["name"] == "Tricky </script><b>x"


def test_the_calendar_lists_upcoming_first_and_filters_by_region(client, calendar_page, regions, call):
    make_event(calendar_page, "Boston picnic", start=next_weekday(days=1), regions=[regions["metro-boston"]])
    make_event(calendar_page, "Old meeting", start=local(2019, 5, 1, 10))
    html = client.get(calendar_page.url).content.decode()
    assert html.index("Boston picnic") < html.index("Thursday evening call")
    assert "Old meeting" not in html

    html = client.get(calendar_page.url + "?region=western").content.decode()
    assert "Thursday evening call" in html
    assert "Boston picnic" not in html
    assert 'href="?region=western&amp;format=phone"' in html  # filters combine in clean links

    html = client.get(calendar_page.url + "past/").content.decode()
    assert "Old meeting" in html and "Boston picnic" not in html


def test_filter_by_format_organisation_and_month(client, calendar_page, organisation):
    make_event(calendar_page, "Phone chat", start=next_weekday(), format="phone", dial_in="555")
    make_event(calendar_page, "Video chat", start=next_weekday(), organiser=organisation)
    make_event(calendar_page, "March meeting", start=local(2031, 3, 12, 10))
    html = client.get(calendar_page.url + "?format=phone").content.decode()
    assert "Phone chat" in html and "Video chat" not in html
    html = client.get(calendar_page.url + "?organisation=western-network").content.decode()
    assert "Video chat" in html and "Phone chat" not in html
    html = client.get(calendar_page.url + "?month=2031-03").content.decode()
    assert "March meeting" in html and "Phone chat" not in html


@pytest.mark.parametrize(
    "query",
    [
        "?region=atlantis",
        "?month=2031-13",
        "?month=march",
        "?month=0000-01",
        "?format=carrier-pigeon",
        "?organisation=nobody",
        "?page=abc",
        "?page=0",
        "?page=999",
        "?page=-1",
    ],
)
def test_malformed_filters_are_404_not_500(client, calendar_page, call, query):
    assert client.get(calendar_page.url + query).status_code == 404


@pytest.mark.parametrize("path", ["calendar/2031/13/", "calendar/2031/0/", "calendar/99999/1/", "calendar/x/1/"])
def test_malformed_calendar_months_are_404(client, calendar_page, path):
    assert client.get(calendar_page.url + path).status_code == 404


def test_month_calendar_without_javascript(client, calendar_page, regions):
    make_event(calendar_page, "Spring call", start=local(2031, 3, 12, 19), regions=[regions["western"]])
    make_event(calendar_page, "Boston call", start=local(2031, 3, 13, 19), regions=[regions["metro-boston"]])
    response = client.get(calendar_page.url + "calendar/2031/03/?region=western")
    html = response.content.decode()
    assert '<caption id="calendar-caption">Events in March 2031, Eastern time</caption>' in html
    assert "Spring call" in html and "Boston call" not in html
    assert "<script" not in html.split("</head>")[1]
    assert "calendar/2031/04/?region=western" in html
    redirect = client.get(calendar_page.url + "calendar/")
    now = timezone.localtime(timezone.now(), BOSTON)
    assert redirect.status_code == 302
    assert redirect["Location"].endswith(f"calendar/{now.year}/{now.month:02d}/")


def test_an_organisation_calendar_shows_only_its_own_events(client, calendar_page, organisation):
    own = make_index(organisation, "Our events", "events")
    make_event(own, "Network meeting", start=next_weekday())
    make_event(calendar_page, "Statewide meeting", start=next_weekday())
    html = client.get(own.url).content.decode()
    assert "Network meeting" in html and "Statewide meeting" not in html
    html = client.get(calendar_page.url).content.decode()
    assert "Network meeting" in html and "Statewide meeting" in html
    assert EventIndexPage.objects.get(pk=calendar_page.pk).is_statewide
    assert not own.is_statewide


def test_drafts_and_private_events_stay_off_the_calendar(client, calendar_page):
    hidden = make_event(calendar_page, "Private planning", start=next_weekday())
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    draft = make_event(calendar_page, "Not yet", start=next_weekday())
    draft.unpublish()
    html = client.get(calendar_page.url).content.decode()
    assert "Private planning" not in html
    assert "Not yet" not in html
