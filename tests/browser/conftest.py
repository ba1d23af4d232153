"""Playwright driving Debian's Chromium against pytest-django's live server.

Where Chromium is missing the browser tests skip with a loud reason, unless
REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser is a failure.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        message = f"BROWSER TESTS NOT RUN: Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright gives each launch a fresh, unique temporary profile.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium"),
            args=CHROMIUM_ARGS,
        )
        yield browser
        browser.close()


@pytest.fixture
def tab(browser, live_server):
    """A fresh browser tab (its own cookies) pointed at the live server."""
    context = browser.new_context(base_url=live_server.url)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def live_site(transactional_db, live_server):
    """The real site behind the live server, with an English home page.

    The live server runs in another thread, so data must be committed:
    browser tests use a transactional database."""
    from tests.conftest import make_home

    return make_home()


def assert_no_axe_violations(tab):
    """Run axe-core (shipped inside axe-playwright-python) and fail on WCAG 2.2 A/AA violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        tab,
        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}},
    )
    violations = results.response["violations"]
    assert violations == [], results.generate_report()
