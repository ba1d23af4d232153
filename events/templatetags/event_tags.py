"""Event listings for other parts of the site: the home page, organisation pages.
The caller supplies the section and its h2; each event's title is an h3.

{% load event_tags %}
{% upcoming_events limit=5 %}
{% upcoming_events limit=3 organisation=page %}
{% next_meeting page %}
"""

from django import template
from django.db.models import Q

from events.models import EventOccurrence
from home.locales import active_locale

register = template.Library()


def _upcoming(organisation=None):
    occurrences = EventOccurrence.objects.visible().upcoming().filter(page__locale=active_locale())
    if organisation is not None:
        # Events it organises, wherever they are filed, and events filed under its page.
        occurrences = occurrences.filter(
            Q(page__organiser__translation_key=organisation.translation_key)
            | Q(page__path__startswith=organisation.path)
        )
    return occurrences.for_listing()


MEMO_SIZE = 10


def _soonest(context, organisation, limit):
    """The first `limit` upcoming dates; an organisation page asks twice (its
    next meeting, its upcoming events): one query for both, kept on the request."""
    request = context.get("request")
    if request is None or limit > MEMO_SIZE:
        return list(_upcoming(organisation)[:limit])
    memo = request.__dict__.setdefault("_upcoming_events", {})
    key = (getattr(organisation, "pk", None), active_locale().pk if active_locale() else None)
    if key not in memo:
        memo[key] = list(_upcoming(organisation)[:MEMO_SIZE])
    return memo[key][:limit]


@register.inclusion_tag("events/includes/upcoming_events.html", takes_context=True)
def upcoming_events(context, limit=5, organisation=None):
    """The soonest dates of live, public events in the reader's language."""
    return {"request": context.get("request"), "occurrences": _soonest(context, organisation, int(limit))}


@register.inclusion_tag("events/includes/next_meeting.html", takes_context=True)
def next_meeting(context, organisation):
    """The next date of any event an organisation runs (its next meeting)."""
    soonest = _soonest(context, organisation, 1)
    return {"request": context.get("request"), "occurrence": soonest[0] if soonest else None}
