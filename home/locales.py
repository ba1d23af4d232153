"""The reader's Locale without a query on every call.

Wagtail's `Locale.get_active()` reads the locale table each time it is called;
listings on one page call it several times. The Locale of each language is
kept in the shared page cache (home/page_cache.py, so every worker sees the
same) and forgotten when any locale is saved or deleted."""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale

from .page_cache import page_cache

KEY = "active-locale|"


def active_locale():
    """Locale.get_active(), cached; None if there is no locale at all."""
    key = KEY + (get_language() or "")
    locale = page_cache().get(key)
    if locale is None:
        try:
            locale = Locale.get_active()
        except Locale.DoesNotExist:
            return None
        page_cache().set(key, locale, 3600)
    return locale


def forget_locales(**kwargs):
    page_cache().delete_many([KEY + code for code, _name in settings.LANGUAGES] + [KEY])


def connect():
    from django.db.models.signals import post_delete, post_save

    post_save.connect(forget_locales, sender=Locale, dispatch_uid="locales_save")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid="locales_delete")
