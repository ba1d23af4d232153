"""A Spanish translation made in wagtail-localize's editor goes through the
same review as any page: saved as a draft, submitted, approved, then live."""

import pytest
from django.core import mail
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import StringSegment, Translation

from tests.conftest import publish, sync_locales

from .conftest import add_page, edit_url, log_actions, workflow_action_url

pytestmark = pytest.mark.django_db


def translate_string(client, translation, source_text, value):
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])
    response = client.put(url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT)
    assert response.status_code in (200, 201), response.content


@pytest.fixture
def english_page(home_page, users):
    page = add_page(home_page, "Peer support groups", owner=users["editor"], intro="Groups meet every week.")
    publish(page)
    sync_locales()
    return page


def start_spanish_translation(client, english_page, locales):
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[english_page.id]),
        {"locales": [locales["es"].id]},
    )
    assert response.status_code == 302
    spanish = english_page.get_translation(locales["es"])
    return spanish, Translation.objects.get(source__object_id=english_page.translation_key, target_locale=locales["es"])


def test_spanish_translation_is_reviewed_before_readers_see_it(english_page, users, clients, locales):
    translator, reviewer, reader = clients["translator"], clients["reviewer"], clients["reader"]
    spanish, translation = start_spanish_translation(translator, english_page, locales)
    assert spanish.alias_of_id is None
    # Readers still see the English words (it was a live alias of an approved page).
    assert "Groups meet every week." in reader.get("/es/peer-support-groups/").content.decode()

    translate_string(translator, translation, "Peer support groups", "Grupos de apoyo entre pares")
    translate_string(translator, translation, "Groups meet every week.", "Los grupos se reúnen cada semana.")

    # The editor offers "Submit for review", not "Publish", to a translator.
    editor_html = translator.get(edit_url(spanish)).content.decode()
    assert 'value="submit-for-review"' in editor_html
    assert "&quot;canPublish&quot;: false" in editor_html

    mail.outbox.clear()
    response = translator.post(edit_url(spanish), {"action": "submit-for-review"})
    assert response.status_code == 302
    spanish.refresh_from_db()
    state = spanish.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == users["translator"]
    assert any(users["reviewer"].email in message.to for message in mail.outbox)
    # Submitted, not published: readers still get the old text.
    public = reader.get("/es/peer-support-groups/").content.decode()
    assert "Los grupos se reúnen cada semana." not in public
    assert "Groups meet every week." in public
    assert spanish.specific.latest_revision.as_object().intro == "Los grupos se reúnen cada semana."

    # Changes requested, with a comment; the translator sees it and resubmits.
    reviewer.post(workflow_action_url(spanish, "reject"), {"comment": "Use 'semanalmente'."})
    spanish.refresh_from_db()
    assert spanish.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "Use &#x27;semanalmente&#x27;." in translator.get(edit_url(spanish)).content.decode()
    translate_string(translator, translation, "Groups meet every week.", "Los grupos se reúnen semanalmente.")
    translator.post(edit_url(spanish), {"action": "submit-for-review"})
    spanish.refresh_from_db()
    assert spanish.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "semanalmente" not in reader.get("/es/peer-support-groups/").content.decode()

    # Approved: now it is live, exactly the approved revision.
    approved_revision = spanish.current_workflow_task_state.revision
    reviewer.post(workflow_action_url(spanish, "approve"), {"comment": ""})
    spanish.refresh_from_db()
    assert spanish.live_revision == approved_revision
    assert "Los grupos se reúnen semanalmente." in reader.get(spanish.url).content.decode()
    actions = log_actions(spanish)
    assert {"wagtail.workflow.start", "wagtail.workflow.reject", "wagtail.workflow.approve", "wagtail.publish"} <= set(
        actions
    )


def test_publish_in_spanish_by_a_translator_submits_for_review_instead(english_page, users, clients, locales):
    translator = clients["translator"]
    spanish, translation = start_spanish_translation(translator, english_page, locales)
    translate_string(translator, translation, "Groups meet every week.", "Los grupos se reúnen cada semana.")
    live_revision = spanish.live_revision

    response = translator.post(edit_url(spanish), {"action": "publish"})

    assert response.status_code == 302
    spanish.refresh_from_db()
    assert spanish.live_revision == live_revision
    assert spanish.specific.intro == "Groups meet every week."
    assert spanish.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_an_administrator_may_still_publish_a_translation_directly(english_page, users, clients, locales):
    admin = clients["admin"]
    spanish, translation = start_spanish_translation(admin, english_page, locales)
    translate_string(admin, translation, "Groups meet every week.", "Los grupos se reúnen cada semana.")

    admin.post(edit_url(spanish), {"action": "publish"})

    spanish.refresh_from_db()
    assert spanish.specific.intro == "Los grupos se reúnen cada semana."
    assert spanish.current_workflow_state is None


def test_a_translation_in_review_cannot_be_submitted_twice(english_page, clients, locales):
    translator = clients["translator"]
    spanish, _translation = start_spanish_translation(translator, english_page, locales)
    translator.post(edit_url(spanish), {"action": "submit-for-review"})
    revisions = spanish.revisions.count()

    response = translator.post(edit_url(spanish), {"action": "submit-for-review"}, follow=True)

    assert "already waiting for review" in response.content.decode()
    assert spanish.revisions.count() == revisions
