"""Event listings for other parts of the site: the home page, organisation pages.
The caller supplies the section and its h2; each event's title is an h3.

{% load event_tags %}
{% upcoming_events limit=5 %}
{% upcoming_events limit=3 organisation=page %}
{% next_meeting page %}
"""

from django import template
from django.db.models import Q
from wagtail.models import Locale

from events.models import EventOccurrence

register = template.Library()


def _upcoming(organisation=None):
    occurrences = EventOccurrence.objects.visible().upcoming().filter(page__locale=Locale.get_active())
    if organisation is not None:
        # Events it organises, wherever they are filed, and events filed under its page.
        occurrences = occurrences.filter(
            Q(page__organiser__translation_key=organisation.translation_key)
            | Q(page__path__startswith=organisation.path)
        )
    return occurrences.for_listing()


@register.inclusion_tag("events/includes/upcoming_events.html", takes_context=True)
def upcoming_events(context, limit=5, organisation=None):
    """The soonest dates of live, public events in the reader's language."""
    return {"request": context.get("request"), "occurrences": list(_upcoming(organisation)[:limit])}


@register.inclusion_tag("events/includes/next_meeting.html", takes_context=True)
def next_meeting(context, organisation):
    """The next date of any event an organisation runs (its next meeting)."""
    return {"request": context.get("request"), "occurrence": _upcoming(organisation).first()}
