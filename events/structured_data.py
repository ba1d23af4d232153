"""schema.org Event JSON-LD. A data block, not a script: the CSP does not apply to it."""

import json

from django.utils.safestring import mark_safe

from .models import Format

# The same escapes as Django's json_script, so no "</script>" can end the block.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def event_json_ld(page, request, occurrences):
    url = page.get_full_url(request)
    upcoming = [occurrence for occurrence in occurrences if not occurrence.cancelled]
    first = upcoming[0] if upcoming else None
    start, end = (first.local_start, first.local_end) if first else (page.local_start, page.local_end)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "startDate": start.date().isoformat() if page.all_day else start.isoformat(),
        "endDate": end.date().isoformat() if page.all_day else end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "inLanguage": page.locale.language_code,
    }
    if page.format == Format.IN_PERSON:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["location"] = {"@type": "Place", "name": page.venue or page.address, "address": page.address}
    else:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation", "url": url}
    if page.organiser_id:
        data["organizer"] = {"@type": "Organization", "name": page.organiser.title}
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))  # noqa: S308  escaped above
