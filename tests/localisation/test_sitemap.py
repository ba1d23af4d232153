"""/sitemap.xml lists every live public page in every language, with hreflang
alternates, and its query count does not grow with the number of pages."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from .conftest import add_english_page, translate_page

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link[@rel='alternate']", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_every_language_with_alternates_and_x_default(client, english_page, spanish, locales, users):
    translate_page(english_page, locales["ht"], {"Weekly groups": "Gwoup chak semèn"}, user=users["admin"])
    urls = sitemap(client)

    expected = {
        "en": "http://localhost/weekly-groups/",
        "es": "http://localhost/es/weekly-groups/",
        "ht": "http://localhost/ht/weekly-groups/",
        "x-default": "http://localhost/weekly-groups/",
    }
    for location in (
        "http://localhost/weekly-groups/",
        "http://localhost/es/weekly-groups/",
        "http://localhost/ht/weekly-groups/",
    ):
        assert urls[location] == expected
    # Aliases (untranslated pages showing the English text) are not listed.
    assert "http://localhost/pt/weekly-groups/" not in urls
    assert "http://localhost/" in urls


def test_home_pages_of_every_language_are_listed_when_translated(client, home_page, locales, users):
    from tests.conftest import sync_locales

    sync_locales()
    translate_page(
        home_page,
        locales["zh-hans"],
        {"Peer support across Massachusetts": "马萨诸塞州的同伴支持"},
        user=users["admin"],
    )
    urls = sitemap(client)
    assert urls["http://localhost/zh-hans/"]["zh-hans"] == "http://localhost/zh-hans/"
    assert urls["http://localhost/"]["zh-hans"] == "http://localhost/zh-hans/"


def test_private_and_unpublished_pages_are_left_out(client, home_page):
    members = add_english_page(home_page, title="Members corner", slug="members-corner")
    restriction = PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Members"))
    draft = add_english_page(home_page, title="Draft", slug="draft")
    draft.unpublish()
    urls = sitemap(client)
    assert not any("members-corner" in url or "/draft/" in url for url in urls)


def test_query_count_does_not_grow_with_pages(client, home_page, django_assert_max_num_queries, locales, users):
    first = add_english_page(home_page, title="First", slug="first")
    translate_page(first, locales["es"], {"First": "Primero"}, user=users["admin"])
    client.get("/sitemap.xml")  # warm caches (content types)
    with django_assert_max_num_queries(6) as few:
        sitemap(client)
    for number in range(6):
        page = add_english_page(home_page, title=f"Page {number}", slug=f"page-{number}")
        translate_page(page, locales["vi"], {f"Page {number}": f"Trang {number}"}, user=users["admin"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        urls = sitemap(client)
    assert "http://localhost/vi/page-5/" in urls
