"""Roles x actions against Wagtail's real admin views.

Each cell performs the action as that role through the test client and checks
the database: True means it happened, False means it was refused (403, or a
redirect to the login page for people without admin access) and nothing changed.
Nobody but an administrator publishes, unpublishes, deletes or moves a live
page; reviewers publish only by approving someone else's work.
"""

from types import SimpleNamespace

import pytest
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object
from wagtail_localize.synctree import synchronize_tree

from home.models import FormField, FormPage, FormPageSubmission
from tests.conftest import make_user, publish

from .conftest import add_page, edit_url, login, page_form, refused

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "translator", "editor", "reviewer", "admin"]

# action: the roles for whom it succeeds
EXPECTED = {
    "view_draft": {"editor", "reviewer", "admin"},
    "edit": {"editor", "reviewer", "admin"},
    "submit": {"editor", "reviewer", "admin"},
    "approve": {"reviewer", "admin"},
    "publish_directly": {"admin"},
    "unpublish": {"admin"},
    "delete_live_page": {"admin"},
    "move_live_page": {"admin"},
    "edit_translation": {"translator", "editor", "reviewer", "admin"},
    "export_form_submissions": {"editor", "reviewer", "admin"},
}


@pytest.fixture
def world(home_page, users, locales):
    """A draft, a live page, a page another editor submitted, a Spanish
    translation in progress and a form with one submission."""
    author = make_user("author", "Editors")
    draft = add_page(home_page, "Draft notes", owner=author, intro="Draft words")
    live = add_page(home_page, "Live page", owner=author, live=True)
    archive = add_page(home_page, "Archive", owner=author, live=True)
    submitted = add_page(home_page, "Submitted page", owner=author)
    Workflow.objects.get().start(submitted, author)
    form = FormPage(
        title="Contact us",
        slug="contact-us",
        owner=author,
        live=False,
        form_fields=[FormField(label="Name", field_type="singleline")],
    )
    home_page.add_child(instance=form)
    publish(form)
    FormPageSubmission.objects.create(page=form, form_data={"name": "Ana Example"})
    synchronize_tree(locales["en"], locales["es"])
    translate_object(live, [locales["es"]], user=users["admin"])
    translation = Translation.objects.get(source__object_id=live.translation_key, target_locale=locales["es"])
    return SimpleNamespace(
        draft=draft, live=live, archive=archive, submitted=submitted, form=form, translation=translation, users=users
    )


def client_for(role, users):
    return Client() if role == "anonymous" else login(users[role])


def view_draft(client, world):
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[world.draft.id]))
    return response.status_code == 200 and b"Draft words" in response.content, response


def edit(client, world):
    response = client.post(edit_url(world.draft), page_form(world.draft, intro="Edited words"))
    world.draft.refresh_from_db()
    return world.draft.get_latest_revision_as_object().intro == "Edited words", response


def submit(client, world):
    response = client.post(edit_url(world.draft), page_form(world.draft, action="action-submit"))
    world.draft.refresh_from_db()
    return world.draft.workflow_in_progress, response


def approve(client, world):
    page = world.submitted
    task_state = page.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id]), {"comment": ""}
    )
    page.refresh_from_db()
    return page.live, response


def publish_directly(client, world):
    response = client.post(edit_url(world.draft), page_form(world.draft, action="action-publish"))
    world.draft.refresh_from_db()
    return world.draft.live, response


def unpublish(client, world):
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[world.live.id]))
    world.live.refresh_from_db()
    return not world.live.live, response


def delete_live_page(client, world):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[world.live.id]))
    return not Page.objects.filter(pk=world.live.pk).exists(), response


def move_live_page(client, world):
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[world.live.id, world.archive.id]))
    world.live.refresh_from_db()
    return world.live.get_parent().pk == world.archive.pk, response


def edit_translation(client, world):
    segment = StringSegment.objects.get(source=world.translation.source, string__data="Live page")
    url = reverse("wagtail_localize:edit_string_translation", args=[world.translation.id, segment.id])
    response = client.put(url, encode_multipart(BOUNDARY, {"value": "Página viva"}), content_type=MULTIPART_CONTENT)
    return StringTranslation.objects.filter(data="Página viva").exists(), response


def export_form_submissions(client, world):
    response = client.get(reverse("wagtailforms:list_submissions", args=[world.form.id]), {"export": "csv"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code == 200 and b"Ana Example" in body, response


ACTIONS = {
    "view_draft": view_draft,
    "edit": edit,
    "submit": submit,
    "approve": approve,
    "publish_directly": publish_directly,
    "unpublish": unpublish,
    "delete_live_page": delete_live_page,
    "move_live_page": move_live_page,
    "edit_translation": edit_translation,
    "export_form_submissions": export_form_submissions,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_permission_matrix(world, action, role):
    happened, response = ACTIONS[action](client_for(role, world.users), world)

    expected = role in EXPECTED[action]
    assert happened is expected, f"{role} {action}: expected {'success' if expected else 'refusal'}"
    if not expected and action != "publish_directly":
        assert refused(response), f"{role} {action}: {response.status_code}"
