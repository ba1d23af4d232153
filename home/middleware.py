import errno
import logging

from csp.middleware import CSPMiddleware

logger = logging.getLogger(__name__)

ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    """Our strict Content-Security-Policy for the public site; Wagtail's admin
    gets the two relaxations it needs (its own inline scripts and styles) and
    may frame itself, for the live preview and the accessibility checks."""

    def process_response(self, request, response):
        if request.path_info.startswith(ADMIN_PREFIX):
            response._csp_update = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}
            response._csp_replace = {"frame-ancestors": ["'self'"]}
            if "X-Frame-Options" not in response:
                response["X-Frame-Options"] = "SAMEORIGIN"
        elif getattr(request, "is_dummy", False):
            # A preview (Wagtail's dummy request for the page's own URL, answered
            # inside an admin view): the editor's preview and Checks panels frame it.
            response._csp_replace = {"frame-ancestors": ["'self'"]}
            if "X-Frame-Options" not in response:
                response["X-Frame-Options"] = "SAMEORIGIN"
        return super().process_response(request, response)


class PrivatePageCacheMiddleware:
    """A page restricted to a group (members-only) is never stored by a shared
    cache or a CDN: its response is marked private and not to be stored. The
    before_serve_page hook in home/wagtail_hooks.py flags such requests."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "serves_private_page", False):
            from django.utils.cache import add_never_cache_headers, patch_cache_control

            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


OUTAGE_RETRY_AFTER_SECONDS = 30
STORAGE_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def outage_kind(exception):
    """'database' when the database cannot be reached (down, restarting, the
    connection dropped), 'storage' when the media volume is full, else None."""
    from django.db import InterfaceError, OperationalError

    if isinstance(exception, OperationalError | InterfaceError):
        return "database"
    if isinstance(exception, OSError) and exception.errno in STORAGE_FULL_ERRNOS:
        return "storage"
    return None


def outage_response(kind):
    """The 503 page in the site's look, rendered without a request, context
    processors or the database (which may be the very thing that is down)."""
    from django.http import HttpResponse
    from django.template import loader

    body = loader.get_template("503.html").render({"storage_full": kind == "storage"})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(OUTAGE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class OutageMiddleware:
    """While PostgreSQL is down or restarting (or the media volume is full),
    readers get a calm 503 page with Retry-After instead of a 500. Nothing is
    kept between requests: with CONN_HEALTH_CHECKS the next request reconnects,
    so the site comes back by itself as soon as the database does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        kind = outage_kind(exception)
        if kind is None:
            return None
        logger.warning("Answered %s with 503: %s unavailable (%s)", request.path, kind, exception)
        return outage_response(kind)
