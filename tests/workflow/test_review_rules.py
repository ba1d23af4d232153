"""The review rules that hostile or mistaken actions must not get around:
four eyes, re-approval after an edit, stale or foreign task states, and people
without admin access."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState, Workflow, WorkflowState

from home import roles
from tests.conftest import make_user

from .conftest import add_page, edit_url, login, page_form, refused, submit, workflow_action_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_reviewer(db):
    return make_user("second", roles.REVIEWERS)


def approve(client, page, task_state=None):
    return client.post(workflow_action_url(page, "approve", task_state), {"comment": ""})


def test_a_reviewer_cannot_approve_their_own_submission(home_page, users, clients, second_reviewer):
    reviewer = clients["reviewer"]
    page = add_page(home_page, "My own page", owner=users["reviewer"])
    assert submit(reviewer, page).status_code == 302
    page.refresh_from_db()

    task = page.current_workflow_task
    assert [name for name, *_ in task.get_actions(page, users["reviewer"])] == ["reject"]
    assert "Approve" not in reviewer.get(edit_url(page)).content.decode()
    # Not on their dashboard either, but on the other reviewer's.
    assert not TaskState.objects.reviewable_by(users["reviewer"]).exists()
    other = login(second_reviewer)
    dashboard = other.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in dashboard and "My own page" in dashboard

    # A direct POST is refused and changes nothing.
    assert refused(approve(reviewer, page))
    page.refresh_from_db()
    assert page.live is False
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # Another reviewer may approve it.
    approve(other, page)
    page.refresh_from_db()
    assert page.live is True


def test_an_edit_during_review_must_be_approved_again_and_the_approved_revision_is_published(
    home_page, users, clients, second_reviewer
):
    page = add_page(home_page, "Timetable", owner=users["editor"])
    submit(clients["editor"], page, intro="Meetings on Mondays.")
    page.refresh_from_db()
    submitted_revision = page.current_workflow_task_state.revision

    # A reviewer changes the text while it is in review (reviewers may edit).
    clients["reviewer"].post(edit_url(page), page_form(page, intro="Meetings on Tuesdays."))
    page.refresh_from_db()
    assert page.latest_revision != submitted_revision

    # Approving what was submitted does not publish the newer, unreviewed text:
    # the review starts again on the latest revision.
    approve(clients["reviewer"], page, task_state=page.current_workflow_task_state)
    page.refresh_from_db()
    assert page.live is False
    task_state = page.current_workflow_task_state
    assert task_state.revision == page.latest_revision
    assert task_state.status == "in_progress"

    # The reviewer wrote that revision, so someone else must approve it.
    assert refused(approve(clients["reviewer"], page))
    approve(login(second_reviewer), page)
    page.refresh_from_db()
    assert page.live is True
    assert page.live_revision == task_state.revision
    assert page.specific.intro == "Meetings on Tuesdays."


def test_approving_a_task_that_is_no_longer_in_progress_changes_nothing(home_page, users, clients):
    editor, reviewer = clients["editor"], clients["reviewer"]
    page = add_page(home_page, "Old news", owner=users["editor"])
    submit(editor, page)
    page.refresh_from_db()
    first_task_state = page.current_workflow_task_state
    reviewer.post(workflow_action_url(page, "reject"), {"comment": "Not yet."})

    # Needs changes: nothing awaits moderation, a clear message and a redirect.
    response = approve(reviewer, page, task_state=first_task_state)
    assert response.status_code == 302
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("not currently awaiting moderation" in message for message in messages)
    page.refresh_from_db()
    assert page.live is False

    # Resubmitted: the old, rejected task state still cannot be approved.
    submit(editor, page)
    page.refresh_from_db()
    assert refused(approve(reviewer, page, task_state=first_task_state))
    page.refresh_from_db()
    assert page.live is False
    first_task_state.refresh_from_db()
    assert first_task_state.status == "rejected"
    assert page.current_workflow_task_state.status == "in_progress"


def test_a_task_state_of_another_page_cannot_be_slipped_past_the_four_eyes_rule(home_page, users, clients):
    reviewer = clients["reviewer"]
    someone_elses = add_page(home_page, "Someone else's page", owner=users["editor"])
    Workflow.objects.get().start(someone_elses, users["editor"])
    own = add_page(home_page, "Reviewer's own page", owner=users["reviewer"])
    Workflow.objects.get().start(own, users["reviewer"])

    # The URL names a page the reviewer may approve, the task state is their own page's.
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[someone_elses.id, "approve", own.current_workflow_task_state.id]
    )
    assert refused(reviewer.post(url, {"comment": ""}))
    own.refresh_from_db()
    assert own.live is False


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_people_without_admin_access_are_sent_to_log_in_and_change_nothing(home_page, users, who):
    page = add_page(home_page, "Private draft", owner=users["editor"])
    Workflow.objects.get().start(page, users["editor"])
    client = Client() if who == "anonymous" else login(users["member"])
    urls = [
        reverse("wagtailadmin_home"),
        edit_url(page),
        reverse("wagtailadmin_pages:history", args=[page.id]),
        reverse("wagtailadmin_pages:view_draft", args=[page.id]),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    response = client.post(workflow_action_url(page, "approve"), {"comment": ""})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.id]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    page.refresh_from_db()
    assert page.live is False
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_translator_cannot_edit_english_pages_or_snippets(home_page, users, clients, locales):
    from home.models import Region

    translator = clients["translator"]
    page = add_page(home_page, "English only", owner=users["editor"], live=True)
    region = Region.objects.create(name="Testshire", slug="testshire", locale=locales["en"])
    region.save_revision().publish()

    response = translator.post(edit_url(page), page_form(page, intro="Changed by a translator"))
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().intro == "A short summary."

    region_edit = reverse("wagtailsnippets_home_region:edit", args=[region.pk])
    assert refused(translator.get(region_edit))
    assert refused(translator.post(region_edit, {"name": "Changed", "slug": "testshire"}))
    region.refresh_from_db()
    assert region.name == "Testshire"
    # Editors may.
    assert clients["editor"].get(region_edit).status_code == 200


def test_the_reviewer_compares_the_submitted_revision_with_the_live_one(home_page, users, clients):
    page = add_page(home_page, "Opening hours", owner=users["editor"], intro="Open on Mondays.", live=True)
    submit(clients["editor"], page, intro="Open on Mondays and Thursdays.")
    page.refresh_from_db()
    revision = page.current_workflow_task_state.revision

    response = clients["reviewer"].get(
        reverse("wagtailadmin_pages:revisions_compare", args=[page.id, "live", revision.id])
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Open on Mondays" in html and "Thursdays" in html


def test_the_editor_cannot_change_a_page_while_it_is_in_review(home_page, users, clients):
    page = add_page(home_page, "Rota", owner=users["editor"])
    submit(clients["editor"], page, intro="Submitted text.")
    page.refresh_from_db()
    revisions = page.revisions.count()

    clients["editor"].post(edit_url(page), page_form(page, intro="Sneaked-in text."))

    page.refresh_from_db()
    assert page.revisions.count() == revisions
    assert page.get_latest_revision_as_object().intro == "Submitted text."
