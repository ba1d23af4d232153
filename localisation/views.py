from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .sitemaps import LocalisedSitemap


def sitemap(request):
    """/sitemap.xml: every language's pages with their hreflang alternates."""
    return wagtail_sitemap(request, sitemaps={"pages": LocalisedSitemap})
