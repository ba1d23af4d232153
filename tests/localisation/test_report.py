"""Reports > Out-of-date translations, for translators and reviewers."""

import pytest
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from localisation.status import out_of_date_translations
from tests.conftest import publish

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/out-of-date-translations/"


def listed(client, **params):
    response = client.get(REPORT, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_report_lists_a_translation_once_its_source_is_republished(clients, english_page, spanish, locales):
    page, _translation = spanish
    assert reverse("localisation_out_of_date_translations") == REPORT
    assert f"/admin/pages/{page.id}/edit/" not in listed(clients["translator"])

    english_page.intro = "Groups meet every Monday."
    publish(english_page)

    html = listed(clients["translator"])
    assert f"/admin/pages/{page.id}/edit/" in html
    assert "Grupos semanales" in html
    source = TranslationSource.objects.get(object_id=english_page.translation_key)
    assert reverse("wagtail_localize:update_translations", args=[source.id]) in html
    # Untranslated languages (aliases) always show the current English text: not listed.
    pt_alias = english_page.get_translation(locales["pt"])
    assert f"/admin/pages/{pt_alias.id}/edit/" not in html

    # Filtered per language.
    assert f"/admin/pages/{page.id}/edit/" in listed(clients["reviewer"], locale=locales["es"].id)
    assert f"/admin/pages/{page.id}/edit/" not in listed(clients["reviewer"], locale=locales["pt"].id)
    assert list(out_of_date_translations(locales["pt"])) == []

    # An administrator syncs and publishes: the translation is current again.
    clients["admin"].post(
        reverse("wagtail_localize:update_translations", args=[source.id]), {"publish_translations": "on"}
    )
    page.refresh_from_db()
    publish(page)
    assert f"/admin/pages/{page.id}/edit/" not in listed(clients["translator"])


def test_the_report_is_in_the_reports_menu(clients, spanish):
    html = clients["translator"].get("/admin/").content.decode()
    assert REPORT in html
    assert "Out-of-date translations" in html or "out-of-date-translations" in html


def test_the_report_exports_csv(clients, english_page, spanish):
    english_page.intro = "Groups meet every Monday."
    publish(english_page)
    response = clients["reviewer"].get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "Grupos semanales,es," in body


def test_the_dashboard_says_how_many_translations_are_out_of_date(clients, english_page, spanish):
    assert 'id="out-of-date-translations-heading"' not in clients["translator"].get("/admin/").content.decode()
    english_page.intro = "Groups meet every Monday."
    publish(english_page)
    html = clients["translator"].get("/admin/").content.decode()
    assert 'id="out-of-date-translations-heading"' in html
    assert "1 translated page has an English version" in html
