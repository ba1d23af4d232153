"""Locales, roles and the review workflow, set up idempotently after every migrate.

Wagtail's own migrations create "Editors" and "Moderators" groups and attach a
"Moderators approval" workflow to the root page. We reshape those rather than
adding a second workflow: one workflow, "Review before publishing", whose single
task (moderation.ReviewTask: group approval where nobody approves their own
work) is approved by the Reviewers group, covers every page in every locale tree
and every snippet that has drafts.

Nobody but administrators holds a publish permission: reviewers publish by
approving (see moderation.workflows). Translators may edit only the non-source
locale trees: their page permissions sit on each such locale's top page.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

EDITORS = "Editors"
REVIEWERS = "Reviewers"
TRANSLATORS = "Translators"
MEMBERS = "Members"
ADMINISTRATORS = "Administrators"

WORKFLOW_NAME = "Review before publishing"
TASK_NAME = "Reviewer approval"

# Page permissions granted on the root page (so they cover every locale tree).
# Nobody but administrators may publish directly: reviewers publish by approving.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    REVIEWERS: ["add_page", "change_page", "lock_page", "unlock_page"],
}
# Page permissions granted on the top page of every locale but the source one.
TRANSLATOR_PAGE_PERMISSIONS = ["change_page"]
# wagtail-localize: start a translation, or sync one with its source.
SUBMIT_TRANSLATION = ("wagtail_localize", "submit_translation")
COLLECTION_PERMISSIONS = {
    EDITORS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    REVIEWERS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    TRANSLATORS: ["choose_image", "choose_document"],
}


def ensure_locales_roles_and_workflow(sender=None, using="default", **kwargs):
    """post_migrate receiver (and callable from commands and tests)."""
    # Permissions for every app must exist before we hand them out.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    with transaction.atomic(using=using):
        ensure_locales()
        ensure_tree_roots()
        groups = ensure_groups()
        ensure_workflow(groups[REVIEWERS])


def ensure_locales():
    from wagtail.models import Locale
    from wagtail_localize.models import LocaleSynchronization

    source, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        if locale != source:
            LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})


def ensure_tree_roots():
    """The root page and root collection come from Wagtail's migrations; a
    database flush (as between transactional tests) removes them, so put them back."""
    from wagtail.models import Collection, Page

    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", url_path="/"))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")


def _model_permissions(models, actions):
    codenames = []
    content_types = []
    for model in models:
        content_types.append(ContentType.objects.get_for_model(model))
        codenames += [f"{action}_{model._meta.model_name}" for action in actions]
    return Permission.objects.filter(content_type__in=content_types, codename__in=codenames)


def editable_snippet_models():
    """Every registered snippet: editors may add and change all of them."""
    from wagtail.snippets.models import get_snippet_models

    return list(get_snippet_models())


def translatable(models):
    from wagtail.models import TranslatableMixin

    return [model for model in models if issubclass(model, TranslatableMixin)]


def translatable_tree_roots():
    """The top page of each locale tree except the source language's."""
    from wagtail.models import Page

    return Page.objects.filter(depth=2).exclude(locale__language_code=settings.LANGUAGE_CODE)


def grant_translator_page_permissions(group=None, pages=None):
    """Open the given top pages (default: every non-source locale tree) to Translators."""
    from wagtail.models import GroupPagePermission

    group = group or Group.objects.filter(name=TRANSLATORS).first()
    if group is None:
        return
    pages = translatable_tree_roots() if pages is None else pages
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TRANSLATOR_PAGE_PERMISSIONS
    )
    for page in pages:
        if page.depth != 2 or page.locale.language_code == settings.LANGUAGE_CODE:
            continue
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def ensure_groups():
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")

    # Reuse Wagtail's default "Moderators" group as Reviewers (keeps its id).
    if not Group.objects.filter(name=REVIEWERS).exists():
        Group.objects.filter(name="Moderators").update(name=REVIEWERS)

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, REVIEWERS, TRANSLATORS, MEMBERS)}
    Group.objects.get_or_create(name=ADMINISTRATORS)

    snippets = editable_snippet_models()
    # wagtail-localize creates this one in a data migration, which a flush (as
    # between transactional tests) undoes: make it as that migration does.
    submit_translation, _ = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(app_label=SUBMIT_TRANSLATION[0], model="translation")[0],
        codename=SUBMIT_TRANSLATION[1],
        defaults={"name": "Can submit translations"},
    )
    # No "publish" and no "delete": drafts of snippets go through review too.
    model_permissions = {
        EDITORS: [*_model_permissions(snippets, ["add", "change", "view"]), submit_translation],
        REVIEWERS: [*_model_permissions(snippets, ["add", "change", "view"]), submit_translation],
        # Source-language snippets stay closed to them (moderation.wagtail_hooks).
        TRANSLATORS: [*_model_permissions(translatable(snippets), ["change", "view"]), submit_translation],
        MEMBERS: [],
    }
    for name, group in groups.items():
        permissions = list(model_permissions[name])
        if name != MEMBERS:
            permissions.append(access_admin)
        group.permissions.set(permissions)

        if name == TRANSLATORS:
            GroupPagePermission.objects.filter(group=group).exclude(
                page__in=translatable_tree_roots(), permission__codename__in=TRANSLATOR_PAGE_PERMISSIONS
            ).delete()
            grant_translator_page_permissions(group=group)
        else:
            GroupPagePermission.objects.filter(group=group).exclude(
                page=root_page, permission__codename__in=PAGE_PERMISSIONS.get(name, [])
            ).delete()
            for codename in PAGE_PERMISSIONS.get(name, []):
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
                )

        wanted = COLLECTION_PERMISSIONS.get(name, [])
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection, permission__codename__in=wanted
        ).delete()
        for codename in wanted:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename=codename
                ),
            )
    return groups


def ensure_workflow(reviewers):
    from wagtail.models import (
        Page,
        Workflow,
        WorkflowContentType,
        WorkflowMixin,
        WorkflowPage,
        WorkflowTask,
    )

    root_page = Page.get_first_root_node()
    existing = WorkflowPage.objects.filter(page=root_page).select_related("workflow").first()
    workflow = existing.workflow if existing else Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    workflow.name = WORKFLOW_NAME
    workflow.active = True
    workflow.save()
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})

    task = ensure_review_task(workflow)
    task.name = TASK_NAME
    task.active = True
    task.save()
    task.groups.set([reviewers])
    # Exactly one task: drop any other step a previous set-up may have left.
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()

    for model in global_apps.get_models():
        if issubclass(model, WorkflowMixin) and not issubclass(model, Page):
            WorkflowContentType.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
                defaults={"workflow": workflow},
            )
    return workflow


def ensure_review_task(workflow):
    """The workflow's approval step as a moderation.ReviewTask.

    A plain GroupApprovalTask left by Wagtail's migrations (or an earlier
    set-up) is upgraded in place, so reviews in progress and their history
    keep pointing at the same task."""
    from wagtail.models import GroupApprovalTask, Task, WorkflowTask

    from moderation.models import ReviewTask

    task = ReviewTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if task is not None:
        return task
    plain = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if plain is None:
        task = ReviewTask.objects.create(name=TASK_NAME)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        return task
    upgraded = ReviewTask(groupapprovaltask_ptr_id=plain.pk, task_ptr_id=plain.pk, name=plain.name)
    upgraded.save_base(raw=True)  # only the ReviewTask row: its parents exist
    Task.objects.filter(pk=plain.pk).update(content_type=ContentType.objects.get_for_model(ReviewTask))
    return ReviewTask.objects.get(pk=plain.pk)
