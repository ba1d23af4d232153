"""The demo leaves a page waiting for review, on the demo reviewer's dashboard."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from .conftest import login

pytestmark = pytest.mark.django_db


def test_load_demo_puts_a_page_in_review_for_the_reviewer_dashboard():
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # idempotent: still one review

    reviewer = get_user_model().objects.get(username="reviewer")
    dashboard = login(reviewer).get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in dashboard
    assert dashboard.count("Summer peer gathering") >= 1
    page = Page.objects.get(slug="summer-peer-gathering", locale__language_code="en")
    assert page.live is False
    assert page.workflow_states.count() == 1
    assert page.current_workflow_state.requested_by.username == "editor"
