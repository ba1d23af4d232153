"""Editor-built forms (contact, membership): saved before mail, mail after commit,
spam checks, limits and the CSV export."""

import csv
import io
import socket
import uuid

import pytest
from django.core import mail
from django.urls import reverse

from home.models import FormPageSubmission


def form_data(**overrides):
    data = {
        "your_name": "Ana Souza",
        "your_email": "ana@example.org",
        "message": "Hello, I would like to know more.",
        "form_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def unused_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_submission_is_saved_then_both_emails_are_sent(client, contact_form, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(contact_form.url, form_data())
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    submission = FormPageSubmission.objects.get()
    assert submission.page_id == contact_form.id
    assert submission.get_data()["message"] == "Hello, I would like to know more."
    assert submission.language == "en"
    # Mail waits for the commit.
    assert len(callbacks) == 1
    assert sorted(message.to[0] for message in mail.outbox) == ["ana@example.org", "team@example.org"]
    notification = next(message for message in mail.outbox if message.to == ["team@example.org"])
    assert "Hello, I would like to know more." in notification.body
    confirmation = next(message for message in mail.outbox if message.to == ["ana@example.org"])
    # The confirmation never echoes what was typed (it could be used to send spam to others).
    assert "Hello, I would like" not in confirmation.body
    assert "We will answer soon" in confirmation.body


def test_mail_server_down_still_saves_and_thanks(client, contact_form, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = unused_port()
    settings.EMAIL_TIMEOUT = 2
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_form.url, form_data())
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert FormPageSubmission.objects.count() == 1


def test_double_submit_saves_and_sends_once(client, contact_form, django_capture_on_commit_callbacks):
    data = form_data()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(contact_form.url, data)
        second = client.post(contact_form.url, data)
    assert first.status_code == second.status_code == 200
    assert "Thank you" in second.content.decode()
    assert FormPageSubmission.objects.count() == 1
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("token", [None, "", "not-a-token", "' OR 1=1 --"])
def test_missing_or_forged_form_token_is_refused(client, contact_form, token):
    data = form_data()
    if token is None:
        del data["form_token"]
    else:
        data["form_token"] = token
    response = client.post(contact_form.url, data)
    assert response.status_code == 400
    assert "We could not accept this form" in response.content.decode()
    assert not FormPageSubmission.objects.exists()


def test_filled_honeypot_is_refused_without_saving_or_mailing(client, contact_form, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_form.url, form_data(website_address="http://spam.example"))
    assert response.status_code == 400
    assert not FormPageSubmission.objects.exists()
    assert mail.outbox == []


def test_fiftieth_submission_in_a_minute_gets_a_429_in_the_site_look(client, contact_form, settings):
    settings.FORM_SUBMISSIONS_PER_MINUTE = 20
    statuses = [client.post(contact_form.url, form_data()).status_code for _ in range(50)]
    assert statuses[:20] == [200] * 20
    assert statuses[20:] == [429] * 30
    assert FormPageSubmission.objects.count() == 20
    response = client.post(contact_form.url, form_data())
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait a minute" in html
    assert 'class="site-header"' in html
    # Another address is not affected.
    other = client.post(contact_form.url, form_data(), REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 200


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("message", "x" * 100_000, "at most 5000 characters"),
        ("your_name", "n" * 100_000, "at most 255 characters"),
        ("your_email", "not-an-email", "valid email address"),
        ("your_email", "a@b@example.org", "valid email address"),
        ("message", "", "This field is required"),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(client, contact_form, field, value, message):
    response = client.post(contact_form.url, form_data(**{field: value}))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Please check the answers marked below" in html
    assert not FormPageSubmission.objects.exists()


def test_unicode_rtl_and_markup_are_kept_as_text(client, contact_form, admin_client):
    name = "مريم <script>alert('x')</script> 李"
    response = client.post(contact_form.url, form_data(your_name=name))
    assert response.status_code == 200
    assert FormPageSubmission.objects.get().get_data()["your_name"] == name
    listing = admin_client.get(reverse("wagtailforms:list_submissions", args=[contact_form.id]))
    html = listing.content.decode()
    assert "&lt;script&gt;alert(" in html
    assert "<script>alert(" not in html


def test_csv_export_neutralises_formulas(client, contact_form, admin_client):
    client.post(contact_form.url, form_data(your_name='=HYPERLINK("http://evil.example")', message="@SUM(A1)"))
    response = admin_client.get(reverse("wagtailforms:list_submissions", args=[contact_form.id]), {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://evil.example")' in cells
    assert "'@SUM(A1)" in cells
    assert rows[0][-1] == "Language" and rows[1][-1] == "en"
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_membership_form_asks_for_every_criterion(client, membership_form):
    page = client.get(membership_form.url).content.decode()
    assert "You work or volunteer in a peer role." in page
    assert "You agree with our values." in page
    base = {"name": "Kim", "email": "kim@example.org", "form_token": str(uuid.uuid4())}
    missing = client.post(membership_form.url, {**base, "criterion_1": "on"})
    assert "Please confirm this." in missing.content.decode()
    assert not FormPageSubmission.objects.exists()
    accepted = client.post(membership_form.url, {**base, "criterion_1": "on", "criterion_2": "on"})
    assert "Thank you" in accepted.content.decode()
    data = FormPageSubmission.objects.get().get_data()
    assert data["criterion_1"] is True and data["criterion_2"] is True


def test_submissions_to_a_translation_are_filed_under_the_source(client, contact_form, locales):
    spanish = contact_form.copy_for_translation(locales["es"], copy_parents=True, alias=False)
    spanish.save_revision().publish()
    spanish.refresh_from_db()
    assert spanish.url.startswith("/es/")
    response = client.post(spanish.url, form_data())
    assert response.status_code == 200
    submission = FormPageSubmission.objects.get()
    assert submission.page_id == contact_form.id
    assert submission.language == "es"


def test_rate_limit_counts_the_address_the_trusted_proxy_saw(client, contact_form, settings):
    settings.FORM_SUBMISSIONS_PER_MINUTE = 2
    settings.FORWARDED_PROXY_COUNT = 1
    behind_proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(2):
        assert (
            client.post(contact_form.url, form_data(), HTTP_X_FORWARDED_FOR="203.0.113.5", **behind_proxy).status_code
            == 200
        )
    assert (
        client.post(contact_form.url, form_data(), HTTP_X_FORWARDED_FOR="203.0.113.5", **behind_proxy).status_code
        == 429
    )
    # A forged first hop does not give a fresh allowance; another real client has its own.
    forged = "198.51.100.1, 203.0.113.5"
    assert client.post(contact_form.url, form_data(), HTTP_X_FORWARDED_FOR=forged, **behind_proxy).status_code == 429
    assert (
        client.post(contact_form.url, form_data(), HTTP_X_FORWARDED_FOR="203.0.113.9", **behind_proxy).status_code
        == 200
    )


def test_membership_form_outside_an_organisation_simply_has_no_criteria(client, home_page):
    from home.models import FormField, FormPage

    from .conftest import add_page

    page = FormPage(title="Join", slug="join-here", confirm_membership_criteria=True)
    page.form_fields = [FormField(label="Email", field_type="email")]
    add_page(home_page, page)
    response = client.post(page.url, {"email": "a@example.org", "form_token": str(uuid.uuid4())})
    assert response.status_code == 200
    assert FormPageSubmission.objects.count() == 1
