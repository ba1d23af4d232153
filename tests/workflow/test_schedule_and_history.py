"""Scheduled publishing through review, and the audit trail in the page history."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from .conftest import add_page, submit, workflow_action_url

pytestmark = pytest.mark.django_db


def test_an_approved_revision_with_a_go_live_date_goes_live_at_its_time(home_page, users, clients):
    page = add_page(home_page, "Spring gathering", owner=users["editor"])
    go_live = timezone.now() + timedelta(days=2)
    submit(clients["editor"], page, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"), intro="See you in spring.")
    page.refresh_from_db()
    approved = page.current_workflow_task_state.revision

    clients["reviewer"].post(workflow_action_url(page, "approve"), {"comment": ""})

    page.refresh_from_db()
    assert page.live is False
    approved.refresh_from_db()
    assert approved.approved_go_live_at is not None
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live is False  # not yet its time

    # Time passes: the scheduler's next run publishes exactly the approved revision.
    # (Moving the scheduled time back stands for the clock moving forward.)
    past = timezone.now() - timedelta(minutes=1)
    approved.content["go_live_at"] = past.isoformat()
    approved.approved_go_live_at = past
    approved.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live is True
    assert page.live_revision == approved
    assert page.specific.intro == "See you in spring."
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").exists()


def test_an_expiry_date_unpublishes_the_page_through_the_scheduler(home_page, users, clients):
    page = add_page(home_page, "Winter notice", owner=users["editor"])
    expiry = timezone.now() + timedelta(days=30)
    submit(clients["editor"], page, expire_at=expiry.strftime("%Y-%m-%d %H:%M"))
    page.refresh_from_db()
    clients["reviewer"].post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert page.live is True and page.expire_at is not None

    type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live is False and page.expired is True
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish.scheduled").exists()


def test_the_history_view_shows_who_submitted_rejected_approved_published_and_unpublished(home_page, users, clients):
    page = add_page(home_page, "Annual report", owner=users["editor"])
    submit(clients["editor"], page)
    page.refresh_from_db()
    clients["reviewer"].post(workflow_action_url(page, "reject"), {"comment": "Add the totals."})
    submit(clients["editor"], page, intro="Totals added.")
    page.refresh_from_db()
    clients["reviewer"].post(workflow_action_url(page, "approve"), {"comment": ""})
    clients["admin"].post(reverse("wagtailadmin_pages:unpublish", args=[page.id]))

    logs = {(entry.action, entry.user.username) for entry in PageLogEntry.objects.filter(page=page)}
    assert {
        ("wagtail.workflow.start", "editor"),
        ("wagtail.workflow.reject", "reviewer"),
        ("wagtail.workflow.resume", "editor"),
        ("wagtail.workflow.approve", "reviewer"),
        ("wagtail.publish", "reviewer"),
        ("wagtail.unpublish", "admin"),
    } <= logs
    assert all(entry.timestamp for entry in PageLogEntry.objects.filter(page=page))

    history = clients["reviewer"].get(reverse("wagtailadmin_pages:history", args=[page.id])).content.decode()
    for words in ["Approved", "Rejected", "Published", "Unpublished", "Add the totals."]:
        assert words in history, words
    # The workflow history view, with the reviewer's comment.
    workflow_history = clients["editor"].get(reverse("wagtailadmin_pages:workflow_history", args=[page.id]))
    assert workflow_history.status_code == 200
    assert "Review before publishing" in workflow_history.content.decode()
