"""Languages: prefixes, fallback to English with a note, the switcher and hreflang."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from home.demo import translate
from home.models import ContentPage
from tests.conftest import sync_locales

pytestmark = pytest.mark.django_db


@pytest.fixture
def guidance(home_page):
    page = ContentPage(title="Getting started", slug="getting-started", intro="How to begin.")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    sync_locales()
    return page


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def switcher(response):
    return {a["lang"]: a["href"] for a in soup(response).select(".language-switcher a")}


def test_english_has_no_prefix_and_html_lang_follows_the_active_language(client, guidance):
    english = client.get("/getting-started/")
    assert english.status_code == 200
    assert soup(english).html["lang"] == "en"
    haitian = client.get("/ht/getting-started/")
    assert haitian.status_code == 200
    assert soup(haitian).html["lang"] == "ht"
    chinese = client.get("/zh-hans/getting-started/")
    assert soup(chinese).html["lang"] == "zh-hans"


def test_untranslated_page_shows_english_text_with_a_note_in_the_readers_language(client, guidance):
    response = client.get("/ht/getting-started/")
    page = soup(response)
    assert page.h1.get_text() == "Getting started"
    note = page.select_one(".note").get_text()
    assert "poko tradui" in note  # Haitian Creole: "not translated yet"
    assert page.select_one("article")["lang"] == "en"


def test_translated_page_has_no_fallback_note(client, guidance):
    translate(guidance, Locale.objects.get(language_code="es"), {"Getting started": "Primeros pasos"})
    response = client.get("/es/getting-started/")
    page = soup(response)
    assert page.h1.get_text() == "Primeros pasos"
    assert page.select_one(".note") is None


def test_switcher_links_to_the_same_page_in_every_language(client, guidance):
    translate(guidance, Locale.objects.get(language_code="es"), {"Getting started": "Primeros pasos"})
    links = switcher(client.get("/getting-started/"))
    assert links == {
        "en": "/getting-started/",
        "es": "/es/getting-started/",
        "pt": "/pt/getting-started/",
        "ht": "/ht/getting-started/",
        "zh-hans": "/zh-hans/getting-started/",
        "vi": "/vi/getting-started/",
    }
    current = soup(client.get("/es/getting-started/")).select_one('.language-switcher a[aria-current="true"]')
    assert current["lang"] == "es"


def test_switcher_falls_back_to_the_home_page_with_a_note_when_no_page_exists(client, home_page):
    page = ContentPage(title="Only in English", slug="only-english")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    # Home pages are synced; this page is not (no sync ran after it was created).
    sync_locales()
    page.get_translation(Locale.objects.get(language_code="vi")).delete()
    links = switcher(client.get("/only-english/"))
    assert links["vi"] == "/vi/?untranslated=1"
    landing = client.get(links["vi"])
    assert landing.status_code == 200
    assert soup(landing).select_one(".note") is not None


def test_hreflang_alternates_list_real_translations_only(client, guidance):
    translate(guidance, Locale.objects.get(language_code="es"), {"Getting started": "Primeros pasos"})
    alternates = {
        link["hreflang"]: link["href"] for link in soup(client.get("/getting-started/")).select('link[rel="alternate"]')
    }
    assert alternates == {
        "en": "http://localhost/getting-started/",
        "x-default": "http://localhost/getting-started/",
        "es": "http://localhost/es/getting-started/",
    }


def test_unknown_language_prefix_is_a_404_in_the_site_look(client, home_page):
    response = client.get("/xx/getting-started/")
    assert response.status_code == 404
    assert soup(response).select_one(".site-header") is not None


def test_404_page_is_in_spanish_under_the_spanish_prefix(client, home_page):
    sync_locales()
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "es"
    assert page.h1.get_text() == "No encontramos esa página"
