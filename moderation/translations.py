"""Translations go through review too.

wagtail-localize's translation editor offers only "Publish in <language>", and
its draft save (`Translation.save_target(publish=False)`) writes the new text
into the database row that readers are served when the translated page is
already live. Here a translation is saved as a real draft revision (what
readers see stays as it was) and submitted to the page's or snippet's workflow.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from wagtail.models import DraftStateMixin, GroupPagePermission, Page, WorkflowMixin, WorkflowState
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation


class CannotSubmit(Exception):
    """A clear reason, shown to the translator, why nothing was submitted."""


def user_can_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))
    return True


def user_can_edit_locale(user, locale):
    """Whether the user may edit content in this locale at all.

    Page rights are given per tree (see home.roles): Translators hold them on
    the non-source locale trees only. Snippet rights are per model, so this is
    what keeps a translator out of source-language snippets."""
    if user.is_superuser or locale.language_code != settings.LANGUAGE_CODE:
        return True
    return GroupPagePermission.objects.filter(
        Q(page__depth=1) | Q(page__depth=2, page__locale=locale),
        group__user=user,
        permission__codename="change_page",
    ).exists()


def enabled_translation(instance):
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def _fresh(instance):
    if isinstance(instance, Page):
        return Page.objects.get(pk=instance.pk).specific
    return type(instance).objects.get(pk=instance.pk)


@transaction.atomic
def save_draft(translation, instance, user):
    """Save the translation as a new draft revision without touching live content."""
    instance = _fresh(instance)
    live_content = instance.serializable_data() if instance.live else None
    translation.save_target(user=user, publish=False)
    saved = _fresh(instance)
    if live_content is not None:
        # Put back what readers were seeing; the translation stays in the revision.
        restored = saved.with_content_json(live_content)
        restored.has_unpublished_changes = True
        if isinstance(restored, Page):
            restored.save(clean=False)
        else:
            restored.save()
        saved = _fresh(instance)
    return saved


@transaction.atomic
def submit_for_review(instance, user):
    """Save the translation of `instance` as a draft and start (or resume) its review."""
    if not isinstance(instance, WorkflowMixin):
        raise CannotSubmit("no-workflow")
    translation = enabled_translation(instance)
    if translation is None:
        raise CannotSubmit("not-a-translation")
    state = instance.current_workflow_state
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise CannotSubmit("in-review")
    lock = instance.get_lock() if hasattr(instance, "get_lock") else None
    if lock and lock.for_user(user):
        raise CannotSubmit("locked")
    workflow = instance.get_workflow()
    if workflow is None:
        raise CannotSubmit("no-workflow")
    try:
        instance = save_draft(translation, instance, user)
    except ValidationError as error:
        raise CannotSubmit("invalid") from error
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        workflow.start(instance, user)
    return instance
