"""A page cache for anonymous readers, using Django's cache framework.

Why our own and not wagtail-cache: its latest release (3.0) supports Wagtail up
to 7.0, and it clears by URL, while our pages depend on other pages (listings,
language switchers, "the English has changed since this was translated" notes).

What is cached: the response to an anonymous GET of a live Wagtail page (any of
its routes: editions, calendar months, feeds), of the search results and of the
sitemap. Keyed by host, language, path and query string, and by a generation
number that every change to content bumps (publish, unpublish, delete, move,
any snippet, setting or form data saved), so nothing is ever served stale
after a change; the timeout (PAGE_CACHE_SECONDS) bounds what time alone
changes (an event that has ended).

Never cached, never served from the cache:
- a request that carries a session or messages cookie (a signed-in person,
  someone who just submitted a form): they always get a freshly rendered page;
- a members-only page (page privacy), a preview (Wagtail's dummy request),
  registration pages reached by a private link, anything under /admin/ or
  /documents/;
- a response that sets a cookie (every page with a form sets the CSRF cookie),
  is marked private or no-store, streams (file downloads) or is not a 200.

Responses computed for a request without a session cookie carry `Vary: Cookie`
because the user bar checks whether someone is signed in; serving them only to
requests that also have no session or messages cookie is exactly what that Vary
means here (no other cookie is read by the site).

The generation number lives in the "pages" cache, which settings make shared
between processes (Redis with CACHE_URL, else files on this machine): a publish
in one worker (or the scheduler) clears the pages of all workers.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag

CACHE_ALIAS = "pages"
GENERATION_KEY = "page-cache:generation"
CACHEABLE_URL_NAMES = {"search", "sitemap"}
# Routes of routable pages that show one person's details or a form.
UNCACHEABLE_ROUTES = {"register", "registration"}
EXCLUDED_PREFIXES = ("/admin/", "/documents/")
MESSAGES_COOKIE = "messages"


def page_cache():
    return caches[CACHE_ALIAS if CACHE_ALIAS in settings.CACHES else "default"]


def timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


def generation():
    cache = page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Lost (evicted, a cache restart): start from the clock, never from a
        # number whose old entries might still be stored.
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY)
    return value


def clear():
    """Make every cached page stale (a new generation; old entries expire)."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), None)


def clear_after_commit():
    clear()


def clear_now_and_on_commit():
    # Now, and again once the change is committed: a request that rendered the
    # old content between the two would otherwise keep it under the new
    # generation. Once per transaction, however many rows it saves.
    clear()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        callback is clear_after_commit for _sids, callback, _robust in connection.run_on_commit
    ):
        transaction.on_commit(clear_after_commit)


def may_use_cache(request):
    if timeout() <= 0 or request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_dummy", False):
        return False
    if request.path_info.startswith(EXCLUDED_PREFIXES):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and MESSAGES_COOKIE not in cookies


def cache_key(request, gen):
    language = getattr(request, "LANGUAGE_CODE", "")
    raw = "\n".join([request.get_host(), language, request.path, request.META.get("QUERY_STRING", "")])
    return f"page-cache:{gen}:{hashlib.sha256(raw.encode()).hexdigest()}"


def is_storable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not getattr(request, "page_cache_ok", False):
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name not in CACHEABLE_URL_NAMES:
            return False
    if getattr(request, "serves_private_page", False) or getattr(request, "is_dummy", False):
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    """Serves anonymous readers a stored copy of public pages (see the module's note).
    Sits after LocaleMiddleware (the key includes the language) and before the
    middleware that reads sessions, CSRF tokens and users."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        cache = page_cache()
        key = cache_key(request, generation())
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if is_storable(request, response):
            patch_cache_control(response, public=True, max_age=getattr(settings, "PAGE_CACHE_MAX_AGE", 60))
            patch_vary_headers(response, ("Cookie",))
            if not response.has_header("ETag"):
                set_response_etag(response)
            cache.set(key, response, timeout())
            response["X-Page-Cache"] = "miss"
        return response


def mark_cacheable(page, request, serve_args, serve_kwargs):
    """before_serve_page hook: a live page's own routes may be cached, except
    those showing one registrant's details or the registration form."""
    if serve_args and callable(serve_args[0]) and getattr(serve_args[0], "__name__", "") in UNCACHEABLE_ROUTES:
        return
    request.page_cache_ok = True


# Saves that never change what readers see (sessions, logs, search index, drafts'
# revisions, workflow bookkeeping, translation segments, users' last login).
IGNORED_APPS = {"sessions", "contenttypes", "admin", "wagtailsearch", "wagtailadmin", "wagtail_localize"}
IGNORED_MODELS = {
    ("wagtailcore", "revision"),
    ("wagtailcore", "pagelogentry"),
    ("wagtailcore", "modellogentry"),
    ("wagtailcore", "workflowstate"),
    ("wagtailcore", "taskstate"),
    ("wagtailcore", "pagesubscription"),
    ("wagtailcore", "comment"),
    ("wagtailcore", "commentreply"),
    ("wagtailcore", "referenceindex"),
    ("auth", "user"),
    # Form data readers never see (signatures are counted once approved, which
    # is a save of the signature; registrations change places left).
    ("home", "formpagesubmission"),
    ("home", "subscriber"),
    ("wagtailforms", "formsubmission"),
}


def content_changed(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label in IGNORED_APPS or (meta.app_label, meta.model_name) in IGNORED_MODELS:
        return
    if kwargs.get("created") and is_settings_model(sender):
        # Wagtail creates a site's settings row, with its defaults, the first
        # time a page reads it (get_or_create): readers see nothing new.
        return
    clear_now_and_on_commit()


def is_settings_model(model):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return issubclass(model, BaseSiteSetting | BaseGenericSetting)


def page_event(sender, **kwargs):
    clear_now_and_on_commit()


def connect():
    """Called from HomeConfig.ready: the hook that marks pages cacheable and the
    signals that clear the cache."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail import hooks
    from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

    for signal in (post_save, post_delete):
        signal.connect(content_changed, dispatch_uid=f"page_cache_{id(signal)}")
    m2m_changed.connect(content_changed, dispatch_uid="page_cache_m2m")
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(page_event, dispatch_uid=f"page_cache_{id(signal)}")
    hooks.register("before_serve_page", mark_cacheable)
