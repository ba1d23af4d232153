"""Wagtail's `.public()` for listings, without its query on every call.

`PageQuerySet.public()` reads every page view restriction each time it is
called (one query per listing on a page). The restricted sections' paths are
kept in the shared page cache (home/page_cache.py, so every worker sees the
same) and forgotten whenever a restriction is added, changed or removed, or a
page moves (which changes paths): a new restriction is honoured by the very
next request, in every worker.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from .page_cache import page_cache

KEY = "restricted-paths"


def restricted_paths():
    cache = page_cache()
    paths = cache.get(KEY)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(KEY, paths, 3600)
    return paths


def forget_restricted_paths(**kwargs):
    from django.db import transaction

    page_cache().delete(KEY)
    transaction.on_commit(lambda: page_cache().delete(KEY))


def private_q(prefix=""):
    """Rows inside a restricted section; `prefix` reaches the page ("page__" for occurrences)."""
    q = Q()
    for path in restricted_paths():
        q |= Q(**{f"{prefix}path__startswith": path})
    return q


def public(queryset, prefix=""):
    """`queryset` without pages in a members-only (or any restricted) section."""
    private = private_q(prefix)
    return queryset.exclude(private) if private else queryset


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import post_page_move

    post_save.connect(forget_restricted_paths, sender=PageViewRestriction, dispatch_uid="privacy_save")
    post_delete.connect(forget_restricted_paths, sender=PageViewRestriction, dispatch_uid="privacy_delete")
    post_page_move.connect(forget_restricted_paths, dispatch_uid="privacy_move")
