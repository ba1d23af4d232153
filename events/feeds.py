"""iCalendar (RFC 5545) files: one per event (with its RRULE, EXDATEs and moved
dates), one per date (for the confirmation email), and subscribable feeds per
index and per region. Feeds are public: only public joining details go in them;
a registrant's own .ics also carries the registrants-only details."""

import datetime

import icalendar
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from home.models import Region

from .models import LOCAL_TZ, EventOccurrence, Format, Frequency, Visibility
from .recurrence import monthly_position, skipped_dates

PRODID = "-//Massachusetts Peer Support Networks//Events//EN"
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def new_calendar(name=None):
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", str(LOCAL_TZ))
    return cal


def uid(page, request):
    return f"event-{page.translation_key}-{page.locale.language_code}@{request.get_host().split(':')[0]}"


def describe(page, request, registrant=None):
    lines = [page.summary]
    for detail in page.joining_details(None, registrant):
        if detail["value"]:
            lines.append(f"{detail['label']}: {detail['value']}")
        elif detail["visibility"] == Visibility.MEMBERS:
            lines.append(_("%(label)s: for members, on the event page.") % {"label": detail["label"]})
        else:
            lines.append(_("%(label)s: sent to people who register.") % {"label": detail["label"]})
    lines.append(page.get_full_url(request))
    return "\n\n".join(str(line) for line in lines if line)


def location(page):
    if page.format == Format.IN_PERSON:
        return ", ".join(part for part in (page.venue, page.address) if part)
    return str(page.get_format_display())


def add_times(event, start, end, all_day):
    if all_day:
        event.add("dtstart", timezone.localtime(start, LOCAL_TZ).date())
        event.add("dtend", timezone.localtime(end, LOCAL_TZ).date() + datetime.timedelta(days=1))
    else:
        event.add("dtstart", timezone.localtime(start, LOCAL_TZ))
        event.add("dtend", timezone.localtime(end, LOCAL_TZ))


def base_event(page, request, registrant=None):
    event = icalendar.Event()
    event.add("summary", page.title)
    event.add("description", describe(page, request, registrant))
    if place := location(page):
        event.add("location", place)
    event.add("url", page.get_full_url(request))
    event.add("dtstamp", timezone.now())
    event.add("last-modified", page.last_published_at or timezone.now())
    return event


def recurrence_rule(page):
    local_start = timezone.localtime(page.start, LOCAL_TZ)
    rule = {"freq": page.frequency.upper(), "interval": page.interval or 1}
    if page.frequency == Frequency.MONTHLY:
        rule["byday"] = f"{monthly_position(local_start)}{WEEKDAYS[local_start.weekday()]}"
    if page.repeat_count:
        rule["count"] = page.repeat_count
    elif page.repeat_until:
        last = datetime.datetime.combine(page.repeat_until, datetime.time(23, 59, 59), tzinfo=LOCAL_TZ)
        rule["until"] = last.astimezone(datetime.UTC)
    return icalendar.vRecur(rule)


def page_events(page, request):
    """The VEVENTs of an event page: the series (or single date) plus one per moved date."""
    changes = list(page.date_changes.all())
    event = base_event(page, request)
    event.add("uid", uid(page, request))
    add_times(event, page.start, page.end, page.all_day)
    events = [event]
    if page.frequency:
        event.add("rrule", recurrence_rule(page))
        for skipped in skipped_dates(page, changes):
            event.add("exdate", skipped.date() if page.all_day else skipped)
        duration = page.end - page.start
        for change in changes:
            if not change.new_start:
                continue
            moved = base_event(page, request)
            moved.add("uid", uid(page, request))
            original = datetime.datetime.combine(
                change.date, timezone.localtime(page.start, LOCAL_TZ).time(), tzinfo=LOCAL_TZ
            )
            moved.add("recurrence-id", original.date() if page.all_day else original)
            add_times(moved, change.new_start, change.new_end or change.new_start + duration, page.all_day)
            events.append(moved)
    return events


def finish(cal, filename):
    cal.add_missing_timezones()
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def event_file(request, page):
    cal = new_calendar()
    for event in page_events(page, request):
        cal.add_component(event)
    return finish(cal, f"{page.slug}.ics")


def occurrence_calendar(request, occurrence, registrant=None):
    page = occurrence.page
    cal = new_calendar()
    event = base_event(page, request, registrant)
    event.add("uid", f"occurrence-{occurrence.pk}-{page.locale.language_code}@{request.get_host().split(':')[0]}")
    add_times(event, occurrence.start, occurrence.end, page.all_day)
    if occurrence.cancelled:
        event.add("status", "CANCELLED")
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal


def occurrence_file(request, page, occurrence_id):
    occurrence = get_object_or_404(EventOccurrence, pk=occurrence_id, page=page)
    occurrence.page = page
    cal = occurrence_calendar(request, occurrence)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        True, f"{page.slug}-{occurrence.local_start:%Y-%m-%d}.ics"
    )
    return response


def index_feed(request, index, region_slug=None):
    pages = index.event_pages().select_related("locale").prefetch_related("date_changes")
    name = index.title
    if region_slug:
        region = Region.objects.filter(slug=region_slug).order_by("locale_id").first()
        if region is None:
            raise Http404(_("There is no region called “%(slug)s”.") % {"slug": region_slug})
        pages = pages.filter(regions__translation_key=region.translation_key)
        name = f"{index.title}: {region.name}"
    cal = new_calendar(name)
    for page in pages.order_by("start", "pk"):
        for event in page_events(page, request):
            cal.add_component(event)
    slug = f"{index.slug}-{region_slug}" if region_slug else index.slug
    response = finish(cal, f"{slug}.ics")
    response["Content-Disposition"] = content_disposition_header(False, f"{slug}.ics")
    return response
