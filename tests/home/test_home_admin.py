"""The admin screens editors and reviewers use for the networks' content."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import AgendaItem, OrganisationPage, RegionalContact


@pytest.mark.parametrize(
    "model", ["organisationpage", "formpage", "signonpage", "mailinglistpage", "regionaldirectorypage"]
)
def test_editors_can_open_the_new_page_forms(client, users, organisation, model):
    client.force_login(users["editor"])
    parent = organisation.get_parent() if model == "organisationpage" else organisation
    response = client.get(reverse("wagtailadmin_pages:add", args=["home", model, parent.pk]))
    assert response.status_code == 200


def test_an_editor_adds_an_organisation_with_its_meeting_structure(client, users, home_page):
    client.force_login(users["editor"])
    data = nested_form_data(
        {
            "title": "Northeast Peer Network",
            "slug": "northeast-peer-network",
            "kind": "network",
            "short_name": "NEPN",
            "intro": "Peers in the northeast.",
            "mission": rich_text("Support each other."),
            "vision": rich_text(""),
            "history": rich_text(""),
            "represents": rich_text(""),
            "membership": rich_text(""),
            "meeting_schedule": "Monthly",
            "body": streamfield([]),
            "contact_email": "",
            "phone": "",
            "address": "",
            "website": "",
            "membership_criteria": inline_formset([{"text": "You work in a peer role."}]),
            "agenda_items": inline_formset(
                [{"title": "Check-in", "minutes": 10, "description": ""}, {"title": "Topic", "minutes": 40}]
            ),
            "social_links": inline_formset([]),
        }
    )
    data["action-submit"] = "Submit for review"
    response = client.post(reverse("wagtailadmin_pages:add", args=["home", "organisationpage", home_page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = OrganisationPage.objects.get(slug="northeast-peer-network", locale__language_code="en")
    assert not page.live  # waits for a reviewer
    assert [(item.title, item.minutes) for item in AgendaItem.objects.filter(page=page)] == [
        ("Check-in", 10),
        ("Topic", 40),
    ]


def test_reviewers_and_editors_see_the_snippet_and_sign_up_screens(client, users, statement, mailing_list):
    client.force_login(users["reviewer"])
    for name in ("signatures:index", "subscribers:index"):
        assert client.get(reverse(name)).status_code == 200
    assert client.get(reverse("wagtailsnippets_home_regionalcontact:add")).status_code == 200
    client.force_login(users["editor"])
    assert client.get(reverse("wagtailsnippets_home_regionalcontact:list")).status_code == 200
    assert client.get(reverse("subscribers:index")).status_code in (302, 403)


def test_a_new_regional_contact_waits_for_review(client, users):
    from home.models import Region

    client.force_login(users["editor"])
    region = Region.objects.get(slug="western", locale__language_code="en")
    response = client.post(
        reverse("wagtailsnippets_home_regionalcontact:add"),
        {
            "name": "Hilltown peer group",
            "region": region.pk,
            "description": "",
            "address": "",
            "phone": "",
            "email": "",
            "link": "",
            "action-submit": "Submit",
        },
    )
    assert response.status_code == 302
    contact = RegionalContact.objects.get(name="Hilltown peer group")
    assert not contact.live


def test_reviewers_can_search_regional_contacts_and_signatures(client, users, statement):
    from home.models import Region, Signature

    RegionalContact.objects.create(name="Hilltown peer group", region=Region.objects.get(slug="western"), live=True)
    Signature.objects.create(page=statement, name="Robin Hill", email="robin@example.org")
    client.force_login(users["reviewer"])
    contacts = client.get(reverse("wagtailsnippets_home_regionalcontact:list"), {"q": "Hilltown", "locale": "en"})
    assert contacts.status_code == 200
    assert "Hilltown peer group" in contacts.content.decode()
    signatures = client.get(reverse("signatures:index"), {"q": "robin"})
    assert "Robin Hill" in signatures.content.decode()
