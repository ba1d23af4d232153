"""First journeys in a real Chromium: switching language, signing in to the admin."""

import re

from wagtail.models import Locale

from home.demo import translate
from tests.browser.conftest import assert_no_axe_violations
from tests.conftest import make_user, sync_locales


def test_reader_switches_from_the_english_home_page_to_spanish(live_site, tab):
    sync_locales()
    translate(live_site, Locale.objects.get(language_code="es"), {live_site.title: "Apoyo entre pares"})

    tab.goto("/")
    assert tab.locator("html").get_attribute("lang") == "en"
    assert_no_axe_violations(tab)

    tab.get_by_role("navigation", name="Choose a language").get_by_role("link", name="Español").click()
    tab.wait_for_url(re.compile(r"/es/$"))
    assert tab.locator("html").get_attribute("lang") == "es"
    assert tab.get_by_role("heading", level=1).inner_text() == "Apoyo entre pares"
    assert tab.get_by_role("link", name="Saltar al contenido principal").count() == 1
    assert_no_axe_violations(tab)


def test_site_works_at_320_pixels_without_horizontal_scrolling(live_site, tab):
    tab.set_viewport_size({"width": 320, "height": 640})
    tab.goto("/")
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_the_404_page_passes_the_accessibility_check(live_site, tab):
    response = tab.goto("/no-such-page/")
    assert response.status == 404
    assert tab.get_by_role("heading", level=1).inner_text() == "We could not find that page"
    assert_no_axe_violations(tab)


def test_editor_signs_in_to_the_admin(live_site, tab):
    from home import roles

    make_user("eddie", roles.EDITORS)
    tab.goto("/admin/")
    tab.get_by_label("Username").fill("eddie")
    tab.get_by_label("Password").fill("correct horse battery staple")
    tab.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    tab.wait_for_url(re.compile(r"/admin/$"))
    assert tab.get_by_role("heading", level=1).count() >= 1
    assert "Dashboard" in tab.title()
