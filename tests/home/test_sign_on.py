"""Sign-on statements: moderated signatures, one per email, escaped output, reviewers' admin."""

import csv
import io

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse

from home.models import Signature


def sign(client, page, **overrides):
    data = {
        "name": "Jordan Reyes",
        "role": "Recovery coach",
        "town": "Lowell",
        "email": "jordan@example.org",
        "show_publicly": "on",
    }
    data.update(overrides)
    return client.post(page.url, data)


def test_signature_waits_for_a_reviewer_before_it_is_counted(client, statement, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign(client, statement)
    assert response.status_code == 200
    assert "Thank you for signing" in response.content.decode()
    signature = Signature.objects.get()
    assert not signature.approved
    assert [message.to for message in mail.outbox] == [["reviewers@example.org"], ["jordan@example.org"]]

    page = client.get(statement.url).content.decode()
    assert "0 people have signed." in page
    assert "Jordan Reyes" not in page

    signature.approved = True
    signature.save()
    page = client.get(statement.url).content.decode()
    assert "1 person has signed." in page
    assert "Jordan Reyes" in page and "Recovery coach" in page
    assert "jordan@example.org" not in page


def test_without_consent_the_signature_is_counted_but_not_named(client, statement):
    sign(client, statement, show_publicly="")
    Signature.objects.update(approved=True)
    page = client.get(statement.url).content.decode()
    assert "1 person has signed." in page
    assert "Jordan Reyes" not in page
    assert "Some chose not to show their names." in page


def test_second_signature_from_the_same_email_changes_nothing(client, statement, django_capture_on_commit_callbacks):
    sign(client, statement)
    with django_capture_on_commit_callbacks(execute=True):
        response = sign(client, statement, name="Someone Else", email="  JORDAN@example.org ")
    assert response.status_code == 200
    assert "already signed this statement" in response.content.decode()
    assert Signature.objects.count() == 1
    assert Signature.objects.get().name == "Jordan Reyes"
    assert mail.outbox == []


def test_the_database_enforces_one_signature_per_email(statement):
    Signature.objects.create(page=statement, name="A", email="a@example.org")
    with pytest.raises(IntegrityError):
        Signature.objects.create(page=statement, name="B", email="a@example.org")


def test_names_with_markup_and_rtl_text_are_shown_escaped(client, statement):
    sign(client, statement, name="<script>alert(1)</script> שרה", role="<b>Boss</b>")
    Signature.objects.update(approved=True)
    page = client.get(statement.url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; שרה" in page
    assert "&lt;b&gt;Boss&lt;/b&gt;" in page
    assert "<script>alert(1)" not in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "nope"}, "valid email address"),
        ({"name": ""}, "This field is required"),
        ({"name": "x" * 100_000}, "at most 200 characters"),
    ],
)
def test_bad_signatures_are_explained_and_not_saved(client, statement, overrides, message):
    response = sign(client, statement, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Signature.objects.exists()


def test_honeypot_and_closed_statement_refuse(client, statement):
    assert sign(client, statement, website_address="x").status_code == 400
    statement.closes_at = "2000-01-01T00:00:00Z"
    statement.save_revision().publish()
    response = sign(client, statement)
    assert response.status_code == 400
    assert "closed to new signatures" in response.content.decode()
    assert not Signature.objects.exists()


def test_reviewer_approves_in_the_admin_and_editor_cannot(client, statement, users):
    sign(client, statement)
    signature = Signature.objects.get()
    edit_url = reverse("signatures:edit", args=[signature.pk])

    client.force_login(users["editor"])
    assert client.get(reverse("signatures:index")).status_code in (302, 403)

    client.force_login(users["reviewer"])
    listing = client.get(reverse("signatures:index"))
    assert listing.status_code == 200
    assert "Jordan Reyes" in listing.content.decode()
    response = client.post(
        edit_url,
        {"name": "Jordan Reyes", "role": "Recovery coach", "town": "Lowell", "show_publicly": "on", "approved": "on"},
    )
    assert response.status_code == 302
    signature.refresh_from_db()
    assert signature.approved
    assert signature.email == "jordan@example.org"


def test_signature_csv_export_neutralises_formulas(client, statement, users):
    sign(client, statement, name="=cmd|' /C calc'!A0", role="+1+1", town="-2")
    client.force_login(users["reviewer"])
    response = client.get(reverse("signatures:index"), {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["Name"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["Organisation or role"] == "'+1+1"
    assert rows[0]["Email"] == "jordan@example.org"


def test_signatures_on_a_translation_count_on_the_source(client, statement, locales):
    spanish = statement.copy_for_translation(locales["es"], copy_parents=True, alias=False)
    spanish.save_revision().publish()
    spanish.refresh_from_db()
    sign(client, spanish)
    signature = Signature.objects.get()
    assert signature.page_id == statement.id
    assert signature.language == "es"
    signature.approved = True
    signature.save()
    assert "Jordan Reyes" in client.get(spanish.url).content.decode()


def test_the_statement_page_costs_the_same_queries_for_many_signatures(client, statement, django_assert_num_queries):
    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(statement.url).status_code == 200
        return len(captured)

    Signature.objects.create(page=statement, name="First", email="first@example.org", approved=True, show_publicly=True)
    client.get(statement.url)  # warm the site and locale caches
    few = count_queries()
    Signature.objects.bulk_create(
        Signature(page=statement, name=f"Person {n}", email=f"p{n}@example.org", approved=True, show_publicly=True)
        for n in range(200)
    )
    with django_assert_num_queries(few):
        html = client.get(statement.url).content.decode()
    assert "201 people have signed." in html
