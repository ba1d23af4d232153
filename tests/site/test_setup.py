"""Roles, workflow and demo content are created idempotently."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page, Workflow, WorkflowPage

from home import roles
from home.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


def test_setup_roles_is_idempotent_and_keeps_one_review_workflow_on_the_root():
    call_command("setup_roles", verbosity=0)
    call_command("setup_roles", verbosity=0)
    root = Page.get_first_root_node()
    assert WorkflowPage.objects.filter(page=root).count() == 1
    workflow = WorkflowPage.objects.get(page=root).workflow
    assert workflow.name == roles.WORKFLOW_NAME
    assert Workflow.objects.filter(name=roles.WORKFLOW_NAME).count() == 1
    tasks = [task.specific for task in workflow.tasks]
    assert len(tasks) == 1
    assert list(tasks[0].groups.values_list("name", flat=True)) == [roles.REVIEWERS]
    names = set(Group.objects.values_list("name", flat=True))
    assert {roles.EDITORS, roles.REVIEWERS, roles.TRANSLATORS, roles.MEMBERS, roles.ADMINISTRATORS} <= names
    assert "Moderators" not in names


def test_every_language_has_a_locale_synced_from_english():
    from wagtail_localize.models import LocaleSynchronization

    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "es", "pt", "ht", "zh-hans", "vi"}
    assert LocaleSynchronization.objects.filter(sync_from__language_code="en").count() == 5


def test_nobody_but_administrators_may_publish_directly():
    from wagtail.models import GroupPagePermission

    assert not GroupPagePermission.objects.filter(permission__codename="publish_page").exists()


def test_load_demo_builds_a_home_page_per_language_and_is_idempotent():
    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert HomePage.objects.filter(locale__language_code="en").count() == 1
    assert HomePage.objects.count() == 6
    spanish_home = HomePage.objects.get(locale__language_code="es")
    assert spanish_home.alias_of_id is None  # a real translation, not a synced copy
    assert spanish_home.site_name == "Redes de Apoyo entre Pares de Massachusetts"
    assert ContentPage.objects.filter(locale__language_code="en").exists()


def test_load_demo_refuses_production_settings(settings):
    settings.IS_PRODUCTION = True
    with pytest.raises(CommandError, match="refuses to run with production settings"):
        call_command("load_demo")


def test_load_demo_if_empty_loads_an_empty_site_once_and_then_leaves_it_alone():
    """What `make run` does: demo content the first time, nothing (no new passwords) afterwards."""
    from io import StringIO

    from django.contrib.auth import get_user_model

    first = StringIO()
    call_command("load_demo", if_empty=True, stdout=first)
    assert "Demo users" in first.getvalue()
    assert HomePage.objects.count() == 6
    password = get_user_model().objects.get(username="editor").password

    second = StringIO()
    call_command("load_demo", if_empty=True, stdout=second)
    assert "Demo content already loaded" in second.getvalue()
    assert "Demo users" not in second.getvalue()
    assert get_user_model().objects.get(username="editor").password == password
