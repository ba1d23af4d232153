"""Locale synchronisation: a page created in English exists in every language
at once (wagtail-localize's aliases), ready to translate, and follows the
English page's publishing."""

import pytest
from wagtail.models import Page

from tests.workflow.conftest import page_form

pytestmark = pytest.mark.django_db


def test_a_page_created_in_english_is_ready_to_translate_in_every_language(clients, home_page, locales):
    from tests.conftest import sync_locales

    sync_locales()
    response = clients["editor"].post(
        f"/admin/pages/add/home/contentpage/{home_page.id}/",
        page_form(title="Peer support 101", slug="peer-support-101", intro="What peer support is."),
    )
    assert response.status_code == 302
    english = Page.objects.get(slug="peer-support-101", locale=locales["en"])

    versions = Page.objects.filter(translation_key=english.translation_key).exclude(pk=english.pk)
    assert sorted(versions.values_list("locale__language_code", flat=True)) == ["es", "ht", "pt", "vi", "zh-hans"]
    assert all(version.alias_of_id == english.id and not version.live for version in versions)

    english.get_latest_revision().publish()
    assert all(version.live for version in versions.all())
    assert clients["reader"].get("/zh-hans/peer-support-101/").status_code == 200
