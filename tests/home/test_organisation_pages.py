"""Organisation pages, the home page's list of them, the comparison chart, and
members-only pages that never leak."""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import PageViewRestriction

from home import roles
from home.blocks import ComparisonChartBlock
from home.models import ContentPage, OrganisationPage
from tests.conftest import sync_locales

from .conftest import add_page


def test_organisation_page_shows_mission_membership_and_meeting_structure(client, organisation, contact_form):
    html = client.get(organisation.url).content.decode()
    assert "We raise the voice of peer workers." in html
    assert "You work or volunteer in a peer role." in html
    # The agenda in its order, with durations and the total.
    assert html.index("Welcome") < html.index("Updates") < html.index("Open floor")
    assert "30 minutes" in html
    assert "In all, about 60 minutes." in html
    assert 'href="mailto:coalition@example.org"' in html
    assert f'href="{contact_form.url}"' in html


def test_organisation_page_children_and_parents(organisation):
    allowed = {model.__name__ for model in OrganisationPage.clean_subpage_models()}
    expected = {"ContentPage", "FormPage", "SignOnPage", "MailingListPage", "DocumentLibraryPage", "EventIndexPage"}
    assert expected <= allowed
    assert [model.__name__ for model in OrganisationPage.clean_parent_page_models()] == ["HomePage"]


def test_home_page_lists_the_organisations(client, home_page, organisation):
    html = client.get(home_page.url).content.decode()
    assert "The networks and the coalition" in html
    assert "Coalition of Peer Workers" in html


@pytest.fixture
def members_only(organisation):
    page = add_page(
        organisation,
        ContentPage(
            title="Minutes for members", slug="members-minutes", intro="Zanzibar quorum notes", show_in_menus=True
        ),
    )
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=roles.MEMBERS)])
    return page


def test_members_only_page_is_for_members(client, members_only, users):
    anonymous = client.get(members_only.url)
    assert anonymous.status_code == 302
    assert "Zanzibar" not in anonymous.content.decode()
    client.force_login(users["reader"])
    assert client.get(members_only.url).status_code in (302, 403)
    client.force_login(users["member"])
    response = client.get(members_only.url)
    assert response.status_code == 200
    assert "Zanzibar quorum notes" in response.content.decode()
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_members_only_page_never_leaks(client, home_page, organisation, members_only):
    assert "Minutes for members" not in client.get(organisation.url).content.decode()
    assert "Minutes for members" not in client.get(home_page.url).content.decode()
    assert "members-minutes" not in client.get("/sitemap.xml").content.decode()
    search = client.get("/search/", {"query": "Zanzibar"}).content.decode()
    assert "Minutes for members" not in search


def test_public_pages_stay_cacheable(client, organisation):
    assert "private" not in client.get(organisation.url).get("Cache-Control", "")


def comparison_value(rows):
    block = ComparisonChartBlock()
    return block.to_python(
        {
            "title": "Peer roles compared",
            "first_column_is_header": True,
            "table": {
                "caption": "",
                "columns": [
                    {"type": "text", "heading": "Role"},
                    {"type": "answer", "heading": "State certification"},
                    {"type": "text", "heading": "Works with"},
                ],
                "rows": [{"values": row} for row in rows],
            },
        }
    ), block


def test_comparison_chart_is_an_accessible_table_that_stacks_on_phones():
    value, block = comparison_value(
        [
            ["Recovery coach", "yes", "People in recovery from substance use"],
            ["Family partner <b>", "partly", "Parents"],
        ]
    )
    with translation.override("en"):
        html = block.render(value)
    assert "<caption>Peer roles compared</caption>" in html
    assert html.count('<th scope="col">') == 3
    assert '<th scope="row" data-label="Role">Recovery coach</th>' in html
    assert 'data-label="State certification">Yes' in html
    assert "Partly" in html
    assert "Family partner &lt;b&gt;" in html


def test_organisation_and_home_pages_keep_a_bounded_query_count(
    client, home_page, organisation, contact_form, django_assert_max_num_queries
):
    client.get(organisation.url)  # warm the site and locale caches
    with django_assert_max_num_queries(40):
        assert client.get(organisation.url).status_code == 200
    with django_assert_max_num_queries(40):
        assert client.get(home_page.url).status_code == 200


def test_a_members_only_page_in_the_menu_is_not_shown_to_the_public(client, home_page, users):
    page = add_page(home_page, ContentPage(title="Members lounge", slug="lounge", show_in_menus=True))
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=roles.MEMBERS)])
    assert "Members lounge" not in client.get(home_page.url).content.decode()


def test_an_untranslated_organisation_is_marked_english_on_a_creole_home_page(client, organisation):
    """Screen readers must not read the English title and summary of an alias with a Creole voice."""
    sync_locales()
    html = client.get("/ht/").content.decode()

    assert '<h3 lang="en"><a href="/ht/coalition/">Coalition of Peer Workers</a></h3>' in html
    assert '<p lang="en">Peer workers speaking together.</p>' in html
    assert 'lang="en">Peer workers' not in client.get("/").content.decode()
