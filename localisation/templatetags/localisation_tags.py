"""{% translation_status page as status %}: see localisation.status."""

from django import template
from wagtail.models import Page

from localisation.status import TranslationStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_status(context, page):
    if not isinstance(page, Page) or not page.pk:
        return None
    return TranslationStatus(page, request=context.get("request"))
