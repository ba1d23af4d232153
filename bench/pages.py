"""The public page types the bench measures, found in whatever content the
database holds (the demo or the generated large set).

Also counts SQL queries per request: `python bench/pages.py` (with the same
DATABASE_URL and settings as the server) prints JSON {name: {url, queries,
bytes, status}}. It uses Django's test client in its own process, with an empty
cache, so the counts are those of an uncached request after one warm-up request
(Wagtail's site and locale lookups are cached per process). Run it with
PAGE_CACHE_SECONDS=0, as bench/run.py does, to count uncached requests."""

import datetime
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django():
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")
    import django

    django.setup()


def discover():
    """[(name, url)] for every public page type, picked from the live, public pages."""
    from django.db.models import Count
    from django.utils import timezone
    from wagtail.models import Locale, PageViewRestriction

    from documents.models import DocumentLibraryPage, GuidanceDocumentPage
    from events.models import EventIndexPage, EventPage
    from home.models import ContentPage, HomePage, OrganisationPage

    english = Locale.objects.get(language_code="en")

    def public(model):
        restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
        queryset = model.objects.live().filter(locale=english)
        for path in restricted:
            queryset = queryset.exclude(path__startswith=path)
        return queryset

    home = public(HomePage).first()
    organisation = public(OrganisationPage).first()
    content = public(ContentPage).first()
    library = public(DocumentLibraryPage).order_by("path").first()
    document = public(GuidanceDocumentPage).annotate(n=Count("editions")).order_by("-n", "path").first()
    labels = list(document.editions.order_by("id").values_list("label", flat=True))
    calendar = public(EventIndexPage).order_by("depth", "path").first()
    event = public(EventPage).exclude(frequency="").order_by("path").first() or public(EventPage).first()
    month = timezone.localdate() + datetime.timedelta(days=20)
    pages = [
        ("home", home.url),
        ("organisation", organisation.url),
        ("content page", content.url),
        ("library index", library.url),
        ("guidance document", document.url),
        ("edition history", document.url + "editions/"),
        ("edition compare", document.url + f"compare/{labels[0]}/{labels[-1]}/"),
        ("event index, region", calendar.url + "?region=western"),
        ("event page", event.url),
        ("calendar month", calendar.url + f"calendar/{month.year}/{month.month:02d}/"),
        ("search results", "/search/?query=peer"),
        (".ics feed", calendar.url + "ical/"),
        ("sitemap", "/sitemap.xml"),
    ]
    return pages


def count_queries(pages):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for name, url in pages:
        client.get(url)  # warm per-process caches (site root paths, locales); the page cache is off
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        results[name] = {
            "url": url,
            "status": response.status_code,
            "queries": len(captured),
            "bytes": len(body),
            "sql": [query["sql"][:300] for query in captured] if os.environ.get("BENCH_SHOW_SQL") else None,
        }
    return results


if __name__ == "__main__":
    setup_django()
    if "--static" in sys.argv:
        from django.contrib.staticfiles.storage import staticfiles_storage

        print(staticfiles_storage.url("css/site.css"))
        sys.exit()
    found = discover()
    if "--urls" in sys.argv:
        print(json.dumps(found))
    else:
        print(json.dumps(count_queries(found), indent=1))
