"""What readers typed, as reviewers see it: the admin listings show it escaped and
every CSV export (form submissions, signatures, subscribers, registrations)
neutralises cells a spreadsheet would run as a formula; XLSX cells stay text."""

import csv
import io

import openpyxl
import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from events.registration import register
from home.models import FormPageSubmission, Signature, Subscriber
from tests.security.hostile import (
    FORMULAS,
    JS_LINK,
    SCRIPT,
    build_calendar,
    build_contact_form,
    build_mailing_list,
    build_organisation,
    build_statement,
    contact_data,
    signature_data,
    soup,
)

pytestmark = pytest.mark.django_db

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def submitted(home_page):
    """Each kind of sign-up, made through the public forms with formula- and
    markup-looking values in every text field. Returns {export name: admin URL}."""
    organisation = build_organisation(home_page)
    contact = build_contact_form(organisation)
    statement = build_statement(organisation)
    mailing_list = build_mailing_list(organisation)
    _index, event = build_calendar(home_page, capacity=10)
    occurrence = event.occurrences.get()
    reader = Client()
    for number, formula in enumerate(FORMULAS):
        email = f"p{number}@example.org"
        reader.post(contact.url, contact_data(your_name=formula, your_email=email, message=f"{formula} {JS_LINK}"))
        reader.post(statement.url, signature_data(name=formula, role=JS_LINK, town=SCRIPT, email=email))
        reader.post(mailing_list.url, {"email": email, "name": formula})
        register(occurrence, name=formula, email=email, accessibility_needs=formula, consent=True)
    # An email address may itself start like a formula and still be valid.
    reader.post(statement.url, signature_data(name=SCRIPT, email="=cmd@example.org"))
    assert FormPageSubmission.objects.count() == len(FORMULAS)
    assert Signature.objects.count() == len(FORMULAS) + 1
    assert Subscriber.objects.count() == len(FORMULAS)
    return {
        "form submissions": reverse("wagtailforms:list_submissions", args=[contact.pk]),
        "signatures": reverse("signatures:index"),
        "subscribers": reverse("subscribers:index"),
        "registrations": reverse("registrations:index"),
    }


EXPORTS = ["form submissions", "signatures", "subscribers", "registrations"]


def csv_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.mark.parametrize("export", EXPORTS)
def test_csv_exports_never_start_a_cell_like_a_formula(admin_client, submitted, export):
    response = admin_client.get(submitted[export], {"export": "csv"})
    assert response.status_code == 200
    rows = csv_rows(response)
    cells = [cell for row in rows[1:] for cell in row]
    assert len(rows) > len(FORMULAS)
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    # The value is kept, made inert with a leading quote.
    for formula in FORMULAS:
        assert any(cell.startswith("'" + formula) for cell in cells), formula


@pytest.mark.parametrize("export", EXPORTS)
def test_xlsx_exports_hold_no_formulas(admin_client, submitted, export):
    response = admin_client.get(submitted[export], {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert cells
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]


@pytest.mark.parametrize("export", EXPORTS)
def test_admin_listings_show_markup_escaped(client, users, submitted, export):
    client.force_login(users["admin"])
    response = client.get(submitted[export])
    assert response.status_code == 200
    html = response.content.decode()
    assert SCRIPT not in html
    assert 'href="javascript:' not in html


def test_a_signature_with_markup_is_shown_escaped_in_its_edit_form(client, users, submitted):
    client.force_login(users["reviewer"])
    signature = Signature.objects.get(email="=cmd@example.org")
    response = client.get(reverse("signatures:edit", args=[signature.pk]))
    assert response.status_code == 200
    assert SCRIPT not in response.content.decode()
    assert soup(response).select_one("input[name=name]")["value"] == SCRIPT


def test_an_editor_cannot_export_signatures(client, users, submitted):
    client.force_login(users["editor"])
    response = client.get(submitted["signatures"], {"export": "csv"})
    assert response.status_code in (302, 403)
    assert b"p0@example.org" not in (response.content if not response.streaming else b"")


ADMIN_QUERIES = [
    ("signatures", {"q": "\x00"}),
    ("signatures", {"q": '"'}),
    ("signatures", {"approved": "\x00"}),
    ("signatures", {"p": "abc"}),
    ("subscribers", {"q": "\x00"}),
    ("subscribers", {"p": "99999"}),
    ("registrations", {"q": "\x00"}),
    ("registrations", {"status": "\x00"}),
    ("registrations", {"occurrence__page": "abc"}),
    ("form submissions", {"date_from": "abc"}),
    ("form submissions", {"date_to": "2026-13-45"}),
    ("form submissions", {"p": "abc"}),
]


@pytest.mark.parametrize(("listing", "params"), ADMIN_QUERIES)
def test_admin_listings_take_malformed_searches_and_filters(client, users, submitted, listing, params):
    client.force_login(users["reviewer"] if listing != "registrations" else users["admin"])
    response = client.get(submitted[listing], params)
    assert response.status_code in (200, 400, 404)
