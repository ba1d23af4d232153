"""Bad input gets the right 4xx page in the site's look, never a 500."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from home.models import ContentPage

pytestmark = pytest.mark.django_db


def in_site_look(response):
    return BeautifulSoup(response.content, "html.parser").select_one(".site-header") is not None


@pytest.fixture
def searchable(home_page):
    page = ContentPage(title="Mutual support", slug="mutual-support", intro="Peers meet as equals.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_search_finds_live_pages_in_the_readers_language(client, searchable):
    response = client.get("/search/", {"query": "equals"})
    assert response.status_code == 200
    titles = [a.get_text() for a in BeautifulSoup(response.content, "html.parser").select(".results a")]
    assert titles == ["Mutual support"]


def test_search_does_not_show_drafts(client, searchable):
    draft = ContentPage(title="Unreviewed draft", slug="draft", intro="equals in a draft", live=False)
    searchable.get_parent().add_child(instance=draft)
    response = client.get("/search/", {"query": "draft"})
    assert b"Unreviewed draft" not in response.content


@pytest.mark.parametrize("query", ["a\x00b", "w" * 10_000])
def test_search_rejects_nul_bytes_and_huge_words_with_400(client, home_page, query):
    response = client.get("/search/", {"query": query})
    assert response.status_code == 400
    assert in_site_look(response)
    assert "too long" in response.content.decode()


@pytest.mark.parametrize("page_number", ["0", "abc", "99999999999999999999", "-1"])
def test_search_with_a_bad_page_number_is_a_404(client, searchable, page_number):
    response = client.get("/search/", {"query": "equals", "page": page_number})
    assert response.status_code == 404
    assert in_site_look(response)


def test_unknown_page_is_a_404_in_the_site_look(client, home_page):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert in_site_look(response)


def test_an_over_long_url_is_a_404_not_a_500(client, home_page):
    response = client.get("/" + "a" * 5000 + "/")
    assert response.status_code == 404


def test_a_post_without_csrf_token_is_refused_in_the_site_look(home_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert in_site_look(response)
    assert "expired" in response.content.decode()


def test_server_error_page_renders_without_a_database(rf):
    from home.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
