"""Hostile query strings and URLs: site search, the library's filters and search,
the event listings, month calendar and feeds, the regional directory and
unknown language prefixes. Each is a page or a 4xx in the site's look, never a 500."""

import datetime

import icalendar
import pytest
from django.test import Client
from django.utils import timezone

from home.models import ContentPage
from tests.documents.conftest import make_document, make_library, publish_edition, values_body
from tests.events.conftest import make_event
from tests.security.hostile import NUL, RLO, SCRIPT, build_calendar, build_directory, in_site_look, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def searchable(home_page):
    page = ContentPage(title="Mutual support", slug="mutual-support", intro="Peers meet as equals.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def library(home_page):
    library = make_library(home_page)
    document = make_document(library, title="Values of the peer role", slug="values")
    publish_edition(document, "2015", values_body(3))
    return library


@pytest.fixture
def calendar(home_page):
    index, _event = build_calendar(home_page)
    return index


# --- site search -------------------------------------------------------------------

ODD_QUERIES = [
    '"',
    '"equals',
    "equals\"'",
    "'",
    "AND",
    "OR NOT",
    "NEAR(",
    "(",
    ")",
    "*",
    "-",
    "^",
    "{x}",
    "a:b",
    "equals:",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_search_syntax_typed_by_a_reader_is_just_words(client, searchable, query):
    """A lone quote used to reach SQLite's FTS as syntax ("unterminated string": a 500)."""
    response = client.get("/search/", {"query": query})
    assert response.status_code == 200
    assert in_site_look(response)


def test_a_quoted_phrase_still_finds_the_page(client, searchable):
    response = client.get("/search/", {"query": '"meet as equals'})
    assert response.status_code == 200
    assert [a.get_text() for a in soup(response).select(".results a")] == ["Mutual support"]


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_a_lone_quote_is_fine_in_every_language(client, searchable, prefix):
    assert client.get(f"{prefix}/search/", {"query": '"'}).status_code == 200


def test_markup_in_a_search_is_echoed_escaped(client, searchable):
    response = client.get("/search/", {"query": SCRIPT})
    assert response.status_code == 200
    assert SCRIPT not in response.content.decode()
    assert soup(response).select_one("#search-query")["value"] == SCRIPT


def test_a_right_to_left_override_in_a_search_is_isolated_when_echoed(client, searchable):
    response = client.get("/search/", {"query": f"nothing{RLO}here"})
    assert response.status_code == 200
    echo = soup(response).find(string=lambda value: value is not None and RLO in value)
    assert echo is not None and echo.parent.name == "bdi"


@pytest.mark.parametrize("page_number", ["abc", "999999", "0", "-1", "²", "1.5", "1e3"])
def test_a_malformed_search_page_number_is_a_404(client, searchable, page_number):
    response = client.get("/search/", {"query": "equals", "page": page_number})
    assert response.status_code == 404
    assert in_site_look(response)


# --- document library ------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"'},
        {"q": f"values{NUL}"},
        {"q": "x" * 10_000},
        {"q": "NEAR("},
        {"topic": NUL},
        {"topic": "x" * 5000},
        {"organisation": "9" * 40},
        {"organisation": NUL},
        {"type": f"values{NUL}"},
        {"q": SCRIPT},
    ],
)
def test_library_filters_and_search_take_anything(client, library, params):
    response = client.get(library.url, params)
    assert response.status_code == 200
    assert SCRIPT not in response.content.decode()


@pytest.mark.parametrize("page_number", ["abc", "999999", "0", "²", NUL])
def test_a_malformed_library_page_number_is_a_404(client, library, page_number):
    response = client.get(library.url, {"page": page_number})
    assert response.status_code == 404
    assert in_site_look(response)


@pytest.mark.parametrize(
    "path",
    ["editions/%00/", "editions/" + "9" * 3000 + "/", "compare/%00/2015/", "compare/2015/2015/", "file/999/"],
)
def test_malformed_edition_addresses_are_4xx(client, library, path):
    response = client.get(f"{library.url}values/{path}")
    assert response.status_code in (400, 404)
    assert in_site_look(response)


@pytest.mark.parametrize("query", [{"from": NUL, "to": "2015"}, {"from": "2015"}, {"from": "x" * 4000, "to": "y"}])
def test_a_malformed_compare_form_is_a_404(client, library, query):
    response = client.get(f"{library.url}values/compare/", query)
    assert response.status_code == 404


# --- events ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"month": "2026-13"},
        {"month": "2026-00"},
        {"month": "0000-01"},
        {"month": "26-1"},
        {"month": NUL},
        {"region": NUL},
        {"region": "nowhere"},
        {"region": "x" * 5000},
        {"organisation": NUL},
        {"organisation": "../../admin"},
        {"format": "telepathy"},
        {"page": "abc"},
        {"page": "999999"},
        {"page": "²"},
        {"page": "0"},
    ],
)
def test_malformed_event_filters_are_a_404_in_the_site_look(client, calendar, params):
    response = client.get(calendar.url, params)
    assert response.status_code == 404
    assert in_site_look(response)


@pytest.mark.parametrize("path", ["calendar/2026/13/", "calendar/2026/0/", "calendar/0000/1/", "calendar/9999/12/"])
def test_impossible_calendar_months_are_a_404(client, calendar, path):
    response = client.get(calendar.url + path)
    assert response.status_code == 404
    assert in_site_look(response)


def test_a_filter_on_the_month_calendar_is_checked_too(client, calendar):
    response = client.get(calendar.url + "calendar/2026/3/", {"region": NUL})
    assert response.status_code == 404


@pytest.mark.parametrize("path", ["regions/nowhere/ical/", "regions/%00/ical/", "dates/999999999/ical/"])
def test_unknown_feeds_are_a_404(client, calendar, path):
    assert client.get(calendar.url + path).status_code == 404


def test_hostile_event_text_cannot_break_out_of_the_calendar_file(client, calendar):
    """A summary with a line break and iCalendar syntax stays one property of one event."""
    make_event(
        calendar,
        title="Injected",
        start=timezone.now() + datetime.timedelta(days=3),
        summary="Hi\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Fake event\r\nURL:javascript:alert(1)",
    )
    response = client.get(calendar.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    parsed = icalendar.Calendar.from_ical(response.content)
    summaries = sorted(str(event["summary"]) for event in parsed.walk("VEVENT"))
    assert summaries == ["Injected", "Peer support call"]
    injected = next(event for event in parsed.walk("VEVENT") if str(event["summary"]) == "Injected")
    assert "END:VEVENT" in str(injected["description"])
    assert str(injected["url"]).startswith("http")


def test_a_calendar_file_for_an_event_with_a_non_latin_slug_downloads(client, calendar):
    event = make_event(
        calendar, title="Réunion 中文", slug="réunion-中文", start=timezone.now() + datetime.timedelta(days=3)
    )
    response = client.get(event.url + "ical/")
    assert response.status_code == 200
    # RFC 6266's filename*: Django would otherwise MIME-encode the whole header, which browsers ignore.
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''r%C3%A9union-%E4%B8%AD%E6%96%87.ics"
    assert len(list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))) == 1


# --- regional directory and locales ------------------------------------------------


@pytest.mark.parametrize("town", [NUL, f"Boston{NUL}", "x" * 10_000, RLO, SCRIPT, "%", "_", "' OR 1=1 --"])
def test_any_typed_town_gets_a_page(client, home_page, town):
    directory = build_directory(home_page)
    response = client.get(directory.url, {"town": town})
    assert response.status_code == 200
    assert SCRIPT not in response.content.decode()


@pytest.mark.parametrize("path", ["/xx/", "/xx/search/", "/zz-zz/events/", "/en-us/", "/es-xx/", "/ES/"])
def test_unknown_language_prefixes_are_a_404_in_the_site_look(client, home_page, path):
    response = client.get(path)
    assert response.status_code == 404
    assert in_site_look(response)
