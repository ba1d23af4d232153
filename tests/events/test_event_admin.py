"""Editors get validation errors for impossible events; organisers export
registrations as CSV with formula-looking cells neutralised."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventPage
from events.registration import register

from .conftest import local, make_event


def event(**fields):
    values = {
        "title": "Call",
        "slug": "call",
        "summary": "A call.",
        "start": local(2030, 5, 1, 19),
        "end": local(2030, 5, 1, 20),
        "format": "video",
        "meeting_link": "https://meet.example.org/x",
    }
    return EventPage(**{**values, **fields})


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"end": local(2030, 5, 1, 18)}, "end"),
        ({"end": local(2030, 5, 1, 19)}, "end"),
        ({"end": local(2030, 6, 1, 19)}, "end"),
        ({"frequency": "weekly", "repeat_count": 3, "repeat_until": datetime.date(2030, 6, 1)}, "repeat_count"),
        ({"frequency": "weekly", "repeat_until": datetime.date(2030, 4, 1)}, "repeat_until"),
        ({"repeat_count": 3}, "frequency"),
        ({"frequency": "weekly", "end": local(2030, 5, 9, 19)}, "end"),
        ({"format": "in_person", "meeting_link": ""}, "address"),
        ({"meeting_link": ""}, "meeting_link"),
        ({"registration": "external"}, "registration_url"),
        ({"meeting_link_visibility": "registrants"}, "meeting_link_visibility"),
    ],
)
def test_impossible_events_are_refused_with_a_message(db, fields, field):
    with pytest.raises(ValidationError) as error:
        event(**fields).clean()
    assert field in error.value.message_dict


def test_a_sensible_event_is_accepted(db):
    event(frequency="monthly", repeat_until=datetime.date(2031, 1, 1)).clean()


def admin_form(**fields):
    return nested_form_data(
        {
            "title": "Backwards",
            "slug": "backwards",
            "summary": "Ends before it starts.",
            "start": "2030-05-01 19:00",
            "end": "2030-05-01 18:00",
            "format": "video",
            "meeting_link": "https://meet.example.org/x",
            "dial_in_visibility": "public",
            "access_code_visibility": "public",
            "meeting_link_visibility": "public",
            "interval": 1,
            "wait_list": "on",
            "body": streamfield([]),
            "minutes": streamfield([]),
            "date_changes": inline_formset([]),
            "agenda_items": inline_formset([]),
            **fields,
        }
    )


def test_the_admin_shows_the_error_to_the_editor(client, calendar_page, users):
    client.force_login(users["admin"])
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", calendar_page.pk])
    response = client.post(url, admin_form())
    assert response.status_code == 200
    assert "The end must be after the start." in response.content.decode()
    assert not EventPage.objects.filter(slug="backwards").exists()


def test_registrations_export_as_csv_with_formulas_neutralised(client, calendar_page, users):
    page = make_event(
        calendar_page,
        "Coalition meeting",
        start=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=3),
        registration="built_in",
    )
    occurrence = page.occurrences.get()
    register(occurrence, name='=HYPERLINK("http://evil")', email="a@example.org", consent=True)
    register(occurrence, name="Bea", email="b@example.org", accessibility_needs="+ captions", consent=True)
    client.force_login(users["admin"])
    response = client.get(reverse("registrations:index") + "?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["Event", "Date", "Name"]
    names = [row[2] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in names and "Bea" in names
    assert "'+ captions" in [row[4] for row in rows[1:]]


def test_readers_cannot_see_registrations(client, users):
    client.force_login(users["reader"])
    response = client.get(reverse("registrations:index"))
    assert response.status_code in (302, 403)


def test_a_group_given_registrant_permissions_sees_registrations(client, users):
    from django.contrib.auth.models import Group, Permission

    organisers = Group.objects.create(name="Organisers")
    view_registrant = Permission.objects.get(content_type__app_label="events", codename="view_registrant")
    organisers.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"), view_registrant
    )
    users["reader"].groups.add(organisers)
    client.force_login(users["reader"])
    assert client.get(reverse("registrations:index")).status_code == 200
    client.force_login(users["admin"])
    response = client.get(reverse("wagtailusers_groups:edit", args=[organisers.pk]))
    # the group editor offers the permission, so administrators can grant it
    assert f'value="{view_registrant.pk}"' in response.content.decode()


def test_deleting_an_event_in_the_admin_removes_its_dates_and_registrations(client, calendar_page, users):
    from events.models import EventOccurrence, Registrant

    page = make_event(
        calendar_page,
        "Cancelled for good",
        start=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=3),
        registration="built_in",
    )
    register(page.occurrences.get(), name="Ana", email="ana@example.org", consent=True)
    client.force_login(users["admin"])
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    assert not EventPage.objects.filter(pk=page.pk).exists()
    assert EventOccurrence.objects.count() == 0
    assert Registrant.objects.count() == 0


def test_previewing_a_new_repeating_event_shows_its_dates(client, calendar_page, users):
    client.force_login(users["admin"])
    url = reverse("wagtailadmin_pages:preview_on_add", args=["events", "eventpage", calendar_page.pk])
    data = admin_form(title="Preview me", end="2030-05-01 20:00", frequency="weekly", repeat_count="3")
    assert client.post(url, data).json()["is_valid"] is True
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wednesday 8 May 2030, 7:00 PM" in html
    assert "Wednesday 15 May 2030, 7:00 PM" in html
    assert not EventPage.objects.filter(title="Preview me").exists()
