"""Mailing lists: double opt-in by signed link, one-click unsubscribe, forged links."""

import re

from django.core import mail
from django.test import Client

from home.models import Subscriber


def subscribe(client, page, email="lee@example.org"):
    return client.post(page.url, {"email": email, "name": "Lee"})


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_double_opt_in_then_one_click_unsubscribe(client, mailing_list, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, mailing_list)
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is None
    assert len(mail.outbox) == 1
    confirm = link_in(mail.outbox[0])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(confirm)
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    welcome, notification = mail.outbox[1], mail.outbox[2]
    assert notification.to == ["news@example.org"]
    assert "lee@example.org" in notification.body
    unsubscribe = link_in(welcome)
    assert welcome.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Following the confirmation link again is harmless.
    assert client.get(confirm).status_code == 200
    assert len(mail.outbox) == 3

    response = client.get(unsubscribe)
    assert response.status_code == 200
    assert "You have left the list" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert client.get(unsubscribe).status_code == 200


def test_mail_clients_one_click_post_needs_no_csrf_token(mailing_list):
    subscriber = Subscriber.objects.create(page=mailing_list, email="a@example.org")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(subscriber.unsubscribe_link(), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_forged_and_swapped_tokens_are_refused(client, mailing_list):
    subscriber = Subscriber.objects.create(page=mailing_list, email="a@example.org")
    confirm = subscriber.confirm_link()
    unsubscribe = subscriber.unsubscribe_link()
    forged = confirm.replace("/confirm/", "/confirm/x")
    assert client.get(forged).status_code == 400
    assert client.get("/subscriptions/unsubscribe/eyJpZCI6MX0:forged/").status_code == 400
    # A confirmation token does not unsubscribe and vice versa (different salts).
    token = confirm.rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/subscriptions/unsubscribe/{token}/").status_code == 400
    token = unsubscribe.rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/subscriptions/confirm/{token}/").status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None


def test_signing_up_twice_keeps_one_row_and_says_the_same(client, mailing_list, django_capture_on_commit_callbacks):
    first = subscribe(client, mailing_list)
    with django_capture_on_commit_callbacks(execute=True):
        second = subscribe(client, mailing_list, email="LEE@example.org")
    assert first.content == second.content
    assert Subscriber.objects.count() == 1
    # Still unconfirmed: the confirmation is sent again.
    assert len(mail.outbox) == 1
    Subscriber.objects.update(confirmed_at="2026-01-01T00:00:00Z")
    with django_capture_on_commit_callbacks(execute=True):
        third = subscribe(client, mailing_list)
    assert third.status_code == 200
    assert len(mail.outbox) == 1


def test_bad_addresses_are_explained(client, mailing_list):
    response = client.post(mailing_list.url, {"email": "x" * 300 + "@example.org"})
    assert response.status_code == 200
    assert "Enter a valid email address" in response.content.decode() or "at most 254" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_links_use_the_subscribers_language(client, mailing_list):
    subscriber = Subscriber.objects.create(page=mailing_list, email="a@example.org", language="es")
    assert "/es/subscriptions/confirm/" in subscriber.confirm_link()
