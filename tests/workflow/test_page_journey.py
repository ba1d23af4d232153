"""The whole journey of a page through review, with Django's test client
against Wagtail's real admin views and workflow engine."""

import pytest
from django.core import mail
from wagtail.models import Page, WorkflowState

from .conftest import edit_url, log_actions, page_form, submit, workflow_action_url

pytestmark = pytest.mark.django_db


def test_editor_submits_reviewer_requests_changes_editor_resubmits_reviewer_approves(home_page, users, clients):
    editor, reviewer = clients["editor"], clients["reviewer"]

    # The editor creates a page through the admin and submits it.
    response = editor.post(
        f"/admin/pages/add/home/contentpage/{home_page.id}/",
        page_form(title="Meeting notes", slug="meeting-notes", intro="First draft.", action="action-submit"),
    )
    assert response.status_code == 302
    page = Page.objects.get(slug="meeting-notes", locale__language_code="en").specific
    assert page.live is False
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.current_workflow_state.requested_by == users["editor"]
    assert mail.outbox and all(users["editor"].email not in message.to for message in mail.outbox)
    assert any(users["reviewer"].email in message.to for message in mail.outbox)
    # Readers cannot see it.
    assert clients["reader"].get("/meeting-notes/").status_code == 404

    # The reviewer asks for changes, with a comment.
    mail.outbox.clear()
    response = reviewer.post(workflow_action_url(page, "reject"), {"comment": "Please add the meeting date."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live is False
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    [email] = mail.outbox
    assert email.to == [users["editor"].email]
    assert "Please add the meeting date." in email.body

    # The editor sees the comment in the editor, edits and resubmits.
    response = editor.get(edit_url(page))
    assert "Please add the meeting date." in response.content.decode()
    mail.outbox.clear()
    response = submit(editor, page, intro="We met on 3 March.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert any(users["reviewer"].email in message.to for message in mail.outbox)
    assert page.live is False

    # The reviewer approves: the page is live with exactly the approved revision.
    approved_revision = page.current_workflow_task_state.revision
    mail.outbox.clear()
    response = reviewer.post(workflow_action_url(page, "approve"), {"comment": "Thanks, looks good."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live is True
    assert page.live_revision == approved_revision
    assert page.specific.intro == "We met on 3 March."
    assert clients["reader"].get("/meeting-notes/").status_code == 200
    [email] = mail.outbox
    assert email.to == [users["editor"].email]
    assert "Thanks, looks good." in email.body

    # The audit log has the whole story, with who did what.
    actions = log_actions(page)
    for expected in [
        "wagtail.create",
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ]:
        assert expected in actions
    history = reviewer.get(f"/admin/pages/{page.id}/history/").content.decode()
    for words in ["Approved", "Rejected", "Published"]:
        assert words in history
