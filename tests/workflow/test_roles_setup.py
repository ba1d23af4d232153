"""home.roles: the groups' exact permissions and the one review workflow,
idempotent, upgraded in place, covering snippets added by later migrations."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)

from home import roles
from home.models import HomePage
from moderation.models import ReviewTask

from .conftest import add_page

pytestmark = pytest.mark.django_db


def review_workflow():
    return WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow


def test_the_workflow_has_one_review_task_for_reviewers_and_set_up_is_idempotent():
    first = [task.specific for task in review_workflow().tasks]
    call_command("setup_roles", verbosity=0)
    call_command("setup_roles", verbosity=0)
    tasks = [task.specific for task in review_workflow().tasks]
    assert [type(task) for task in tasks] == [ReviewTask]
    assert tasks[0].pk == first[0].pk
    assert list(tasks[0].groups.values_list("name", flat=True)) == [roles.REVIEWERS]
    assert Workflow.objects.filter(name=roles.WORKFLOW_NAME).count() == 1


def test_a_plain_group_approval_task_is_upgraded_in_place_keeping_reviews_in_progress(home_page, users):
    workflow = review_workflow()
    plain = GroupApprovalTask.objects.create(name="Moderators approval")
    WorkflowTask.objects.filter(workflow=workflow).delete()
    WorkflowTask.objects.create(workflow=workflow, task=plain, sort_order=0)
    page = add_page(home_page, "In review during the upgrade", owner=users["editor"])
    state = workflow.start(page, users["editor"])

    roles.ensure_locales_roles_and_workflow()

    task = Task.objects.get(pk=plain.pk).specific
    assert isinstance(task, ReviewTask)
    assert [t.pk for t in review_workflow().tasks] == [plain.pk]
    state.refresh_from_db()
    assert state.current_task_state.task_id == plain.pk
    assert state.current_task_state.status == "in_progress"


def test_every_snippet_with_drafts_uses_the_review_workflow():
    workflow = review_workflow()
    models = [m for m in apps.get_models() if issubclass(m, WorkflowMixin) and not issubclass(m, Page)]
    assert models, "expected at least one snippet with WorkflowMixin (home.Region)"
    for model in models:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        assert WorkflowContentType.objects.get(content_type=content_type).workflow == workflow, model


def test_nobody_but_administrators_holds_a_publish_or_delete_permission():
    publishing = Permission.objects.filter(codename__startswith="publish_") | Permission.objects.filter(
        codename__startswith="delete_", content_type__app_label="home"
    )
    assert not Group.objects.filter(permissions__in=publishing).exists()
    assert not GroupPagePermission.objects.filter(
        permission__codename__in=["publish_page", "bulk_delete_page"]
    ).exists()


def test_members_have_no_admin_access_and_the_others_do():
    def has_access(name):
        return Group.objects.get(name=name).permissions.filter(codename="access_admin").exists()

    assert not has_access(roles.MEMBERS)
    assert all(has_access(name) for name in (roles.EDITORS, roles.REVIEWERS, roles.TRANSLATORS))
    assert not GroupPagePermission.objects.filter(group__name=roles.MEMBERS).exists()


def test_translators_get_every_non_english_tree_and_only_those(home_page, locales):
    from tests.conftest import sync_locales

    sync_locales()  # creates the other languages' home pages (aliases)
    call_command("setup_roles", verbosity=0)
    granted = GroupPagePermission.objects.filter(group__name=roles.TRANSLATORS)
    assert set(granted.values_list("permission__codename", flat=True)) == {"change_page"}
    assert {p.page.locale.language_code for p in granted} == {"es", "pt", "ht", "zh-hans", "vi"}
    assert all(p.page.depth == 2 for p in granted)


def test_a_new_language_home_page_is_opened_to_translators_when_it_is_created(home_page, locales):
    root = Page.get_first_root_node()
    spanish_home = HomePage(title="Inicio", slug="inicio", locale=locales["es"], live=False)
    root.add_child(instance=spanish_home)
    assert GroupPagePermission.objects.filter(
        group__name=roles.TRANSLATORS, page=spanish_home, permission__codename="change_page"
    ).exists()
