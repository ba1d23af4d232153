"""A members-only page is members-only in every language (home/restriction_sync.py).

Wagtail copies view restrictions to an alias only when the alias is made,
and wagtail-localize to a translation only when it is translated, so a page
made private after its aliases existed stayed in other languages' listings,
search and feeds."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.synctree import create_aliases_for_new_page

from home import roles
from home.models import ContentPage
from tests.conftest import make_user, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(db):
    client = Client()
    client.force_login(make_user("admin", roles.ADMINISTRATORS, superuser=True))
    return client


@pytest.fixture
def page_with_aliases(home_page, locales):
    """A page made as the admin makes it: aliases in every other language at once."""
    create_aliases_for_new_page(home_page)
    page = ContentPage(title="Meeting notes", slug="notes", intro="Notes")
    home_page.add_child(instance=page)
    publish(page)
    create_aliases_for_new_page(page)
    assert Page.objects.filter(alias_of=page).count() == 5
    return page


def set_privacy(client, page, **data):
    response = client.post(reverse("wagtailadmin_pages:set_privacy", args=[page.id]), data)
    assert response.status_code == 200


def members_only(client, page):
    members = Group.objects.get(name=roles.MEMBERS)
    set_privacy(client, page, restriction_type=PageViewRestriction.GROUPS, groups=[members.pk])


def test_privacy_set_in_the_admin_reaches_every_alias(page_with_aliases, admin_client):
    members_only(admin_client, page_with_aliases)

    aliases = Page.objects.filter(alias_of=page_with_aliases)
    public = Page.objects.live().public()
    assert not public.filter(pk=page_with_aliases.pk).exists()
    assert not public.filter(pk__in=aliases).exists()
    for alias in aliases:
        restriction = PageViewRestriction.objects.get(page=alias)
        assert restriction.restriction_type == PageViewRestriction.GROUPS
        assert list(restriction.groups.values_list("name", flat=True)) == [roles.MEMBERS]
        assert Client().get(alias.url).status_code == 302


def test_making_the_page_public_again_opens_every_alias(page_with_aliases, admin_client):
    members_only(admin_client, page_with_aliases)
    set_privacy(admin_client, page_with_aliases, restriction_type=PageViewRestriction.NONE)

    assert not PageViewRestriction.objects.exists()
    assert Page.objects.live().public().filter(alias_of=page_with_aliases).count() == 5


def test_a_translation_follows_its_source_and_not_the_other_way_round(page_with_aliases, admin_client, locales):
    spanish = Page.objects.get(alias_of=page_with_aliases, locale=locales["es"])
    spanish.alias_of = None  # as wagtail-localize does when it is translated
    spanish.save()
    members_only(admin_client, page_with_aliases)
    assert PageViewRestriction.objects.filter(page=spanish).exists()

    # A restriction on a translation alone stays there (a language may have its own private page).
    set_privacy(admin_client, page_with_aliases, restriction_type=PageViewRestriction.NONE)
    set_privacy(admin_client, spanish, restriction_type=PageViewRestriction.LOGIN)
    assert list(PageViewRestriction.objects.values_list("page_id", flat=True)) == [spanish.pk]


def test_deleting_a_private_page_leaves_no_alias_open(page_with_aliases, admin_client):
    members_only(admin_client, page_with_aliases)
    aliases = list(Page.objects.filter(alias_of=page_with_aliases).values_list("pk", flat=True))

    page_with_aliases.delete()

    survivors = Page.objects.filter(pk__in=aliases)
    assert not Page.objects.live().public().filter(pk__in=survivors).exists()


def test_the_migration_restricts_aliases_left_open_before_this_fix(page_with_aliases):
    members = Group.objects.get(name=roles.MEMBERS)
    (restriction,) = PageViewRestriction.objects.bulk_create(  # no signals: as before the fix
        [PageViewRestriction(page=page_with_aliases, restriction_type=PageViewRestriction.GROUPS)]
    )
    restriction.groups.through.objects.bulk_create(
        [restriction.groups.through(pageviewrestriction_id=restriction.pk, group_id=members.pk)]
    )
    assert Page.objects.live().public().filter(alias_of=page_with_aliases).count() == 5

    migration = importlib.import_module("home.migrations.0005_view_restrictions_follow_aliases")
    migration.copy_restrictions(apps, None)

    assert not Page.objects.live().public().filter(alias_of=page_with_aliases).exists()
    assert set(PageViewRestriction.objects.values_list("groups__name", flat=True)) == {roles.MEMBERS}


def test_a_page_cached_for_anonymous_readers_is_not_served_once_it_is_members_only(page_with_aliases, admin_client):
    spanish = Page.objects.get(alias_of=page_with_aliases, locale__language_code="es")
    anonymous = Client()
    assert anonymous.get(spanish.url).status_code == 200
    assert b"Meeting notes" in anonymous.get("/es/search/", {"query": "notes"}).content

    members_only(admin_client, page_with_aliases)

    assert anonymous.get(spanish.url).status_code == 302
    assert b"Meeting notes" not in anonymous.get("/es/search/", {"query": "notes"}).content
