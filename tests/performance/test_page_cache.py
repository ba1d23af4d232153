"""The page cache for anonymous readers: served without queries, cleared by
publishing and by snippet changes, and never used for members-only pages,
drafts and previews, pages with forms, or anyone signed in."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from home import roles
from home.models import ContentPage, FormPage
from tests.conftest import publish

pytestmark = pytest.mark.usefixtures("page_cache")


def cached_twice(client, url):
    first = client.get(url)
    second = client.get(url)
    return first, second


def test_a_cached_page_is_served_without_queries(client, site_content, django_assert_num_queries):
    url = site_content.content.url
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=60" in second["Cache-Control"]
    assert second["ETag"]


def test_every_public_page_type_is_cached(client, site_content):
    for name, url in site_content.urls().items():
        _first, second = cached_twice(client, url)
        assert second.status_code == 200, name
        assert second["X-Page-Cache"] == "hit", name


def test_conditional_get_answers_304(client, site_content):
    response = client.get(site_content.content.url)
    again = client.get(site_content.content.url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_publishing_clears_the_cache(client, site_content):
    page = site_content.content
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    page.title = "Peer support, explained"
    publish(page)
    fresh = client.get(page.url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Peer support, explained" in fresh.content.decode()
    # Other pages too: the header menu and listings show this page's title.
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_unpublishing_and_deleting_clear_the_cache(client, site_content):
    page = site_content.content
    cached_twice(client, page.url)
    page.unpublish()
    assert client.get(page.url).status_code == 404
    page = site_content.event
    cached_twice(client, page.url)
    page.delete()
    assert client.get(page.url).status_code == 404


def test_a_snippet_change_clears_the_cache(client, site_content):
    url = site_content.event.url
    cached_twice(client, url)
    region = site_content.regions[0]
    region.name = "Berkshires and Pioneer Valley"
    region.save()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Berkshires and Pioneer Valley" in response.content.decode()


def test_a_draft_is_never_served_and_a_preview_never_stored(client, site_content):
    page = site_content.content
    cached_twice(client, page.url)
    page.title = "Draft title nobody may see"
    page.save_revision()
    assert "Draft title nobody may see" not in client.get(page.url).content.decode()
    # Wagtail's preview renders the draft through the middleware, for the page's own URL.
    preview = page.make_preview_request()
    assert "Draft title nobody may see" in preview.content.decode()
    assert "X-Page-Cache" not in preview
    response = client.get(page.url)
    assert "Draft title nobody may see" not in response.content.decode()


def make_members_only(page):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=roles.MEMBERS)])
    return restriction


def test_a_members_only_page_is_never_cached(client, site_content, users):
    secret = ContentPage(title="Members' notes", slug="members-notes", intro="Only for members: the call number.")
    site_content.home.add_child(instance=secret)
    publish(secret)
    make_members_only(secret)
    client.force_login(users["member"])
    first, second = cached_twice(client, secret.url)
    assert second.status_code == 200 and "the call number" in second.content.decode()
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert "private" in second["Cache-Control"]
    client.logout()
    for response in cached_twice(client, secret.url):
        assert response.status_code == 302
        assert "the call number" not in response.content.decode()


def test_a_page_made_members_only_stops_being_served_from_the_cache(client, site_content):
    page = site_content.content
    assert cached_twice(client, page.url)[1]["X-Page-Cache"] == "hit"
    make_members_only(page)
    response = client.get(page.url)
    assert response.status_code == 302
    assert "X-Page-Cache" not in response


def test_someone_signed_in_never_gets_or_fills_the_cache(client, site_content, users):
    url = site_content.content.url
    client.force_login(users["editor"])
    for response in cached_twice(client, url):
        assert "X-Page-Cache" not in response
    client.logout()
    assert client.get(url)["X-Page-Cache"] == "miss"
    client.force_login(users["editor"])
    assert "X-Page-Cache" not in client.get(url)


def test_a_page_with_a_form_is_not_cached(client, site_content):
    form = FormPage(title="Get in touch", slug="get-in-touch", to_address="info@example.org")
    site_content.organisation.add_child(instance=form)
    publish(form)
    for response in cached_twice(client, form.url):
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "csrftoken" in response.cookies
