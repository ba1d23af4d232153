"""Registration for one date: capacity and wait list enforced in the database,
confirmation email with an .ics, the registrant's own signed link, cancellation,
and bad input that never leaves anything half-saved."""

import datetime
import os
import threading

import icalendar
import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

from events.models import EventOccurrence, Registrant
from events.registration import RegistrationRefused, register

from .conftest import BOSTON, local, make_event


def soon(days=5):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(18), tzinfo=BOSTON)


def form(name="Ana Souza", email="ana@example.org", **extra):
    return {"name": name, "email": email, "accessibility_needs": "", "consent": "on", **extra}


@pytest.fixture
def support_group(calendar_page):
    return make_event(
        calendar_page,
        "Support group",
        start=soon(),
        format="video",
        meeting_link="https://meet.example.org/secret-room",
        meeting_link_visibility="registrants",
        registration="built_in",
        capacity=2,
        wait_list=True,
        frequency="weekly",
        repeat_count=3,
    )


def first_date(event):
    return event.occurrences.order_by("start").first()


def register_url(event, occurrence):
    return event.url + event.reverse_subpage("register", args=[occurrence.pk])


def test_registering_confirms_emails_an_ics_and_links_to_the_registrants_page(client, support_group):
    occurrence = first_date(support_group)
    response = client.post(register_url(support_group, occurrence), form())
    assert response.status_code == 302
    registrant = Registrant.objects.get()
    assert registrant.status == "confirmed"
    assert registrant.occurrence == occurrence
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 1

    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert "confirmed" in message.body
    assert "https://meet.example.org/secret-room" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == occurrence.local_start
    assert "secret-room" in str(event["description"])

    own_page = client.get(response["Location"]).content.decode()
    assert "your place is confirmed" in own_page
    assert "https://meet.example.org/secret-room" in own_page
    assert response["Location"] in message.body.replace("http://testserver", "")
    # the public page keeps the link for registrants only
    assert "secret-room" not in client.get(support_group.url).content.decode()


def test_capacity_then_wait_list_then_promotion_on_cancel(client, support_group):
    occurrence = first_date(support_group)
    for n in range(3):
        client.post(register_url(support_group, occurrence), form(name=f"P{n}", email=f"p{n}@example.org"))
    statuses = dict(Registrant.objects.values_list("email", "status"))
    assert statuses == {"p0@example.org": "confirmed", "p1@example.org": "confirmed", "p2@example.org": "waiting"}
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 2
    assert "wait list" in mail.outbox[-1].subject

    first = Registrant.objects.get(email="p0@example.org")
    from events.registration import make_token

    link = support_group.url + support_group.reverse_subpage("registration", args=[make_token(first)])
    assert client.post(link, {"action": "cancel"}).status_code == 302
    statuses = dict(Registrant.objects.values_list("email", "status"))
    assert statuses == {"p0@example.org": "cancelled", "p1@example.org": "confirmed", "p2@example.org": "confirmed"}
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 2
    assert mail.outbox[-1].to == ["p2@example.org"] and "registered" in mail.outbox[-1].subject
    assert "This registration is cancelled." in client.get(link).content.decode()


def test_cancelling_without_a_wait_list_frees_the_place(support_group):
    occurrence = first_date(support_group)
    from events.registration import cancel

    registrant = register(occurrence, name="A", email="a@example.org", consent=True)
    cancel(registrant)
    cancel(registrant)  # twice is harmless
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 0
    # the same person can register again after cancelling
    assert register(occurrence, name="A", email="a@example.org", consent=True).status == "confirmed"


def test_full_without_wait_list_is_refused_and_nothing_is_saved(client, support_group):
    support_group.wait_list = False
    support_group.capacity = 1
    support_group.save_revision().publish()
    occurrence = first_date(support_group)
    client.post(register_url(support_group, occurrence), form())
    response = client.post(register_url(support_group, occurrence), form(email="late@example.org"))
    assert response.status_code == 409
    assert "this date is full" in response.content.decode()
    assert Registrant.objects.count() == 1


def test_duplicate_registration_is_refused_politely(client, support_group):
    occurrence = first_date(support_group)
    client.post(register_url(support_group, occurrence), form())
    response = client.post(register_url(support_group, occurrence), form(email="ANA@example.org "))
    assert response.status_code == 409
    assert "already registered" in response.content.decode()
    assert Registrant.objects.count() == 1
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 1


def test_past_and_cancelled_dates_are_refused(client, calendar_page, support_group):
    past_event = make_event(calendar_page, "Last year", start=local(2020, 5, 5, 10), registration="built_in")
    occurrence = first_date(past_event)
    response = client.post(register_url(past_event, occurrence), form())
    assert response.status_code == 409
    assert "already started or is over" in response.content.decode()

    cancelled = first_date(support_group)
    EventOccurrence.objects.filter(pk=cancelled.pk).update(cancelled=True)
    response = client.post(register_url(support_group, cancelled), form())
    assert response.status_code == 409
    assert "cancelled" in response.content.decode()
    assert Registrant.objects.count() == 0


@pytest.mark.parametrize(
    "data, field",
    [
        (form(name="x" * 10_000), "name"),
        (form(email="not-an-email"), "email"),
        (form(accessibility_needs="y" * 5000), "accessibility_needs"),
        ({"name": "Ana", "email": "ana@example.org"}, "consent"),
    ],
)
def test_bad_form_input_is_a_400_with_a_message(client, support_group, data, field):
    response = client.post(register_url(support_group, first_date(support_group)), data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert Registrant.objects.count() == 0
    assert EventOccurrence.objects.filter(seats_taken__gt=0).count() == 0


def test_a_post_without_csrf_is_refused(support_group):
    client = Client(enforce_csrf_checks=True)
    response = client.post(register_url(support_group, first_date(support_group)), form())
    assert response.status_code == 403
    assert Registrant.objects.count() == 0


def test_unknown_dates_forged_links_and_events_without_registration_are_404(client, calendar_page, support_group):
    assert client.get(support_group.url + "register/999999/").status_code == 404
    assert client.get(support_group.url + "registration/forged-token/").status_code == 404
    other = make_event(calendar_page, "Drop in", start=soon())
    assert client.get(register_url(other, first_date(other))).status_code == 404
    # a date of another event cannot be booked through this one
    assert client.get(register_url(support_group, first_date(other))).status_code == 404


def test_an_email_failure_keeps_the_registration(client, support_group, settings):
    settings.EMAIL_BACKEND = "tests.events.failing_mail.Backend"
    response = client.post(register_url(support_group, first_date(support_group)), form(), follow=True)
    assert response.status_code == 200
    assert Registrant.objects.get().status == "confirmed"
    assert "could not send your confirmation email" in response.content.decode()


def test_external_registration_links_out(client, calendar_page):
    event = make_event(
        calendar_page,
        "Conference",
        start=soon(),
        registration="external",
        registration_url="https://tickets.example.org/x",
    )
    assert 'href="https://tickets.example.org/x"' in client.get(event.url).content.decode()


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL: SQLite serialises writers, so there is no race to test",
)
@pytest.mark.django_db(transaction=True)
def test_fifty_people_racing_for_the_last_place_never_exceed_capacity(home_page):
    from .conftest import make_index

    index = make_index(home_page)
    event = make_event(index, "Popular", start=soon(), registration="built_in", capacity=1, wait_list=False)
    occurrence = first_date(event)
    barrier = threading.Barrier(50)
    outcomes = []

    def attempt(n):
        try:
            barrier.wait()
            register(occurrence, name=f"P{n}", email=f"p{n}@example.org", consent=True)
            outcomes.append("ok")
        except RegistrationRefused:
            outcomes.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 1
    assert outcomes.count("full") == 49
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 1
    assert Registrant.objects.filter(occurrence=occurrence).count() == 1
