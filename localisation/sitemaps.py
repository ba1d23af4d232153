"""The sitemap: every live, public page in every language, with hreflang alternates.

Wagtail's sitemap lists the site's root page and its descendants only, which is
the English tree. This one lists every language's tree (wagtail-localize's
aliases left out: they are the English text at another address) and gives each
page `xhtml:link` alternates for its translations, with `x-default` pointing to
English. Queries do not grow with the number of pages: one for the pages (plus
one per page type for their specific fields), one for view restrictions, one
for the site's language roots and one for their URL paths.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalisedSitemap(Sitemap):
    _items_cache = None

    def items(self):
        # Django asks for the items more than once per response (the pages, the last-modified date).
        if self._items_cache is None:
            self._items_cache = self._load_items()
        return self._items_cache

    def _load_items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key).values_list("path", flat=True)
        in_site = Q()
        for path in roots:
            in_site |= Q(path__startswith=path)
        if not in_site:
            return []
        return list(
            Page.objects.filter(in_site, alias_of__isnull=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
            .select_related("locale", for_specific_subqueries=True)
        )

    def _alternates(self, items):
        """{translation_key: [{"lang_code": ..., "location": ...}, ...]} in the order of LANGUAGES."""
        order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
        by_key = defaultdict(list)
        for page in items:
            url = page.get_full_url(self.request)
            if url:
                by_key[page.translation_key].append((page.locale.language_code, url))
        alternates = {}
        for key, versions in by_key.items():
            versions.sort(key=lambda version: order.get(version[0], len(order)))
            links = [{"lang_code": code, "location": url} for code, url in versions]
            default = dict(versions).get(settings.LANGUAGE_CODE)
            if default:
                links.append({"lang_code": "x-default", "location": default})
            alternates[key] = links
        return alternates

    def _urls(self, page, protocol, domain):
        object_list = list(self.paginator.page(page).object_list)
        alternates = self._alternates(self.paginator.object_list)
        urls = []
        last_mods = set()
        for item in object_list:
            location = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                if url_info.get("location") == location:
                    url_info = {**url_info, "alternates": alternates.get(item.translation_key, [])}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
