"""The orphan rule: when the English source is unpublished or deleted, its
translations come down too (kept as drafts, with a note in their history)."""

import pytest
from wagtail.models import Page, PageLogEntry

from localisation.signals import ORPHAN_ACTION

pytestmark = pytest.mark.django_db


def orphan_log(page):
    return PageLogEntry.objects.filter(page_id=page.pk, action=ORPHAN_ACTION).first()


def test_unpublishing_the_source_unpublishes_its_translations_and_aliases(client, english_page, spanish, locales):
    page, _translation = spanish
    alias = english_page.get_translation(locales["pt"])
    assert client.get("/es/weekly-groups/").status_code == 200

    english_page.unpublish()

    page.refresh_from_db()
    alias.refresh_from_db()
    assert page.live is False
    assert alias.live is False
    assert client.get("/es/weekly-groups/").status_code == 404
    assert client.get("/pt/weekly-groups/").status_code == 404
    entry = orphan_log(page)
    assert entry.data["reason"] == "unpublished"
    assert "Weekly groups" in entry.message
    # The translation itself is kept for when the source comes back.
    assert page.get_latest_revision_as_object().intro == "Los grupos se reúnen cada semana."


def test_deleting_the_source_unpublishes_its_translations_without_deleting_them(client, english_page, spanish):
    page, _translation = spanish
    others = list(Page.objects.filter(translation_key=english_page.translation_key).exclude(pk=english_page.pk))
    assert len(others) == 5

    english_page.delete()

    for other in others:
        other.refresh_from_db()
        assert other.live is False, other.locale
        assert orphan_log(other).data["reason"] == "deleted"
    assert client.get("/es/weekly-groups/").status_code == 404
    assert client.get("/vi/weekly-groups/").status_code == 404


def test_deleting_a_parent_unpublishes_the_translations_of_its_children(client, home_page, english_page, spanish):
    from .conftest import add_english_page

    child = add_english_page(english_page, title="Tuesday group", slug="tuesday")
    spanish_child = child.get_translation(spanish[0].locale)
    assert spanish_child.live

    english_page.delete()

    spanish_child.refresh_from_db()
    assert spanish_child.live is False


def test_unpublishing_a_translation_leaves_the_source_and_other_languages_alone(english_page, spanish, locales):
    page, _translation = spanish
    page.unpublish()
    english_page.refresh_from_db()
    assert english_page.live
    assert english_page.get_translation(locales["pt"]).live
    assert orphan_log(english_page) is None


def test_republishing_the_source_brings_back_the_aliases_and_leaves_translations_to_review(
    client, english_page, spanish, locales
):
    from tests.conftest import publish

    page, _translation = spanish
    english_page.unpublish()
    publish(english_page)

    alias = english_page.get_translation(locales["pt"])
    assert alias.live is True  # the English text again, with the "not translated yet" note
    assert client.get("/pt/weekly-groups/").status_code == 200
    page.refresh_from_db()
    assert page.live is False  # a reviewer decides when the translation comes back
