"""Template tags for the chrome every page shares: language links and the site's name."""

import copy

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Locale, Page

register = template.Library()


def _language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: where the same content lives in that language.

    On a Wagtail page, the translation (or wagtail-localize's synced alias) of the
    page; if a language has neither, that language's home page, flagged so that
    it can say the page is not translated. Elsewhere, the same URL under the
    other language's prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    if isinstance(page, Page) and page.id:
        translations = {
            p.locale.language_code: p for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        homes = None
        for code, _name in settings.LANGUAGES:
            translation = translations.get(code)
            if translation is not None:
                url = translation.get_url(request)
                fallback = False
            else:
                if homes is None:
                    homes = _home_pages(request)
                url = homes.get(code, "/")
                fallback = True
            links.append(_link(code, current, url, fallback))
    elif request is not None:
        for code, _name in settings.LANGUAGES:
            links.append(_link(code, current, translate_url(request.get_full_path(), code), False))
    return links


def _link(code, current, url, fallback):
    if fallback:
        url = f"{url}?untranslated=1"
    return {
        "code": code,
        "name": _language_name(code),
        "url": url,
        "is_current": code == current,
        "fallback": fallback,
    }


def _home_pages(request):
    root = Page.get_first_root_node()
    site_root = None
    if request is not None:
        from wagtail.models import Site

        site = Site.find_for_request(request)
        site_root = site.root_page if site else None
    homes = {}
    if site_root is not None:
        for home in site_root.get_translations(inclusive=True).live().select_related("locale"):
            homes[home.locale.language_code] = home.get_url(request)
    else:
        for home in root.get_children().live().select_related("locale"):
            homes.setdefault(home.locale.language_code, home.get_url(request))
    return homes


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    """Alternate URLs for search engines: real translations only, not aliases."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or not page.id:
        return []
    alternates = []
    for translation in (
        page.get_translations(inclusive=True).live().filter(alias_of__isnull=True).select_related("locale")
    ):
        url = translation.get_full_url(request)
        if url:
            alternates.append({"code": translation.locale.language_code, "url": url})
    return alternates


@register.simple_tag(takes_context=True)
def chrome_key(context):
    """What the shared parts of a page (head links, header, footer) depend on:
    the content generation (bumped by any change, see home/page_cache.py), the
    host, the language and the page (or, elsewhere, the path). base.html caches
    those parts with {% cache %} under this key."""
    from home.page_cache import generation

    request = context.get("request")
    page = context.get("page")
    where = f"page-{page.pk}" if isinstance(page, Page) and page.pk else (request.get_full_path() if request else "")
    host = request.get_host() if request is not None else ""
    return f"{generation()}|{host}|{get_language()}|{where}"


@register.simple_tag(takes_context=True)
def locale_home(context):
    """The home page of the reader's language (its name and tagline head every page).
    Kept in the cache per host, language and content generation."""
    request = context.get("request")
    if request is None:
        return None
    from django.core.cache import cache

    from home.page_cache import generation

    key = f"locale-home|{generation()}|{request.get_host()}|{get_language()}"
    home = cache.get(key)
    if home is None:
        home = _locale_home(request)
        if home is not None:
            # The page being served may be this very object, with request-only
            # state on it (flag_private_pages in wagtail_hooks.py): keep a clean copy.
            home = copy.copy(home)
            home.__dict__.pop("get_view_restrictions", None)
        cache.set(key, home, 3600)
    return home


def _locale_home(request):
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return root.specific
    if root.locale_id == locale.id:
        return root.specific
    translation = root.get_translation_or_none(locale)
    return (translation or root).specific


@register.filter
def bdi(value):
    """Text a reader typed, isolated from the sentence around it (<bdi>): a
    right-to-left name, or a right-to-left override character, cannot reorder
    the words that follow it."""
    return format_html("<bdi>{}</bdi>", value)
