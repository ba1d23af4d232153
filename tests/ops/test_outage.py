"""While the database is out of reach, readers get a calm 503 page in the site's
look (with Retry-After), never a 500, and the next request after it is back is
served normally, without restarting anything.

The outage is real, not mocked: the request runs on a database connection that
points at a closed port (PostgreSQL) or at a file in a missing folder (SQLite),
so the driver itself fails to connect."""

import socket

import pytest
from bs4 import BeautifulSoup
from django.db import connections

from home.models import FormPage

pytestmark = pytest.mark.django_db

CALM_WORDS = "We will be back in a moment"


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DatabaseDown:
    """Within the block, this thread's default connection is one that cannot connect."""

    def __init__(self, tmp_path):
        self.tmp_path = tmp_path

    def __enter__(self):
        self.original = connections["default"]
        settings_dict = dict(self.original.settings_dict)
        if self.original.vendor == "postgresql":
            settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
            settings_dict.setdefault("OPTIONS", {})
            settings_dict["OPTIONS"] = {**settings_dict["OPTIONS"], "connect_timeout": 2}
        else:
            settings_dict["NAME"] = str(self.tmp_path / "no-such-folder" / "db.sqlite3")
            settings_dict["TEST"] = {**settings_dict.get("TEST", {}), "NAME": settings_dict["NAME"]}
        self.broken = type(self.original)(settings_dict, alias="default")
        connections["default"] = self.broken
        return self

    def __exit__(self, *exc):
        self.broken.close()
        connections["default"] = self.original


def page_text(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, " ".join(soup.get_text(" ").split())


def assert_calm_503(response, words=CALM_WORDS):
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    soup, text = page_text(response)
    assert soup.select_one("body.outage-page .site-header") is not None, "the 503 page is in the site's look"
    assert soup.select_one("link[rel=stylesheet]")["href"].endswith(".css")
    assert words in text
    assert "Traceback" not in text
    return soup, text


def test_a_reader_gets_a_calm_503_while_the_database_is_down_and_the_page_once_it_is_back(client, home_page, tmp_path):
    assert client.get("/").status_code == 200
    with DatabaseDown(tmp_path):
        assert_calm_503(client.get("/"))
        assert_calm_503(client.get("/any/page/"))
    # Back: the very next request is served, with no restart in between.
    response = client.get("/")
    assert response.status_code == 200
    assert CALM_WORDS not in response.content.decode()


def test_the_503_page_speaks_the_readers_language_setting(client, home_page, tmp_path):
    with DatabaseDown(tmp_path):
        soup, _ = assert_calm_503(client.get("/es/"), words="Volvemos en un momento")
    assert soup.html["lang"] == "es"


def test_a_form_sent_during_the_outage_gets_the_503_page_and_is_told_to_send_again(client, home_page, tmp_path):
    form_page = FormPage(title="Get in touch", slug="get-in-touch")
    home_page.add_child(instance=form_page)
    form_page.save_revision().publish()
    client.get("/get-in-touch/")
    with DatabaseDown(tmp_path):
        response = client.post("/get-in-touch/", {"name": "Ana"})
    _, text = assert_calm_503(response)
    assert "send it again in a minute" in text
