"""A site with one page of every public type, and a way to make it larger, for
query counts that must not grow with the amount of content."""

import datetime

import pytest
from django.utils import timezone

from home.models import ContentPage, OrganisationPage
from tests.conftest import publish
from tests.documents.conftest import make_document, make_library, numbered, publish_edition
from tests.events.conftest import BOSTON, make_event, make_index, make_region


def body(items, changed_every=0):
    return [
        ("heading", {"text": "Principles", "level": "h2"}),
        numbered(
            "principle",
            [
                (n, f"Title {n}", f"Principle {n}{' revised' if changed_every and n % changed_every == 0 else ''}.", [])
                for n in range(1, items + 1)
            ],
        ),
    ]


class Site:
    """Home, an organisation, a content page, a library with a guidance document
    in two editions, a statewide calendar with events (one weekly) in regions."""

    def __init__(self, home):
        self.home = home
        self.regions = [make_region("western", "Western Mass"), make_region("metro-boston", "Metro Boston")]
        self.organisation = self.add(home, OrganisationPage(title="Western Peer Network", slug="western-network"))
        self.content = self.add(home, ContentPage(title="What peer support is", slug="what-is-peer-support"))
        self.library = make_library(home)
        self.document = make_document(self.library, title="Code of ethics", slug="code-of-ethics")
        publish_edition(self.document, "2013", body(4))
        publish_edition(self.document, "2015", body(4, changed_every=2))
        self.calendar = make_index(home, title="Statewide calendar", slug="events")
        self.event = self.add_event(0, frequency="weekly", repeat_count=10)
        self.size = 1

    @staticmethod
    def add(parent, page):
        parent.add_child(instance=page)
        return publish(page)

    def add_event(self, n, **fields):
        day = timezone.localdate() + datetime.timedelta(days=1 + n % 20)
        start = datetime.datetime.combine(day, datetime.time(9 + n % 8), tzinfo=BOSTON)
        return make_event(
            self.calendar,
            f"Peer gathering {n}",
            start=start,
            regions=[self.regions[n % 2]],
            organiser=self.organisation,
            slug=f"peer-gathering-{n}",
            **fields,
        )

    def grow(self, count):
        """`count` more of everything a page lists: events (a third weekly),
        documents, organisations and content pages."""
        for n in range(self.size, self.size + count):
            self.add_event(n, **({"frequency": "weekly", "repeat_count": 6} if n % 3 == 0 else {}))
            publish_edition(make_document(self.library, title=f"Guidance {n}", slug=f"guidance-{n}"), "2015", body(2))
            if n % 2 == 0:
                self.add(self.home, OrganisationPage(title=f"Network {n}", slug=f"network-{n}"))
                self.add(self.content, ContentPage(title=f"More about peer support {n}", slug=f"more-{n}"))
        self.size += count

    def urls(self):
        month = timezone.localdate() + datetime.timedelta(days=10)
        document = self.document.url
        return {
            "home": "/",
            "organisation": self.organisation.url,
            "content page": self.content.url,
            "library index": self.library.url,
            "guidance document": document,
            "edition history": document + "editions/",
            "edition compare": document + "compare/2013/2015/",
            "event index, region": self.calendar.url + "?region=western",
            "event page": self.event.url,
            "calendar month": self.calendar.url + f"calendar/{month.year}/{month.month:02d}/",
            "search results": "/search/?query=gathering",
            ".ics feed": self.calendar.url + "ical/",
            "sitemap": "/sitemap.xml",
        }


@pytest.fixture
def site_content(home_page):
    return Site(home_page)
