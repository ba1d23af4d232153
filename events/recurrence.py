"""From an event's rule to its dates, and from its dates to stored occurrences.

Rules are expanded in local wall-clock time (America/New_York) and only then
given their zone, so a 7pm weekly call stays at 7pm across the daylight-saving
change. Rules without a count stop at the horizon (`refresh_occurrences` moves
it); a count is at most 500 (validated), so such a series is stored in full.
"""

import datetime
from dataclasses import dataclass

from dateutil import rrule
from django.db import transaction
from django.utils import timezone

from .models import HORIZON, LOCAL_TZ, EventOccurrence, Frequency

# A safety net beyond the horizon and the validators: no rule yields more dates.
MAX_OCCURRENCES = 1000


@dataclass(frozen=True)
class Slot:
    original_start: datetime.datetime
    start: datetime.datetime
    end: datetime.datetime


def monthly_position(local_start):
    """Which weekday of the month: 1-4, or -1 for the last (a 29th-31st start)."""
    week = (local_start.day - 1) // 7 + 1
    return -1 if week == 5 else week


def rule_for(page, *, until=None):
    """The dateutil rule of a repeating event, in naive local time, or None."""
    if not page.frequency:
        return None
    local_start = timezone.localtime(page.start, LOCAL_TZ).replace(tzinfo=None)
    options = {"dtstart": local_start, "interval": page.interval or 1}
    if page.frequency == Frequency.MONTHLY:
        weekday = rrule.weekdays[local_start.weekday()]
        options["byweekday"] = weekday(monthly_position(local_start))
        freq = rrule.MONTHLY
    else:
        freq = rrule.WEEKLY
    if page.repeat_count:
        options["count"] = page.repeat_count
    else:
        last = datetime.datetime.combine(page.repeat_until, datetime.time.max) if page.repeat_until else None
        if until is not None and (last is None or until < last):
            last = until
        options["until"] = last
    return rrule.rrule(freq, **options)


def slots(page, changes, *, horizon=None):
    """The dates of an event up to the horizon, with skipped dates left out and moved ones moved."""
    horizon = horizon or timezone.now() + HORIZON
    duration = page.end - page.start
    rule = rule_for(page, until=timezone.localtime(horizon, LOCAL_TZ).replace(tzinfo=None))
    if rule is None:
        starts = [timezone.localtime(page.start, LOCAL_TZ)]
    else:
        starts = []
        for naive in rule:
            if len(starts) >= MAX_OCCURRENCES:
                break
            starts.append(naive.replace(tzinfo=LOCAL_TZ))
    by_date = {change.date: change for change in changes}
    result = []
    for start in starts:
        local_end = (start.replace(tzinfo=None) + duration).replace(tzinfo=LOCAL_TZ)
        change = by_date.get(start.date())
        if change is None:
            result.append(Slot(start, start, local_end))
        elif change.new_start:
            new_end = change.new_end or change.new_start + duration
            result.append(Slot(start, change.new_start, new_end))
    return result


def skipped_dates(page, changes):
    """Local start times of the dates a series skips (for EXDATE)."""
    rule = rule_for(page)
    if rule is None:
        return []
    skipped = {change.date for change in changes if not change.new_start}
    local_start = timezone.localtime(page.start, LOCAL_TZ)
    return [
        datetime.datetime.combine(day, local_start.time().replace(tzinfo=None)).replace(tzinfo=LOCAL_TZ)
        for day in sorted(skipped)
    ]


@transaction.atomic
def refresh_occurrences(page, *, source=None, horizon=None):
    """Make the stored occurrences of `page` match its rule (or its alias source's).

    Dates that leave the schedule are deleted, unless someone registered for
    them: those are kept and marked cancelled, so registrants are not lost.
    """
    source = source or page
    wanted = {slot.original_start: slot for slot in slots(source, list(source.date_changes.all()), horizon=horizon)}
    existing = {occurrence.original_start: occurrence for occurrence in page.occurrences.all()}
    for original_start, slot in wanted.items():
        occurrence = existing.pop(original_start, None)
        if occurrence is None:
            EventOccurrence.objects.create(
                page=page, original_start=slot.original_start, start=slot.start, end=slot.end
            )
        elif (occurrence.start, occurrence.end, occurrence.cancelled) != (slot.start, slot.end, False):
            occurrence.start, occurrence.end, occurrence.cancelled = slot.start, slot.end, False
            occurrence.save(update_fields=["start", "end", "cancelled"])
    for occurrence in existing.values():
        if occurrence.registrants.exists():
            if not occurrence.cancelled:
                occurrence.cancelled = True
                occurrence.save(update_fields=["cancelled"])
        else:
            occurrence.delete()
