"""Hostile input to every public form: sign-on statements, editor-built forms
(contact, membership), mailing-list sign-up, event registration and the
regional directory. Each case gets a 4xx or a clear form error, never a 500,
and leaves no junk in the database."""

import pytest
from django.core.cache import cache
from django.test import Client

from events.models import Registrant
from home.models import FormPageSubmission, Signature, Subscriber
from tests.security.hostile import (
    HONEYPOT_FIELD,
    JS_LINK,
    NUL,
    RLO,
    SCRIPT,
    build_calendar,
    build_contact_form,
    build_directory,
    build_mailing_list,
    build_organisation,
    build_statement,
    contact_data,
    in_site_look,
    register_url,
    registration_data,
    signature_data,
    soup,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client():
    # Django's test client turns a 500 into an exception by default; here the
    # response itself must be checked, so an exception still fails the test.
    return Client()


@pytest.fixture
def organisation(home_page):
    return build_organisation(home_page)


@pytest.fixture
def contact_form(organisation):
    return build_contact_form(organisation)


@pytest.fixture
def statement(organisation):
    return build_statement(organisation)


@pytest.fixture
def mailing_list(organisation):
    return build_mailing_list(organisation)


@pytest.fixture
def event(home_page):
    _index, event = build_calendar(home_page)
    return event


def nothing_stored():
    return not (
        FormPageSubmission.objects.exists()
        or Signature.objects.exists()
        or Subscriber.objects.exists()
        or Registrant.objects.exists()
    )


# Each public form as (name, fixture, how to build its URL and valid data).
FORMS = ["contact", "statement", "mailing_list", "registration"]


@pytest.fixture
def target(request, organisation):
    """(url, valid data, the field a person types their name into) for the form
    named by the parameter; only that form's page is built."""
    name = request.param
    if name == "contact":
        return build_contact_form(organisation).url, contact_data(), "your_name"
    if name == "statement":
        return build_statement(organisation).url, signature_data(), "name"
    if name == "mailing_list":
        return build_mailing_list(organisation).url, {"email": "ana@example.org", "name": "Ana"}, "name"
    _index, event = build_calendar(organisation.get_parent())
    url, _occurrence = register_url(event)
    return url, registration_data(), "name"


# --- CSRF ------------------------------------------------------------------


@pytest.mark.parametrize("target", FORMS, indirect=True)
def test_a_post_without_csrf_token_is_refused_in_the_site_look(target):
    url, data, _name = target
    response = Client(enforce_csrf_checks=True).post(url, data)
    assert response.status_code == 403
    assert in_site_look(response)
    assert nothing_stored()


# --- NUL characters and over-long fields -------------------------------------


@pytest.mark.parametrize("target", FORMS, indirect=True)
def test_a_nul_character_in_a_name_is_a_form_error(client, target):
    url, data, name_field = target
    response = client.post(url, {**data, name_field: f"Ana{NUL}Peer"})
    assert response.status_code in (200, 400)
    assert "Null characters are not allowed" in response.content.decode()
    assert nothing_stored()


@pytest.mark.parametrize("target", FORMS, indirect=True)
def test_a_nul_character_in_an_email_is_a_form_error(client, target):
    url, data, _name = target
    field = "your_email" if "your_email" in data else "email"
    response = client.post(url, {**data, field: f"ana{NUL}@example.org"})
    assert response.status_code in (200, 400)
    assert soup(response).select(".error, .errorlist"), "the reader is told what is wrong"
    assert nothing_stored()


@pytest.mark.parametrize("target", FORMS, indirect=True)
def test_a_100_kb_name_is_a_form_error(client, target):
    url, data, name_field = target
    response = client.post(url, {**data, name_field: "x" * 100_000})
    assert response.status_code in (200, 400)
    assert "at most" in response.content.decode()
    assert nothing_stored()


def test_a_100_kb_message_is_a_form_error(client, contact_form):
    response = client.post(contact_form.url, contact_data(message="word " * 20_000))
    assert response.status_code == 200
    assert "at most 5000 characters" in response.content.decode()
    assert nothing_stored()


# --- markup, javascript: links and right-to-left overrides ------------------


def test_markup_in_a_signature_is_stored_as_text_and_shown_escaped(client, statement):
    client.post(statement.url, signature_data(name=SCRIPT, role=JS_LINK, town="<img src=x onerror=alert(1)>"))
    signature = Signature.objects.get()
    assert signature.name == SCRIPT  # kept exactly as typed: it is text, not HTML
    Signature.objects.update(approved=True)
    page = soup(client.get(statement.url))
    listed = page.select_one(".signature-name")
    assert listed.get_text() == SCRIPT
    assert not page.select(".signatures script, .signatures a[href^='javascript'], .signatures img")
    assert "javascript:" not in str(page.select_one(".signature-role").parent.find_all("a"))


def test_a_javascript_address_in_a_url_field_is_a_form_error(client, contact_form):
    response = client.post(contact_form.url, contact_data(your_website="javascript:alert(1)"))
    assert response.status_code == 200
    assert "Enter a valid URL" in response.content.decode()
    assert nothing_stored()


def test_markup_in_a_registration_is_shown_escaped_on_the_registrants_page(client, event):
    url, _occurrence = register_url(event)
    response = client.post(url, registration_data(name=SCRIPT, accessibility_needs=JS_LINK))
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert SCRIPT not in page.content.decode()
    assert "&lt;script&gt;" in page.content.decode()
    assert Registrant.objects.get().name == SCRIPT


def test_right_to_left_override_in_a_public_name_is_isolated(client, statement):
    spoof = f"Ana {RLO}gnp.exe"
    client.post(statement.url, signature_data(name=spoof, role=f"coach{RLO}", town=f"Lynn{RLO}"))
    Signature.objects.update(approved=True)
    entry = soup(client.get(statement.url)).select_one(".signatures li")
    for text in (spoof, f"coach{RLO}", f"Lynn{RLO}"):
        holder = entry.find(string=lambda value, text=text: value is not None and text in value)
        assert holder is not None
        assert holder.parent.name == "bdi", f"{text!r} must sit in its own <bdi> so it cannot flip what follows"


def test_right_to_left_override_in_a_registrants_name_is_isolated(client, event):
    url, _occurrence = register_url(event)
    response = client.post(url, registration_data(name=f"Ana{RLO}"))
    page = soup(client.get(response["Location"]))
    holder = page.find(string=lambda value: value is not None and RLO in value)
    assert holder is not None
    assert holder.parent.name == "bdi"


def test_right_to_left_override_in_a_typed_town_is_isolated(client, home_page):
    directory = build_directory(home_page)
    response = client.get(directory.url, {"town": f"Springfield{RLO}"})
    assert response.status_code == 200
    echo = soup(response).select_one("h2 bdi")
    assert echo is not None and RLO in echo.get_text()


# --- duplicates and concurrency ------------------------------------------------


def test_the_same_email_signs_once_whatever_its_case(client, statement):
    client.post(statement.url, signature_data(email="ana@example.org"))
    response = client.post(statement.url, signature_data(email="  ANA@Example.ORG ", name="Someone else"))
    assert response.status_code == 200
    assert "already signed" in response.content.decode()
    assert list(Signature.objects.values_list("name", flat=True)) == ["Ana Peer"]


def test_a_double_click_on_a_contact_form_saves_one_submission(client, contact_form):
    data = contact_data()
    assert client.post(contact_form.url, data).status_code == 200
    assert client.post(contact_form.url, data).status_code == 200
    assert FormPageSubmission.objects.count() == 1


def test_a_second_subscription_keeps_one_row(client, mailing_list):
    client.post(mailing_list.url, {"email": "ana@example.org"})
    client.post(mailing_list.url, {"email": "ANA@example.org", "name": "Changed"})
    assert Subscriber.objects.count() == 1
    assert Subscriber.objects.get().name == ""


def test_a_duplicate_registration_is_a_409_with_a_message(client, event):
    url, _occurrence = register_url(event)
    client.post(url, registration_data())
    response = client.post(url, registration_data(email="ANA@example.org"))
    assert response.status_code == 409
    assert "already registered" in response.content.decode()
    assert Registrant.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("form", ["statement", "mailing_list", "registration"])
def test_simultaneous_submissions_from_one_email_store_one(home_page, form):
    """Eight requests at once with the same email, each in its own thread and
    database connection: the unique constraints keep one row, every request gets
    a page (never a 500), and a registration's place is counted once."""
    import threading

    from django.db import connection, connections

    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers: real concurrency is tested on PostgreSQL (CI).")
    organisation = build_organisation(home_page)
    if form == "statement":
        url, data, rows = build_statement(organisation).url, signature_data(), Signature.objects
    elif form == "mailing_list":
        url, data, rows = build_mailing_list(organisation).url, {"email": "ana@example.org"}, Subscriber.objects
    else:
        _index, event = build_calendar(home_page)
        url, occurrence = register_url(event)
        data, rows = registration_data(), Registrant.objects

    barrier = threading.Barrier(8)
    statuses = []

    def submit(number):
        try:
            barrier.wait()
            response = Client(REMOTE_ADDR=f"10.0.0.{number}").post(url, {**data, "name": f"Person {number}"})
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(statuses) == 8
    assert 500 not in statuses
    assert rows.count() == 1
    if form == "registration":
        assert sorted(statuses) == [302] + [409] * 7
        occurrence.refresh_from_db()
        assert occurrence.seats_taken == 1
    else:
        assert statuses == [200] * 8


# --- honeypot and rate limit ---------------------------------------------------


@pytest.mark.parametrize("target", FORMS, indirect=True)
def test_a_filled_honeypot_is_refused_and_nothing_is_saved(client, target, mailoutbox):
    url, data, _name = target
    response = client.post(url, {**data, HONEYPOT_FIELD: "http://spam.example"})
    assert response.status_code == 400
    assert in_site_look(response)
    assert nothing_stored()
    assert mailoutbox == []


@pytest.mark.parametrize("target", FORMS, indirect=True)
def test_the_twenty_first_submission_in_a_minute_is_a_429(client, target, settings):
    settings.FORM_SUBMISSIONS_PER_MINUTE = 20
    url, data, _name = target
    for number in range(20):
        client.post(url, {**data, "email": f"p{number}@example.org", "your_email": f"p{number}@example.org"})
    stored = (
        FormPageSubmission.objects.count()
        + Signature.objects.count()
        + Subscriber.objects.count()
        + Registrant.objects.count()
    )
    response = client.post(url, {**data, "email": "late@example.org", "your_email": "late@example.org"})
    assert response.status_code == 429
    assert in_site_look(response)
    assert "wait a minute" in response.content.decode()
    after = (
        FormPageSubmission.objects.count()
        + Signature.objects.count()
        + Subscriber.objects.count()
        + Registrant.objects.count()
    )
    assert after == stored


# --- odd methods and malformed bodies ------------------------------------------------

ODD_REQUESTS = [
    ("PUT", b"name=Ana&email=ana%40example.org&consent=on", "application/x-www-form-urlencoded"),
    ("PATCH", b"name=Ana&email=ana%40example.org&consent=on", "application/x-www-form-urlencoded"),
    ("DELETE", b"", "application/x-www-form-urlencoded"),
    ("POST", b'{"name": "Ana", "email": "ana@example.org"}', "application/json"),
    ("POST", b"garbage", "multipart/form-data; boundary=xyz"),
    ("POST", b"garbage", "multipart/form-data"),
    ("POST", b"\xff\xfe\x00name=%ff%fe", "application/x-www-form-urlencoded"),
    ("POST", b"name=Ana", "application/x-www-form-urlencoded; charset=no-such-charset"),
]


@pytest.mark.parametrize("target", FORMS, indirect=True)
@pytest.mark.parametrize(("method", "body", "content_type"), ODD_REQUESTS)
def test_odd_methods_and_malformed_bodies_store_nothing(client, target, method, body, content_type):
    url, _data, _name = target
    response = client.generic(method, url, body, content_type=content_type)
    assert response.status_code < 500
    assert nothing_stored()


@pytest.mark.parametrize("target", FORMS, indirect=True)
def test_a_forged_forwarded_for_header_does_not_escape_the_rate_limit(client, target, settings):
    """Without a trusted proxy (FORWARDED_PROXY_COUNT = 0), X-Forwarded-For is the
    client's own claim: changing it on every request must not reset the count."""
    settings.FORM_SUBMISSIONS_PER_MINUTE = 3
    settings.FORWARDED_PROXY_COUNT = 0
    url, data, _name = target
    statuses = [
        client.post(url, {**data, HONEYPOT_FIELD: "x"}, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}").status_code
        for number in range(5)
    ]
    assert statuses[3:] == [429, 429]


@pytest.mark.parametrize("target", FORMS, indirect=True)
def test_a_line_break_in_an_email_cannot_add_mail_headers(
    client, target, mailoutbox, django_capture_on_commit_callbacks
):
    url, data, _name = target
    field = "your_email" if "your_email" in data else "email"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**data, field: "ana@example.org\r\nBcc: everyone@example.net"})
    assert response.status_code in (200, 400)
    assert soup(response).select(".error, .errorlist")
    assert nothing_stored()
    assert mailoutbox == []


# --- malformed values ------------------------------------------------------------


@pytest.mark.parametrize("day", ["2026-02-30", "2026-13-01", "tomorrow", "9" * 40])
def test_a_malformed_date_is_a_form_error(client, contact_form, day):
    response = client.post(contact_form.url, contact_data(best_day_to_call=day))
    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode()
    assert nothing_stored()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("how_many_people", "1e309", "no more than 15 digits"),
        ("how_many_people", "9" * 100_000, "no more than 15 digits"),
        ("how_many_people", "NaN", "Enter a number"),
        ("your_website", "https://example.org/" + "a" * 5000, "at most 2000 characters"),
    ],
)
def test_unbounded_numbers_and_addresses_are_form_errors(client, contact_form, field, value, message):
    """Django's number and URL fields take any length unless told: they would store 100 KB of digits."""
    response = client.post(contact_form.url, contact_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert nothing_stored()


def test_a_registration_for_an_unknown_date_is_a_404(client, event):
    url = event.url + event.reverse_subpage("register", args=[10**12])
    response = client.post(url, registration_data())
    assert response.status_code == 404
    assert in_site_look(response)
    assert nothing_stored()


@pytest.mark.parametrize("token", ["", "abc", "x" * 5000, "%00", "..%2f..%2fetc"])
def test_forged_subscription_links_are_a_400(client, mailing_list, token):
    for name in ("confirm", "unsubscribe"):
        response = client.get(f"/subscriptions/{name}/{token or 'x'}/")
        assert response.status_code in (400, 404)
        assert in_site_look(response)
