"""Helpers for the review workflow tests: pages, logged-in clients, edit forms."""

from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import ContentPage
from tests.conftest import login  # noqa: F401 (the workflow tests import it from here)


def add_page(parent, title, *, owner=None, live=False, intro="A short summary."):
    page = ContentPage(title=title, slug=slugify(title), intro=intro, owner=owner, live=False)
    parent.add_child(instance=page)
    revision = page.save_revision(user=owner)
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def page_form(page=None, *, action=None, **changes):
    """POST data for Wagtail's page add/edit views, as the admin's form sends it."""
    data = {
        "title": page.title if page else "",
        "slug": page.slug if page else "",
        "intro": page.intro if page else "",
        "body": streamfield([("paragraph", rich_text("<p>Body text.</p>"))]),
        "comments": inline_formset([]),
        **changes,
    }
    form = nested_form_data(data)
    if action:
        form[action] = "1"
    return form


def edit_url(page):
    return f"/admin/pages/{page.id}/edit/"


def submit(client, page, **changes):
    return client.post(edit_url(page), page_form(page, action="action-submit", **changes))


def workflow_action_url(page, action, task_state=None):
    task_state = task_state or page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.id, action, task_state.id])


def log_actions(page):
    return list(PageLogEntry.objects.filter(page=page).order_by("timestamp", "id").values_list("action", flat=True))


def refused(response):
    """Wagtail refuses with a 403, sends people without admin access to log in,
    or sends admin users back to the dashboard with "Sorry, you do not have permission"."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and (
        "/admin/login/" in response["Location"] or response["Location"] == reverse("wagtailadmin_home")
    )
