"""The regional directory: six regions, 351 towns, "find your region" by town."""

import pytest

from home.models import Region, RegionalContact, Town
from home.towns import normalise_town_name


def test_the_data_migration_loaded_six_regions_and_every_town(db):
    assert set(Region.objects.values_list("slug", flat=True)) == {
        "central",
        "metro-suburban",
        "metro-boston",
        "southeast",
        "northeast",
        "western",
    }
    assert Town.objects.count() == 351
    assert Town.objects.get(name="Pittsfield").region.slug == "western"
    assert Town.objects.get(name="Worcester").region.slug == "central"
    assert Town.objects.get(name="Boston").region.slug == "metro-boston"
    assert Town.objects.get(name="New Bedford").region.slug == "southeast"
    assert Town.objects.get(name="Lawrence").region.slug == "northeast"
    assert Town.objects.get(name="Framingham").region.slug == "metro-suburban"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("north adams", "north adams"),
        ("  North   ADAMS, MA ", "north adams"),
        ("Manchester-by-the-Sea", "manchester by the sea"),
        ("Town of Lee", "lee"),
        ("Fall River, Massachusetts", "fall river"),
    ],
)
def test_town_names_are_matched_the_way_people_type_them(typed, expected):
    assert normalise_town_name(typed) == expected


@pytest.fixture
def contacts(db):
    western = Region.objects.get(slug="western")
    return RegionalContact.objects.create(
        name="Western Mass Recovery Learning Community",
        region=western,
        phone="413 555 0101",
        email="rlc-west@example.org",
        link="https://example.org/west",
        live=True,
    )


def test_typing_a_town_finds_its_region_and_contact(client, directory, contacts):
    response = client.get(directory.url, {"town": "pittsfield"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pittsfield is in the Western Mass region" in html
    assert "Western Mass Recovery Learning Community" in html
    assert "413 555 0101" in html


@pytest.mark.parametrize("typed", ["Atlantis", "<script>alert(1)</script>", "x" * 5000, "\u202eesoB", "%00", "\x00"])
def test_an_unknown_town_gets_a_kind_message_with_the_regions(client, directory, typed):
    response = client.get(directory.url, {"town": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert "We could not find" in html
    assert 'href="#region-western"' in html
    assert "<script>alert(1)" not in html


def test_unpublished_contacts_are_not_listed(client, directory, contacts):
    contacts.live = False
    contacts.save()
    assert "Western Mass Recovery Learning Community" not in client.get(directory.url).content.decode()


def test_the_directory_query_count_does_not_grow_with_contacts(
    client, directory, contacts, django_assert_max_num_queries
):
    for region in Region.objects.all():
        RegionalContact.objects.create(name=f"RLC {region.name}", region=region, live=True)
    with django_assert_max_num_queries(30):
        response = client.get(directory.url, {"town": "Boston"})
    assert "RLC Metro Boston" in response.content.decode()


def test_contacts_appear_in_the_readers_language(client, directory, contacts, locales):
    from tests.conftest import sync_locales

    sync_locales()
    spanish_region = Region.objects.get(slug="western").copy_for_translation(locales["es"])
    spanish_region.name = "Oeste de Massachusetts"
    spanish_region.save()
    spanish_contact = contacts.copy_for_translation(locales["es"])
    spanish_contact.name = "Comunidad de aprendizaje del oeste"
    spanish_contact.region = spanish_region
    spanish_contact.save()
    spanish_directory = directory.get_translation(locales["es"])
    html = client.get(spanish_directory.url, {"town": "Pittsfield"}).content.decode()
    assert "Oeste de Massachusetts" in html
    assert "Comunidad de aprendizaje del oeste" in html
    assert "Western Mass Recovery Learning Community" not in html
