"""{% translation_status page as status %}: see localisation.status."""

from django import template
from django.template.defaultfilters import date as date_filter
from wagtail.models import Page

from localisation.dateformats import date_style
from localisation.status import TranslationStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_status(context, page):
    if not isinstance(page, Page) or not page.pk:
        return None
    return TranslationStatus(page, request=context.get("request"))


@register.filter(expects_localtime=True, is_safe=False)
def local_date(value, style="date"):
    """A date or time in the reader's language's own order and words; see localisation.dateformats."""
    if value in (None, ""):
        return ""
    try:
        return date_filter(value, date_style(style))
    except KeyError:
        return date_filter(value, date_style("date"))
