"""Guide entries for the language guide's tests: a few English and Spanish terms."""

import pytest
from wagtail.models import Locale

from language_guide.models import LanguageGuideEntry


def make_entry(term, language="en", *, live=True, **fields):
    values = {
        "reason": "It labels people instead of describing them.",
        "alternatives": "person\nmember",
        "severity": LanguageGuideEntry.Severity.AVOID,
        **fields,
    }
    entry = LanguageGuideEntry(term=term, locale=Locale.objects.get(language_code=language), **values)
    entry.save()
    if live:
        entry.save_revision().publish()
        entry.refresh_from_db()
    else:
        entry.live = False
        entry.save()
    return entry


@pytest.fixture
def guide(db):
    """A small guide: English and Spanish entries, one draft that must not count."""
    return {
        "client": make_entry("client", alternatives="person\nmember\nparticipant"),
        "consumer": make_entry(
            "consumer", reason="A system word for people.", alternatives="person with lived experience"
        ),
        "non-compliant": make_entry("non-compliant", alternatives="chose not to"),
        "suffers from": make_entry(
            "suffers from",
            variants="suffering from",
            severity=LanguageGuideEntry.Severity.CONSIDER,
            alternatives="lives with",
        ),
        "the mentally ill": make_entry("the mentally ill", alternatives="people with mental health conditions"),
        "draft": make_entry("service user", live=False),
        "cliente": make_entry("cliente", "es", alternatives="persona\nmiembro"),
        "enfermo mental": make_entry("enfermo mental", "es", alternatives="persona con una condición de salud mental"),
        "padece de": make_entry("padece de", "es", alternatives="vive con"),
    }
