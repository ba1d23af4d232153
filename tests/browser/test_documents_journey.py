"""A reader finds a past edition of a guidance document and sees what changed since."""

import re

from tests.browser.conftest import assert_no_axe_violations
from tests.documents.conftest import make_document, make_library, publish_edition, values_body


def test_reader_opens_history_then_2013_edition_and_compares_it_with_the_current(live_site, tab):
    library = make_library(live_site)
    page = make_document(library, title="Values of the peer role", slug="values")
    publish_edition(page, "2008", values_body(3), "First edition.")
    publish_edition(page, "2013", values_body(4, changed={2: "We put choice first, always."}), "Value 4 added.")
    publish_edition(page, "2015", values_body(4, changed={2: "We put choice and self-determination first."}), "V2.")

    tab.goto("/library/values/")
    assert tab.get_by_role("heading", level=1).inner_text() == "Values of the peer role"
    assert "self-determination" in tab.locator("#value-2").inner_text()
    assert_no_axe_violations(tab)

    tab.get_by_role("link", name="All editions").click()
    tab.wait_for_url(re.compile(r"/library/values/editions/$"))
    assert_no_axe_violations(tab)
    tab.get_by_role("link", name="2013", exact=True).click()

    tab.wait_for_url(re.compile(r"/library/values/editions/2013/$"))
    assert tab.get_by_text("This edition has been replaced.").is_visible()
    assert tab.locator("#value-2").inner_text().endswith("We put choice first, always.")

    tab.get_by_role("link", name="See what changed since").click()
    tab.wait_for_url(re.compile(r"/library/values/compare/2013/2015/$"))
    change = tab.locator(".change").filter(has=tab.get_by_role("heading", name=re.compile("Value 2")))
    assert change.locator("del").inner_text() == "first, always."
    assert change.locator("ins").first.inner_text() == "and self-determination first."
    assert_no_axe_violations(tab)

    tab.set_viewport_size({"width": 320, "height": 640})
    tab.goto("/library/values/")
    assert tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
