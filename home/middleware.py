from csp.middleware import CSPMiddleware

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
