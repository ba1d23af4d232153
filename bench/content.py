"""Generate the bench's large content on top of the demo, fast.

2,000 events (a third recurring), 300 guidance documents of 200 numbered items
with 10 editions each, and 500 form submissions. Pages are added with
treebeard's add_child (one insert each, indexed for search as usual); their
editions' revisions, the occurrences and the submissions are bulk-inserted
rather than published one by one through the workflow, which would take an
hour. The result is what those publishes would have stored.

Run with development settings (load_demo must run first):
    DJANGO_SETTINGS_MODULE=settings.dev python bench/content.py [--events N] [--documents N] ...
"""

import argparse
import datetime
import sys
import time
import uuid
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent)]
from pages import setup_django  # noqa: E402


def numbered_body(items, version):
    """A guidance body: a heading and `items` numbered principles; each edition
    rewrites every third item, a different third each time."""
    return [
        ("heading", {"text": "Principles", "level": "h2"}),
        (
            "numbered_list",
            {
                "kind": "principle",
                "items": [
                    {
                        "number": str(n),
                        "title": f"Principle {n}",
                        "text": f"Peer workers hold principle {n} in edition {version if n % 3 == version % 3 else 0}.",
                        "sub_items": [{"label": "", "text": f"A note on principle {n}."}],
                    }
                    for n in range(1, items + 1)
                ],
            },
        ),
    ]


def skip_clean(page):
    """Generated pages are valid by construction: skip Page.full_clean (a slug
    uniqueness query and the StreamField's validation for each of 2,300 pages)."""
    page.full_clean = lambda *args, **kwargs: None
    return page


def add_documents(count, items, editions, log):
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page, Revision

    from documents.models import DocumentLibraryPage, Edition, GuidanceDocumentPage

    library = DocumentLibraryPage.objects.filter(locale__language_code="en").order_by("path").first()
    content_type = ContentType.objects.get_for_model(GuidanceDocumentPage)
    base_type = ContentType.objects.get_for_model(Page)
    now = timezone.now()
    start = time.monotonic()
    for number in range(count):
        with transaction.atomic():
            page = GuidanceDocumentPage(
                title=f"Generated guidance {number}",
                slug=f"generated-guidance-{number}",
                summary="Guidance generated for the benchmark.",
                body=numbered_body(items, editions),
                live=True,
            )
            library.add_child(instance=skip_clean(page))
            revisions = []
            for version in range(1, editions + 1):
                page.body = numbered_body(items, version)
                revisions.append(
                    Revision(
                        content_type=content_type,
                        base_content_type=base_type,
                        object_id=str(page.pk),
                        created_at=now - datetime.timedelta(days=365 * (editions - version)),
                        content=page.serializable_data(),
                        object_str=page.title,
                    )
                )
            Revision.objects.bulk_create(revisions)
            Edition.objects.bulk_create(
                Edition(
                    page=page,
                    label=str(2010 + version),
                    date=datetime.date(2010 + version, 6, 1),
                    summary=f"Edition {2010 + version}.",
                    revision=revision,
                    recorded_at=revision.created_at,
                )
                for version, revision in enumerate(revisions, start=1)
            )
            GuidanceDocumentPage.objects.filter(pk=page.pk).update(
                latest_revision=revisions[-1], live_revision=revisions[-1], last_published_at=now
            )
        if number % 50 == 49:
            log(f"  {number + 1} documents ({time.monotonic() - start:.0f} s)")


def add_events(count, log):
    from django.db import transaction
    from django.utils import timezone

    from events.models import LOCAL_TZ, EventIndexPage, EventOccurrence, EventPage
    from events.recurrence import slots
    from home.models import OrganisationPage, Region

    index = EventIndexPage.objects.filter(locale__language_code="en").order_by("depth", "path").first()
    regions = list(Region.objects.filter(locale__language_code="en").order_by("pk"))
    organisations = list(OrganisationPage.objects.filter(locale__language_code="en").order_by("path"))
    today = timezone.localdate()
    start_time = time.monotonic()
    through = EventPage.regions.through
    for n in range(count):
        day = today + datetime.timedelta(days=(n * 7) % 540 - 120)
        start = datetime.datetime.combine(day, datetime.time(9 + n % 10), tzinfo=LOCAL_TZ)
        recurring = n % 3 == 0
        page = EventPage(
            title=f"Generated event {n}",
            slug=f"generated-event-{n}",
            summary="A peer support gathering generated for the benchmark.",
            start=start,
            end=start + datetime.timedelta(hours=1, minutes=30),
            format=["in_person", "phone", "video"][n % 3],
            venue="Community room",
            address="1 Main Street, Springfield, MA",
            dial_in="617 555 0100",
            organiser=organisations[n % len(organisations)] if organisations else None,
            frequency=("weekly" if n % 2 else "monthly") if recurring else "",
            repeat_count=(10 if n % 2 else 12) if recurring else None,
            live=True,
        )
        with transaction.atomic():
            index.add_child(instance=skip_clean(page))
            through.objects.bulk_create(
                [through(eventpage_id=page.pk, region_id=regions[n % len(regions)].pk)]
                + ([through(eventpage_id=page.pk, region_id=regions[(n + 1) % len(regions)].pk)] if n % 4 == 0 else [])
            )
            EventOccurrence.objects.bulk_create(
                EventOccurrence(page=page, original_start=slot.original_start, start=slot.start, end=slot.end)
                for slot in slots(page, [])
            )
        if n % 500 == 499:
            log(f"  {n + 1} events ({time.monotonic() - start_time:.0f} s)")


def add_submissions(count):
    from home.models.forms import FormPage, FormPageSubmission

    form_page = FormPage.objects.filter(locale__language_code="en").order_by("path").first()
    FormPageSubmission.objects.bulk_create(
        FormPageSubmission(
            page=form_page,
            form_data={"name": f"Reader {n}", "email": f"reader{n}@example.org", "message": "Hello."},
            language="en",
            token=uuid.uuid4(),
        )
        for n in range(count)
    )


def generate(events=2000, documents=300, items=200, editions=10, submissions=500, log=print):
    # Wagtail's reference index (the admin's "usage" counts) is not read by
    # public pages: skip it, as it would double the time.
    from django.apps import apps
    from django.db import transaction
    from django.db.models.signals import post_save
    from wagtail.signal_handlers import update_reference_index_on_save

    for model in apps.get_models():
        post_save.disconnect(update_reference_index_on_save, sender=model)
    with transaction.atomic():  # one commit: SQLite would sync the disk after every page
        _generate(events, documents, items, editions, submissions, log)


def _generate(events, documents, items, editions, submissions, log):
    start = time.monotonic()
    add_events(events, log)
    log(f"{events} events in {time.monotonic() - start:.0f} s")
    start = time.monotonic()
    add_documents(documents, items, editions, log)
    log(f"{documents} documents in {time.monotonic() - start:.0f} s")
    add_submissions(submissions)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--editions", type=int, default=10)
    parser.add_argument("--submissions", type=int, default=500)
    args = parser.parse_args()
    setup_django()
    generate(args.events, args.documents, args.items, args.editions, args.submissions)
