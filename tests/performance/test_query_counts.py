"""Every public page type runs a fixed number of SQL queries, uncached (the page
cache is off in tests), with a small site and with a larger one: the count does
not grow with the number of events, documents, organisations or pages.

The numbers are exact: a change that adds a query to a page shows up here."""

# Queries per uncached request, after one warm-up request (Wagtail keeps the
# site's root paths in the cache between requests; base.html keeps the header,
# footer and language links per page and content generation). The target is at
# most 10 for every page type: those above it are listed in the README.
EXPECTED = {
    "home": 11,
    "organisation": 14,
    "content page": 8,
    "library index": 13,
    "guidance document": 13,
    "edition history": 12,
    "edition compare": 13,
    "event index, region": 14,
    "event page": 14,
    "calendar month": 10,
    "search results": 4,
    ".ics feed": 9,
    "sitemap": 11,
}
# Pages that list things: larger with the larger site.
LISTINGS = {"home", "library index", "event index, region", "calendar month", "search results", ".ics feed", "sitemap"}


def measure(client, urls, django_assert_num_queries):
    sizes = {}
    for name, expected in EXPECTED.items():
        assert client.get(urls[name]).status_code == 200, name
        with django_assert_num_queries(expected):
            response = client.get(urls[name])
        assert response.status_code == 200, name
        sizes[name] = len(response.content)
    return sizes


def test_every_public_page_type_runs_the_same_queries_small_and_large(client, site_content, django_assert_num_queries):
    urls = site_content.urls()
    assert set(urls) == set(EXPECTED)
    client.get("/")  # the very first request creates the site settings
    small = measure(client, urls, django_assert_num_queries)
    site_content.grow(24)
    large = measure(client, urls, django_assert_num_queries)
    for name in LISTINGS:
        assert large[name] > small[name], f"{name}: the larger site should list more"
