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
        return super().process_response(request, response)
