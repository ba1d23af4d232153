"""The events demo loads on a bare home page, twice, without duplicates."""

import io

from events import demo
from events.models import EventOccurrence, EventPage
from home.models import Region


def test_demo_loads_idempotently_with_a_spanish_event(home_page):
    demo.load({"stdout": io.StringIO()})
    english = EventPage.objects.filter(locale__language_code="en")
    assert english.count() == 4  # no coalition page here, so no coalition meeting
    occurrences = EventOccurrence.objects.count()
    demo.load({"stdout": io.StringIO()})
    assert english.count() == 4
    assert EventOccurrence.objects.count() == occurrences
    assert set(Region.objects.filter(locale__language_code="en").values_list("slug", flat=True)) >= {
        "central",
        "metro-suburban",
        "metro-boston",
        "southeast",
        "northeast",
        "western",
    }
    spanish = EventPage.objects.get(locale__language_code="es", alias_of__isnull=True)
    assert spanish.title == "Grupo mensual de apoyo entre pares"
    assert spanish.live and spanish.occurrences.exists()
    past = english.get(slug="autumn-gathering-2017")
    assert past.occurrences.get().local_start.year == 2017


def test_translators_see_words_not_numbers(calendar_page):
    from wagtail_localize.models import StringSegment, TranslationSource

    from .conftest import local, make_event

    event = make_event(
        calendar_page,
        "Evening call",
        start=local(2030, 5, 1, 19),
        format="phone",
        dial_in="+1 617 555 0142",
        access_code="508 221",
        venue="Online",
        audience="Peer workers",
    )
    source, _created = TranslationSource.get_or_create_from_instance(event)
    strings = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert {"Evening call", "About Evening call.", "Peer workers", "Online"} <= strings
    assert not strings & {"+1 617 555 0142", "508 221"}
