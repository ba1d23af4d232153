"""Shared fixtures: an English home page as the site root, synced locale trees,
and one user per role. Tests build what they need on top with plain functions."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale, Page, Site

from home import roles
from home.models import HomePage

ROLES = {
    "editor": roles.EDITORS,
    "reviewer": roles.REVIEWERS,
    "translator": roles.TRANSLATORS,
    "member": roles.MEMBERS,
}


@pytest.fixture(scope="session", autouse=True)
def compiled_messages():
    """UI translations must be compiled for /ht/ and friends to activate."""
    call_command("compilemessages", ignore_patterns=[".venv"], verbosity=0)


def make_home(title="Peer support across Massachusetts"):
    root = Page.get_first_root_node()
    for starter in root.get_children().exact_type(Page):
        starter.delete()
    home = HomePage(title=title, slug="home", site_name="Peer Networks Test Site")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def sync_locales():
    """wagtail-localize's sync: aliases of every English page in every other locale."""
    from wagtail_localize.models import LocaleSynchronization
    from wagtail_localize.synctree import synchronize_tree

    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale)


def publish(page):
    """Publish the latest revision of a page (as an administrator would)."""
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    return page


def login(user):
    """A test client signed in as `user`."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def clients(users):
    """A signed-in client per role of `users`."""
    return {name: login(user) for name, user in users.items()}


@pytest.fixture
def home_page(db):
    return make_home()


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


def make_user(username, group_name=None, superuser=False):
    User = get_user_model()
    user = User.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="correct horse battery staple",
        first_name=username.capitalize(),
        is_superuser=superuser,
        is_staff=superuser,
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def users(db):
    """One user per role, plus an administrator and a reader with no role."""
    people = {name: make_user(name, group) for name, group in ROLES.items()}
    people["admin"] = make_user("admin", roles.ADMINISTRATORS, superuser=True)
    people["reader"] = make_user("reader")
    return people


@pytest.fixture
def page_cache(settings):
    """The page cache for anonymous readers turned on (settings.test turns it off), empty."""
    from home import page_cache as cache_module

    settings.PAGE_CACHE_SECONDS = 300
    cache_module.page_cache().clear()
    yield cache_module
    cache_module.page_cache().clear()


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """The shared page cache also keeps database facts (restricted paths, locales,
    the content generation): each test starts with it empty, as the test database
    rolls back and the cache would not."""
    from home.page_cache import page_cache

    page_cache().clear()


@pytest.fixture(autouse=True)
def english_after_each_test():
    """LocaleMiddleware activates the language of a request and nothing turns it
    off in the test process: without this, a test after a /es/ request would run
    its code in Spanish."""
    yield
    from django.utils import translation

    translation.deactivate()
