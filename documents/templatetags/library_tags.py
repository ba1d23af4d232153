"""Lists of library documents for other parts of the site (home page, organisation pages)."""

from django import template

from documents.models import Edition, GuidanceDocumentPage
from home.locales import active_locale
from home.privacy import public

register = template.Library()


def _active_locale():
    return active_locale()


@register.inclusion_tag("documents/tags/latest_editions.html", takes_context=True)
def latest_editions(context, limit=5):
    """The newest editions across the library, in the active language, live and public only."""
    documents = public(GuidanceDocumentPage.objects.live())
    locale = _active_locale()
    if locale is not None:
        documents = documents.filter(locale=locale)
    editions = (
        Edition.objects.filter(page__in=documents)
        .select_related("page")
        .order_by("-date", "-id")[: max(1, min(int(limit), 50))]
    )
    return {"request": context.get("request"), "editions": list(editions)}


@register.inclusion_tag("documents/tags/organisation_documents.html", takes_context=True)
def organisation_documents(context, organisation):
    """Guidance documents first written by `organisation`, in the active language."""
    documents = GuidanceDocumentPage.objects.none()
    if organisation is not None and getattr(organisation, "translation_key", None):
        documents = public(GuidanceDocumentPage.objects.live()).filter(
            origin_organisation__translation_key=organisation.translation_key
        )
        locale = _active_locale()
        if locale is not None:
            documents = documents.filter(locale=locale)
    return {"request": context.get("request"), "documents": list(documents.order_by("title"))}
