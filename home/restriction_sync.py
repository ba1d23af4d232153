"""Page privacy follows a page into every language.

wagtail-localize keeps an alias of each English page in every other locale
tree. Wagtail copies a page's view restrictions to an alias only when the
alias is created, and copies them to a translation only when it is
translated or synchronised. So a page created by an editor (its aliases are
made at once) and then made members-only by an administrator stayed public
under /es/, /pt/, ... in listings, search, the sitemap and calendar feeds:
serving checks the alias's source (Page.get_view_restrictions follows
alias_of) but `.public()` and the path-based filters only see the alias's own
restrictions.

Here every change to a page's restrictions (created, groups changed,
deleted) is copied at once to its aliases and, for a page in the source
language, to its translations and their aliases, so that each of them is
restricted in the database exactly like its source.
"""

import contextvars

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save

_copying = contextvars.ContextVar("copying_view_restrictions", default=False)


def followers(page):
    """The pages whose privacy follows `page`: aliases (of aliases) and, for
    a page in the source language, its translations and their aliases."""
    from wagtail.models import Locale, Page

    related = Q(alias_of=page)
    if page.locale_id == Locale.get_default().pk:
        related |= Q(translation_key=page.translation_key) | Q(alias_of__translation_key=page.translation_key)
    found = {p.pk: p for p in Page.objects.filter(related).exclude(pk=page.pk)}
    frontier = list(found.values())
    while frontier:  # aliases of aliases
        frontier = [p for p in Page.objects.filter(alias_of__in=frontier) if p.pk not in found and p.pk != page.pk]
        found.update({p.pk: p for p in frontier})
    return list(found.values())


def signature(page):
    return sorted(
        (r.restriction_type, r.password, tuple(sorted(g.pk for g in r.groups.all())))
        for r in page.view_restrictions.all()
    )


def copy_view_restrictions(page):
    from wagtail.models import PageViewRestriction

    wanted = signature(page)
    sources = list(page.view_restrictions.prefetch_related("groups"))
    token = _copying.set(True)
    try:
        for follower in followers(page):
            if signature(follower) == wanted:
                continue
            for restriction in follower.view_restrictions.all():
                restriction.delete()
            for source in sources:
                copy = PageViewRestriction(
                    page=follower, restriction_type=source.restriction_type, password=source.password
                )
                copy.save()
                copy.groups.set(source.groups.all())
    finally:
        _copying.reset(token)


def _page_of(restriction):
    from wagtail.models import Page

    return Page.objects.filter(pk=restriction.page_id).first()


def restriction_changed(sender, instance, **kwargs):
    if _copying.get() or kwargs.get("raw"):
        return
    origin = kwargs.get("origin")
    if origin is not None and not isinstance(origin, sender) and getattr(origin, "model", None) is not sender:
        return  # deleted along with its page: nothing to copy, and the followers keep theirs
    page = _page_of(instance)
    if page is not None:  # gone when the page itself is being deleted
        copy_view_restrictions(page)


def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        restriction_changed(sender, instance)


def connect():
    from wagtail.models import PageViewRestriction

    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="home.restriction_sync.save")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="home.restriction_sync.delete")
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="home.restriction_sync.groups",
    )
