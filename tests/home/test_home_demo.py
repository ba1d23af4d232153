"""The demo content: idempotent, in place of the old content pages, with forms and signatures."""

from wagtail.models import PageViewRestriction

from home import demo
from home.models import (
    ContentPage,
    FormPage,
    HomePage,
    OrganisationPage,
    Region,
    RegionalContact,
    RegionalDirectoryPage,
    Signature,
    SignOnPage,
    Town,
)


class Output:
    def __init__(self):
        self.lines = []

    def write(self, line):
        self.lines.append(line)


def test_demo_loads_twice_and_replaces_old_content_pages(home_page):
    old = ContentPage(title="Eastern Massachusetts Peer Network", slug="eastern-mass-peer-network")
    home_page.add_child(instance=old)
    old.save_revision().publish()

    demo.load({"stdout": Output()})
    demo.load({"stdout": Output()})

    home = HomePage.objects.get(locale__language_code="en")
    english = OrganisationPage.objects.filter(locale__language_code="en")
    assert sorted(english.values_list("slug", flat=True)) == [
        "central-mass-peer-network",
        "eastern-mass-peer-network",
        "peer-facilitators-project",
        "peer-workforce-coalition",
        "western-mass-peer-network",
    ]
    assert not ContentPage.objects.filter(slug="eastern-mass-peer-network").exists()
    coalition = english.get(slug="peer-workforce-coalition")
    assert coalition.agenda_items.count() == 6
    assert coalition.membership_criteria.count() == 3
    assert FormPage.objects.filter(locale__language_code="en", confirm_membership_criteria=True).count() == 1
    statement = SignOnPage.objects.get(locale__language_code="en")
    assert Signature.objects.filter(page=statement, approved=True).count() == 4
    assert RegionalContact.objects.filter(live=True).count() == 6
    assert RegionalDirectoryPage.objects.child_of(home).count() == 1
    members = coalition.get_children().get(slug="members")
    assert PageViewRestriction.objects.filter(page=members, groups__name="Members").exists()


def test_demo_puts_back_the_regions_and_towns_of_the_data_migration(home_page):
    """A flushed database (as after a transactional test) has lost the migration's rows."""
    Town.objects.all().delete()
    Region.objects.all().delete()

    demo.load({"stdout": Output()})

    assert Region.objects.filter(locale__language_code="en").count() == 6
    assert Town.objects.count() == 351
    assert RegionalContact.objects.filter(locale__language_code="en").count() == 6
