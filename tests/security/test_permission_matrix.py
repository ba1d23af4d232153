"""Who may do what, across the whole site: roles x actions against the real views.

tests/workflow/test_permission_matrix.py already covers the review workflow
(view draft, edit, submit, approve, publish, unpublish, delete or move a live
page, edit a translation, export form submissions). This matrix covers the rest
of the admin and the public site: previews, history and revisions, copying,
moving and deleting drafts (with guessed ids of other people's pages), page
privacy, form submissions, snippets, documents, registrations, sign-ups, site
settings, users and groups, and what members see on the public site.

Each cell performs the action through Django's test client as that role and
then looks in the database (or the response, for what is only shown). An
allowed cell must have its effect; a refused one must not, and must be refused
plainly: a redirect to the login page (no admin access), a 403, or Wagtail's
"Sorry, you do not have permission" redirect to the dashboard. A few refusals
are quiet by Wagtail's design (a form field the role is not offered is
ignored): those cells say so in QUIET and still check that nothing happened.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from events.models import EventIndexPage, EventOccurrence, EventPage, Registrant
from home import roles
from home.models import (
    FormField,
    FormPage,
    FormPageSubmission,
    Region,
    Signature,
    SignOnPage,
    SiteSettings,
)
from tests.conftest import ROLES as ROLE_GROUPS
from tests.conftest import make_home, make_user, publish
from tests.workflow.conftest import add_page, login, page_form, refused

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "translator", "editor", "reviewer", "admin"]
EVERYONE = set(ROLES)
NOBODY = set()
WRITERS = {"editor", "reviewer", "admin"}

MEMBERS_LINK = "https://meet.example.org/members-only-call-7Hq2"
MEMBERS_PAGE_WORDS = "Minutes of the meeting, for members only"


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The world is built once for the module inside a transaction that is
    rolled back at the end; each test runs in a savepoint inside it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def build_world():
    """Pages, a form with a submission, an event with a members-only link, a
    members-only page, a snippet, a document, a registration and a signature,
    all owned by another editor (so no role acts on its own work unless a
    cell says so)."""
    home_page = make_home()
    users = {name: make_user(name, group) for name, group in ROLE_GROUPS.items()}
    users["admin"] = make_user("admin", roles.ADMINISTRATORS, superuser=True)
    author = make_user("author", roles.EDITORS)
    draft = add_page(home_page, "Draft notes", owner=author, intro="Draft words")
    draft.intro = "Second draft words"
    draft.save_revision(user=author)
    live = add_page(home_page, "Live page", owner=author, live=True)
    archive = add_page(home_page, "Archive", owner=author, live=True)

    members_page = add_page(home_page, "Members corner", owner=author, live=True, intro=MEMBERS_PAGE_WORDS)
    restriction = PageViewRestriction.objects.create(page=members_page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=roles.MEMBERS)])

    form = FormPage(
        title="Contact us",
        slug="contact-us",
        owner=author,
        form_fields=[FormField(label="Name", field_type="singleline")],
    )
    home_page.add_child(instance=form)
    publish(form)
    submission = FormPageSubmission.objects.create(page=form, form_data={"name": "Ana Example"})

    statement = SignOnPage(
        title="Our statement", slug="statement", statement="<p>We ask for peer-led roles.</p>", owner=author
    )
    home_page.add_child(instance=statement)
    publish(statement)
    signature = Signature.objects.create(page=statement, name="Bea Signer", email="bea@example.org", town="Lowell")

    calendar = EventIndexPage(title="Calendar", slug="events", owner=author)
    home_page.add_child(instance=calendar)
    publish(calendar)
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    event = EventPage(
        title="Members call",
        slug="members-call",
        summary="Our monthly call.",
        start=start,
        end=start + datetime.timedelta(hours=1),
        format="video",
        meeting_link=MEMBERS_LINK,
        meeting_link_visibility="members",
        registration="built_in",
        owner=author,
    )
    calendar.add_child(instance=event)
    publish(event)
    occurrence = EventOccurrence.objects.get(page=event)
    registrant = Registrant.objects.create(occurrence=occurrence, name="Cai Registrant", email="cai@example.org")

    region = Region.objects.create(name="Cape and Islands test", slug="cape-test", live=False)
    region.save_revision(user=author)

    document = get_document_model().objects.create(
        title="Meeting notes", file=ContentFile(b"notes", name="notes.txt"), uploaded_by_user=author
    )
    return {
        "pages": {
            "home": home_page.pk,
            "draft": draft.pk,
            "live": live.pk,
            "archive": archive.pk,
            "members_page": members_page.pk,
            "form": form.pk,
            "statement": statement.pk,
            "event": event.pk,
        },
        "users": {name: user.pk for name, user in users.items()},
        "author": author.pk,
        "submission": submission.pk,
        "signature": signature.pk,
        "registrant": registrant.pk,
        "region": region.pk,
        "document": document.pk,
    }


@pytest.fixture
def world(built, db):
    """Fresh instances of the module's objects for each test (the database
    is rolled back after each; instances must not carry changes over)."""
    User = get_user_model()
    return SimpleNamespace(
        **{name: Page.objects.get(pk=pk).specific for name, pk in built["pages"].items()},
        users={name: User.objects.get(pk=pk) for name, pk in built["users"].items()},
        author=User.objects.get(pk=built["author"]),
        submission=FormPageSubmission.objects.get(pk=built["submission"]),
        signature=Signature.objects.get(pk=built["signature"]),
        registrant=Registrant.objects.get(pk=built["registrant"]),
        region=Region.objects.get(pk=built["region"]),
        document=get_document_model().objects.get(pk=built["document"]),
    )


def client_for(role, world):
    return Client() if role == "anonymous" else login(world.users[role])


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


# Pages -----------------------------------------------------------------------


def preview_draft(client, world, role):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[world.draft.id])
    response = client.post(url, page_form(world.draft, intro="Words only a preview shows"))
    if response.status_code != 200:
        return False, response
    shown = client.get(url)
    return shown.status_code == 200 and b"Words only a preview shows" in shown.content, shown


def history(client, world, role):
    response = client.get(reverse("wagtailadmin_pages:history", args=[world.draft.id]))
    return response.status_code == 200 and b"Draft notes" in response.content, response


def compare_revisions(client, world, role):
    first, second = world.draft.revisions.order_by("created_at", "id")[:2]
    url = reverse("wagtailadmin_pages:revisions_compare", args=[world.draft.id, first.id, second.id])
    response = client.get(url)
    compared = b'<span class="deletion">Draft</span><span class="addition">Second draft</span>'
    return response.status_code == 200 and compared in response.content, response


def view_old_revision(client, world, role):
    first = world.draft.revisions.order_by("created_at", "id").first()
    response = client.get(reverse("wagtailadmin_pages:revisions_view", args=[world.draft.id, first.id]))
    return response.status_code == 200 and b"Draft words" in response.content, response


def copy_data(page, **extra):
    return {
        "new_title": f"Copy of {page.title}",
        "new_slug": f"copy-of-{page.slug}",
        "new_parent_page": str(page.get_parent().id),
        **extra,
    }


def copy_as_draft(client, world, role):
    response = client.post(reverse("wagtailadmin_pages:copy", args=[world.draft.id]), copy_data(world.draft))
    return Page.objects.filter(slug="copy-of-draft-notes").exists(), response


def copy_and_publish(client, world, role):
    """Copying a live page with "publish copies" ticked: only for those who may publish."""
    data = copy_data(world.live, publish_copies="on")
    response = client.post(reverse("wagtailadmin_pages:copy", args=[world.live.id]), data)
    return Page.objects.filter(slug="copy-of-live-page", live=True).exists(), response


def copy_as_live_alias(client, world, role):
    """An alias of a live page is live at once: only for those who may publish."""
    data = copy_data(world.live, alias="on")
    response = client.post(reverse("wagtailadmin_pages:copy", args=[world.live.id]), data)
    return Page.objects.filter(slug="copy-of-live-page", alias_of=world.live).exists(), response


def move_others_draft(client, world, role):
    url = reverse("wagtailadmin_pages:move_confirm", args=[world.draft.id, world.archive.id])
    response = client.post(url)
    world.draft.refresh_from_db()
    return world.draft.get_parent().pk == world.archive.pk, response


def delete_others_draft(client, world, role):
    """A guessed id: the author's draft, deleted by someone else. Wagtail lets
    anyone who may edit a page delete it while nothing under it is live:
    readers see no change."""
    response = client.post(reverse("wagtailadmin_pages:delete", args=[world.draft.id]))
    return not Page.objects.filter(pk=world.draft.pk).exists(), response


def delete_section_with_live_page(client, world, role):
    """A draft whose child is live: deleting it would take the child down, so
    only those who may unpublish may do it (whoever owns the pages)."""
    owner = world.users.get(role, world.author)
    section = add_page(world.home, "My own section", owner=owner)
    child = add_page(section, "Live child", owner=owner, live=True)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[section.id]))
    return not Page.objects.filter(pk=child.pk).exists(), response


def delete_own_draft(client, world, role):
    """Wagtail lets people who may add pages delete their own pages that never went live."""
    owner = world.users.get(role, world.author)
    page = add_page(world.home, "My own draft", owner=owner)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.id]))
    return not Page.objects.filter(pk=page.pk).exists(), response


def make_members_page_public(client, world, role):
    """Page privacy changes what readers see at once: publishers only."""
    url = reverse("wagtailadmin_pages:set_privacy", args=[world.members_page.id])
    response = client.post(url, {"restriction_type": "none"})
    return not PageViewRestriction.objects.filter(page=world.members_page).exists(), response


def lock_others_page(client, world, role):
    response = client.post(reverse("wagtailadmin_pages:lock", args=[world.live.id]))
    world.live.refresh_from_db()
    return world.live.locked, response


def unlock_others_lock(client, world, role):
    """Reviewers may lift another person's lock; editors may not."""
    Page.objects.filter(pk=world.live.pk).update(locked=True, locked_by=world.author, locked_at=timezone.now())
    response = client.post(reverse("wagtailadmin_pages:unlock", args=[world.live.id]))
    world.live.refresh_from_db()
    return not world.live.locked, response


# Form submissions ------------------------------------------------------------


def view_form_submissions(client, world, role):
    response = client.get(reverse("wagtailforms:list_submissions", args=[world.form.id]))
    return response.status_code == 200 and b"Ana Example" in response.content, response


def delete_form_submission(client, world, role):
    url = reverse("wagtailforms:delete_submissions", args=[world.form.id])
    response = client.post(f"{url}?selected-submissions={world.submission.id}")
    return not FormPageSubmission.objects.filter(pk=world.submission.pk).exists(), response


# Snippets and documents ------------------------------------------------------


def region_form(region, action=None):
    data = {"name": region.name, "slug": region.slug, "description": "Changed words"}
    if action:
        data[action] = "1"
    return data


def edit_snippet(client, world, role):
    url = reverse("wagtailsnippets_home_region:edit", args=[world.region.pk])
    response = client.post(url, region_form(world.region))
    world.region.refresh_from_db()
    return world.region.latest_revision.content.get("description") == "Changed words", response


def publish_snippet(client, world, role):
    url = reverse("wagtailsnippets_home_region:edit", args=[world.region.pk])
    response = client.post(url, region_form(world.region, "action-publish"))
    world.region.refresh_from_db()
    return world.region.live, response


def delete_snippet(client, world, role):
    url = reverse("wagtailsnippets_home_region:delete", args=[world.region.pk])
    response = client.post(url)
    return not Region.objects.filter(pk=world.region.pk).exists(), response


def upload_document(client, world, role):
    upload = SimpleUploadedFile("agenda.txt", b"Agenda for the meeting", content_type="text/plain")
    data = {"title": "Agenda", "file": upload, "collection": world.document.collection_id}
    response = client.post(reverse("wagtaildocs:add"), data)
    return get_document_model().objects.filter(title="Agenda").exists(), response


def delete_document(client, world, role):
    response = client.post(reverse("wagtaildocs:delete", args=[world.document.id]))
    return not get_document_model().objects.filter(pk=world.document.pk).exists(), response


# People's details ------------------------------------------------------------


def export_registrations(client, world, role):
    response = client.get(reverse("registrations:index"), {"export": "csv"})
    return response.status_code == 200 and b"cai@example.org" in body(response), response


def view_signatures(client, world, role):
    response = client.get(reverse("signatures:index"))
    return response.status_code == 200 and b"Bea Signer" in body(response), response


def approve_signature(client, world, role):
    url = reverse("signatures:edit", args=[world.signature.pk])
    data = {"name": "Bea Signer", "role": "", "town": "Lowell", "show_publicly": "on", "approved": "on"}
    response = client.post(url, data)
    world.signature.refresh_from_db()
    return world.signature.approved, response


# Settings, users and groups --------------------------------------------------


def edit_site_settings(client, world, role):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])
    data = nested_form_data(
        {
            "contact_email": "hijacked@example.org",
            "phone": "",
            "submission_retention_days": "365",
            "social_links": inline_formset([]),
        }
    )
    response = client.post(url, data)
    return SiteSettings.objects.filter(contact_email="hijacked@example.org").exists(), response


def list_users(client, world, role):
    response = client.get(reverse("wagtailusers_users:index"))
    return response.status_code == 200 and b"author" in response.content, response


def create_user(client, world, role):
    data = {
        "username": "newcomer",
        "email": "newcomer@example.org",
        "first_name": "New",
        "last_name": "Comer",
        "password1": "a long and unguessable passphrase",
        "password2": "a long and unguessable passphrase",
        "is_active": "on",
    }
    response = client.post(reverse("wagtailusers_users:add"), data)
    return get_user_model().objects.filter(username="newcomer").exists(), response


def make_administrator(client, world, role):
    """A guessed id: one's own account in the users editor (another editor's
    for the anonymous and the administrator), with the Administrators group
    and superuser status ticked."""
    user = world.author if role in ("anonymous", "admin") else world.users[role]
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": "Example",
        "is_active": "on",
        "is_superuser": "on",
        "groups": [str(Group.objects.get(name=roles.ADMINISTRATORS).pk)],
    }
    response = client.post(reverse("wagtailusers_users:edit", args=[user.pk]), data)
    user.refresh_from_db()
    promoted = user.is_superuser or user.groups.filter(name=roles.ADMINISTRATORS).exists()
    return promoted, response


def delete_user(client, world, role):
    response = client.post(reverse("wagtailusers_users:delete", args=[world.author.pk]))
    return not get_user_model().objects.filter(pk=world.author.pk).exists(), response


def give_editors_user_management(client, world, role):
    """The group editor, posting Editors with admin access and "add users"
    (the page and collection permission formsets posted empty)."""
    editors = Group.objects.get(name=roles.EDITORS)
    add_user = Permission.objects.get(content_type__app_label="auth", codename="add_user")
    data = {
        "name": editors.name,
        "permissions": [str(editors.permissions.get(codename="access_admin").pk), str(add_user.pk)],
    }
    for prefix in ("page_permissions", "document_permissions", "image_permissions", "collection_permissions"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post(reverse("wagtailusers_groups:edit", args=[editors.pk]), data)
    return editors.permissions.filter(pk=add_user.pk).exists(), response


# The public site -------------------------------------------------------------


def see_members_meeting_link(client, world, role):
    response = client.get(world.event.url)
    return response.status_code == 200 and MEMBERS_LINK.encode() in response.content, response


def see_members_only_page(client, world, role):
    response = client.get(world.members_page.url)
    return response.status_code == 200 and MEMBERS_PAGE_WORDS.encode() in response.content, response


def see_draft_on_public_site(client, world, role):
    """A page that never went live is not on the public site, for anyone (the
    admin's "view draft" is the way to see it)."""
    response = client.get("/draft-notes/")
    return response.status_code == 200 and b"Draft words" in response.content, response


# action: (function, roles for whom it happens, roles refused quietly by design)
ACTIONS = {
    "preview_draft": (preview_draft, WRITERS, NOBODY),
    "history": (history, WRITERS, NOBODY),
    "compare_revisions": (compare_revisions, WRITERS, NOBODY),
    "view_old_revision": (view_old_revision, WRITERS, NOBODY),
    "copy_as_draft": (copy_as_draft, WRITERS, NOBODY),
    # Wagtail does not offer "publish copies" to those who may not publish and ignores it if posted.
    "copy_and_publish": (copy_and_publish, {"admin"}, {"editor", "reviewer"}),
    # An alias is live at once: the copy form refuses it with a message (a 200 with the error).
    "copy_as_live_alias": (copy_as_live_alias, {"admin"}, {"editor", "reviewer"}),
    "move_others_draft": (move_others_draft, WRITERS, NOBODY),
    "delete_others_draft": (delete_others_draft, WRITERS, NOBODY),
    "delete_section_with_live_page": (delete_section_with_live_page, {"admin"}, NOBODY),
    "delete_own_draft": (delete_own_draft, WRITERS, NOBODY),
    "make_members_page_public": (make_members_page_public, {"admin"}, NOBODY),
    "lock_others_page": (lock_others_page, WRITERS, NOBODY),
    "unlock_others_lock": (unlock_others_lock, {"reviewer", "admin"}, NOBODY),
    "view_form_submissions": (view_form_submissions, WRITERS, NOBODY),
    "delete_form_submission": (delete_form_submission, WRITERS, NOBODY),
    "edit_snippet": (edit_snippet, WRITERS, NOBODY),
    # The editor's form has no publish button for them; a posted one is ignored (saved as a draft).
    "publish_snippet": (publish_snippet, {"admin"}, {"editor", "reviewer"}),
    "delete_snippet": (delete_snippet, {"admin"}, NOBODY),
    "upload_document": (upload_document, WRITERS, NOBODY),
    "delete_document": (delete_document, WRITERS, NOBODY),
    "export_registrations": (export_registrations, {"admin"}, NOBODY),
    "view_signatures": (view_signatures, {"reviewer", "admin"}, NOBODY),
    "approve_signature": (approve_signature, {"reviewer", "admin"}, NOBODY),
    "edit_site_settings": (edit_site_settings, {"admin"}, NOBODY),
    "list_users": (list_users, {"admin"}, NOBODY),
    "create_user": (create_user, {"admin"}, NOBODY),
    "make_administrator": (make_administrator, {"admin"}, NOBODY),
    "delete_user": (delete_user, {"admin"}, NOBODY),
    "give_editors_user_management": (give_editors_user_management, {"admin"}, NOBODY),
    "see_members_meeting_link": (see_members_meeting_link, {"member", "admin"}, EVERYONE),
    "see_members_only_page": (see_members_only_page, {"member", "admin"}, NOBODY),
    "see_draft_on_public_site": (see_draft_on_public_site, NOBODY, EVERYONE),
}


def public_refusal(response, world):
    """The public site refuses a private page by sending people to log in
    (Wagtail's page privacy), or with a 403/404."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_permission_matrix(world, action, role):
    function, allowed, quiet = ACTIONS[action]
    response = None
    happened, response = function(client_for(role, world), world, role)

    expected = role in allowed
    assert happened is expected, f"{role} {action}: expected {'success' if expected else 'refusal'}"
    assert response.status_code < 500
    if expected or role in quiet:
        return
    if action.startswith("see_"):
        assert public_refusal(response, world), f"{role} {action}: {response.status_code}"
    else:
        assert refused(response), f"{role} {action}: {response.status_code} {response.get('Location')}"
