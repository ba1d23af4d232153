"""Members-only details, drafts and members-only pages never reach anonymous readers.

A site is built with unique marker strings in every place a leak could come
from: an event's members-only meeting link and dial-in number, a
registrants-only access code, the draft revision of live pages (a content
page, an event, a guidance document, an organisation page), a page that never
went live, and a members-only page (Wagtail page privacy, set in the admin
after wagtail-localize made its aliases in the other languages, as happens
when an editor creates a page and an administrator then makes it private).

Then the whole public site is crawled anonymously: every URL in the sitemap,
every locale's home page, listings, filters, calendars, calendar feeds and
.ics files, search for the markers in every language, and the admin's preview
and draft URLs. No response may contain a marker. The same URLs are fetched
again by a member and by an administrator first and then anonymously, so that
no cache can hand what they saw to someone else.
"""

import datetime
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.synctree import create_aliases_for_new_page

from documents.models import DocumentLibraryPage, GuidanceDocumentPage
from events.models import EventIndexPage, EventOccurrence, EventPage
from home import roles
from home.models import ContentPage, OrganisationPage, Region, RegionalContact, RegionalDirectoryPage
from tests.conftest import make_home, make_user, publish, sync_locales

pytestmark = pytest.mark.django_db

MEMBERS_LINK = "https://meet.example.org/mbrlink-5Tz8"
MEMBERS_DIAL_IN = "+1 617 555 0193 mbrdial-3Jd"
REGISTRANTS_CODE = "regcode-88Qw"
DRAFT = "draftword-Kp3v"
PRIVATE = "privateword-Wm7x"
MARKERS = [MEMBERS_LINK, "mbrlink-5Tz8", "mbrdial-3Jd", REGISTRANTS_CODE, DRAFT, PRIVATE]
# Search words: parts of the markers, so that a results page echoing the query is no false alarm.
SEARCH_WORDS = ["draftword", "privateword", "mbrlink", "mbrdial", "regcode", "gathering", "Minutes", "members"]
PREFIXES = ["", "/es", "/pt", "/ht", "/zh-hans", "/vi"]
OTHER_LANGUAGES = tuple(f"{prefix}/" for prefix in PREFIXES if prefix)
MAX_URLS = 1500


def add(parent, page, *, live=True):
    page.live = live
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def add_draft(page, **changes):
    """A newer, unpublished revision of a live page."""
    page = page.specific
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision()


def build_site(admin):
    home = make_home()
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=5)

    organisation = add(
        home,
        OrganisationPage(
            title="Central Peer Network",
            slug="central",
            kind=OrganisationPage.Kind.NETWORK,
            short_name="CPN",
            intro="Peers in central Massachusetts.",
        ),
    )
    statewide = add(home, EventIndexPage(title="Statewide calendar", slug="events"))
    org_calendar = add(organisation, EventIndexPage(title="Our meetings", slug="meetings"))
    call = add(
        statewide,
        EventPage(
            title="Monthly members call",
            slug="members-call",
            summary="The monthly call for members.",
            start=start,
            end=start + datetime.timedelta(hours=1),
            format="video",
            meeting_link=MEMBERS_LINK,
            meeting_link_visibility="members",
            dial_in=MEMBERS_DIAL_IN,
            dial_in_visibility="members",
            access_code=REGISTRANTS_CODE,
            access_code_visibility="registrants",
            registration="built_in",
            organiser=organisation,
        ),
    )
    meeting = add(
        org_calendar,
        EventPage(
            title="Network meeting",
            slug="network-meeting",
            summary="Our own meeting.",
            start=start + datetime.timedelta(days=1),
            end=start + datetime.timedelta(days=1, hours=2),
            format="video",
            meeting_link=MEMBERS_LINK,
            meeting_link_visibility="members",
            organiser=organisation,
        ),
    )
    about = add(home, ContentPage(title="About us", slug="about", intro="Who we are."))
    library = add(organisation, DocumentLibraryPage(title="Library", slug="library", intro="Our guidance."))
    guidance = add(library, GuidanceDocumentPage(title="Our values", slug="our-values", body=[]))
    sync_locales()

    # Drafts of live pages: their words must stay in the admin.
    add_draft(about, intro=f"Draft intro {DRAFT}")
    add_draft(call, summary=f"Draft summary {DRAFT}")
    add_draft(guidance, title=f"Draft values {DRAFT}")
    add_draft(organisation, intro=f"Draft intro {DRAFT}")
    add(home, ContentPage(title=f"Unpublished {DRAFT}", slug="unpublished", intro=DRAFT), live=False)

    # Snippets readers see: a draft change to a live regional contact, and a contact never published.
    create_aliases_for_new_page(add(home, RegionalDirectoryPage(title="Find your region", slug="regions")))
    region = Region.objects.filter(live=True, locale=Locale.get_default()).first()
    contact = RegionalContact.objects.create(region=region, name="Central RLC", phone="508 555 0100", live=True)
    contact.save_revision().publish()
    contact.description = f"Draft description {DRAFT}"
    contact.save_revision()
    unpublished = RegionalContact(region=region, name=f"New contact {DRAFT}", live=False)
    unpublished.save()
    unpublished.save_revision()

    # Members-only pages, made as in the admin: the page is created (and
    # wagtail-localize's after_create_page hook gives it aliases in every
    # language), then an administrator sets its privacy.
    members = Group.objects.get(name=roles.MEMBERS)
    members_page = add(organisation, ContentPage(title="For members", slug="for-members", intro=PRIVATE))
    private_event = add(
        org_calendar,
        EventPage(
            title=f"Members gathering {PRIVATE}",
            slug="members-gathering",
            summary=f"Only for members {PRIVATE}",
            start=start + datetime.timedelta(days=2),
            end=start + datetime.timedelta(days=2, hours=1),
            format="video",
            meeting_link=MEMBERS_LINK,
        ),
    )
    admin_client = Client()
    admin_client.force_login(admin)
    for page in (members_page, private_event):
        create_aliases_for_new_page(page)
        response = admin_client.post(
            reverse("wagtailadmin_pages:set_privacy", args=[page.id]),
            {"restriction_type": PageViewRestriction.GROUPS, "groups": [members.pk]},
        )
        assert response.status_code == 200, response.status_code
    assert PageViewRestriction.objects.filter(page=members_page).exists()
    # A page added later under the members-only page is private too.
    add(members_page, ContentPage(title="Minutes", slug="minutes", intro=f"Minutes {PRIVATE}"))
    create_aliases_for_new_page(Page.objects.get(slug="minutes", locale=Locale.get_default()))
    publish(members_page)  # pushes the source's content to its aliases
    return {
        "call": call.pk,
        "meeting": meeting.pk,
        "members_page": members_page.pk,
        "private_event": private_event.pk,
        "about": about.pk,
        "guidance": guidance.pk,
        "organisation": organisation.pk,
    }


HREF = re.compile(rb"""(?:href|action)\s*=\s*["']([^"'#]+)""")
LOC = re.compile(rb"<loc>([^<]+)</loc>|<xhtml:link[^>]*href=\"([^\"]+)\"")


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def local_path(url):
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver", "localhost"):
        return None
    if not parts.path.startswith("/") or parts.path.startswith(("/static/", "/admin/", "/media/")):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def seeds(pages):
    """Every locale's home page and search, the sitemap, and the admin's
    preview and draft URLs of every page with a marker."""
    urls = ["/sitemap.xml"]
    for prefix in PREFIXES:
        urls.append(f"{prefix}/")
        for word in SEARCH_WORDS:
            urls.append(f"{prefix}/search/?query={word}")
    for page in Page.objects.filter(depth__gt=1).specific():
        urls.append(page.url)
        if isinstance(page, EventPage):
            urls.append(page.url + "ical/")
            urls += [f"{page.url}dates/{o.pk}/ical/" for o in EventOccurrence.objects.filter(page=page)]
        if isinstance(page, EventIndexPage):
            month = timezone.now() + datetime.timedelta(days=7)
            urls += [page.url + "ical/", page.url + "past/", page.url + f"calendar/{month:%Y/%m}/"]
    return [url for url in urls if url]


def admin_urls(pages):
    urls = []
    for pk in pages.values():
        page = Page.objects.get(pk=pk)
        revision = page.get_latest_revision()
        urls += [
            reverse("wagtailadmin_pages:view_draft", args=[pk]),
            reverse("wagtailadmin_pages:preview_on_edit", args=[pk]),
            reverse("wagtailadmin_pages:revisions_view", args=[pk, revision.pk]),
            reverse("wagtailadmin_pages:history", args=[pk]),
        ]
    return urls


CALENDAR_MONTH = re.compile(r"/calendar/(\d{4})/(\d{1,2})/")


def far_month(path):
    """Month calendars link to the month before and after, without end: the
    crawl keeps to the months around the test's events."""
    match = CALENDAR_MONTH.search(path)
    if not match:
        return False
    now = timezone.now()
    months = (int(match[1]) - now.year) * 12 + int(match[2]) - now.month
    return not -1 <= months <= 2


def crawl(client, start):
    """Breadth-first over the public site as `client`: {url: (status, body)}."""
    seen, queue, found = set(), list(start), {}
    while queue and len(found) < MAX_URLS:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        content = body(response)
        found[url] = (response.status_code, content, response.get("Location", ""))
        if response.status_code in (301, 302) and local_path(response["Location"]):
            queue.append(local_path(urljoin(url, response["Location"])))
        if "?" in url:
            continue  # filter links from filtered listings would only combine filters
        for match in LOC.finditer(content) if url.endswith(".xml") else HREF.finditer(content):
            link = (match.group(1) or match.group(2)) if url.endswith(".xml") else match.group(1)
            path = local_path(urljoin(url, link.decode().replace("&amp;", "&")))
            if path and "?" in path and path.startswith(OTHER_LANGUAGES):
                continue  # filters work alike in every language: followed in English only
            if path and path not in seen and not far_month(path):
                queue.append(path)
    return found


def leaks(content):
    return [marker for marker in MARKERS if marker.encode() in content]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """Built and crawled once; rolled back at the end of the module."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        cache.clear()
        try:
            admin = make_user("admin", roles.ADMINISTRATORS, superuser=True)
            member = make_user("member", roles.MEMBERS)
            pages = build_site(admin)
            found = crawl(Client(), seeds(pages))
            yield {"pages": pages, "found": found, "admin": admin.pk, "member": member.pk}
        finally:
            cache.clear()
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def logged_in(username):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_the_crawl_reached_every_language_and_every_kind_of_page(site):
    found = site["found"]
    assert 150 < len(found) < MAX_URLS
    for prefix in PREFIXES:
        assert f"{prefix}/" in found
        assert any(url.startswith(f"{prefix}/events/") and url.endswith("ical/") for url in found), prefix
        assert any(url.startswith(f"{prefix}/central/meetings/network-meeting/") for url in found), prefix
        assert any(url.startswith(f"{prefix}/central/library/our-values/") for url in found), prefix
        assert found[f"{prefix}/regions/"][0] == 200, prefix
    # The members-only details are there, hidden: the event pages say how to get them.
    status, content, _ = found["/events/members-call/"]
    assert status == 200 and b"Meeting link" in content
    assert b"Central RLC" in found["/regions/"][1]


def test_no_anonymous_response_contains_a_members_only_detail_a_draft_or_a_private_page(site):
    leaked = {url: leaks(content) for url, (_status, content, _loc) in site["found"].items() if leaks(content)}
    assert leaked == {}, "\n".join(f"{url}: {found}" for url, found in sorted(leaked.items()))
    errors = {url: status for url, (status, _c, _l) in site["found"].items() if status >= 500}
    assert errors == {}


def test_members_only_pages_send_anonymous_readers_to_log_in_in_every_language(site):
    for prefix in PREFIXES:
        for path in ("/central/for-members/", "/central/for-members/minutes/", "/central/meetings/members-gathering/"):
            response = Client().get(prefix + path)
            assert response.status_code == 302, (prefix, path, response.status_code)
            assert "/login/" in response["Location"]
            assert not leaks(body(response))


def test_members_see_what_anonymous_readers_do_not(site):
    """The markers are really there: the crawl's silence is not for want of them."""
    member = logged_in("member")
    for prefix in PREFIXES:
        assert MEMBERS_LINK.encode() in member.get(f"{prefix}/events/members-call/").content, prefix
        assert PRIVATE.encode() in member.get(f"{prefix}/central/for-members/").content, prefix
    admin = logged_in("admin")
    draft = admin.get(reverse("wagtailadmin_pages:view_draft", args=[site["pages"]["about"]]))
    assert DRAFT.encode() in draft.content


@pytest.mark.parametrize("first", ["member", "admin"])
def test_a_cache_never_hands_what_someone_saw_to_an_anonymous_reader(site, first):
    """Each page, listing, feed and search (not every combination of filters)
    fetched by `first`, then at once anonymously, twice."""
    before = logged_in(first)
    anonymous = Client()
    leaked = {}
    urls = [url for url in site["found"] if "?" not in url or "/search/" in url] + admin_urls(site["pages"])
    assert len(urls) > 100
    for url in urls:
        before.get(url)
        for _ in range(2):
            response = anonymous.get(url)
            if found := leaks(body(response)):
                leaked[url] = found
    assert leaked == {}, "\n".join(f"{url}: {found}" for url, found in sorted(leaked.items()))


def test_search_in_every_language_finds_no_draft_or_private_words(site):
    anonymous = Client()
    member = logged_in("member")
    for prefix in PREFIXES:
        for word in SEARCH_WORDS:
            member.get(f"{prefix}/search/", {"query": word})
            response = anonymous.get(f"{prefix}/search/", {"query": word})
            assert response.status_code == 200
            assert not leaks(response.content), (prefix, word)
            assert b"members-gathering" not in response.content
            assert b"for-members" not in response.content


def test_the_admin_previews_send_anonymous_readers_to_log_in(site):
    anonymous = Client()
    for url in admin_urls(site["pages"]):
        response = anonymous.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
        assert not leaks(body(response))


def test_details_shown_to_a_member_or_a_registrant_are_never_stored_by_a_shared_cache(site):
    """A CDN in front of the site must not keep the member's copy of an event
    page, nor a registrant's own page (which carries the registrants-only code)."""
    from events.models import Registrant
    from events.registration import make_token

    response = logged_in("member").get("/events/members-call/")
    assert MEMBERS_LINK.encode() in response.content
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]

    occurrence = EventOccurrence.objects.filter(page_id=site["pages"]["call"]).first()
    registrant = Registrant.objects.create(occurrence=occurrence, name="Dee", email="dee@example.org")
    response = Client().get(f"/events/members-call/registration/{make_token(registrant)}/")
    assert REGISTRANTS_CODE.encode() in response.content
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]

    # Everyone else's copy may be cached: it holds nothing personal.
    response = Client().get("/events/members-call/")
    assert not leaks(response.content)
    assert "private" not in response.get("Cache-Control", "")
