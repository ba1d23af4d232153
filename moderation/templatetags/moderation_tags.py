import json

from django import template
from wagtail.models import TaskState, WorkflowMixin, WorkflowState

from moderation.translations import user_can_publish

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_review(context, instance):
    """What the translation editor's review panel needs to know about `instance`."""
    user = context["request"].user
    state = instance.current_workflow_state if isinstance(instance, WorkflowMixin) else None
    return {
        "has_workflow": isinstance(instance, WorkflowMixin) and instance.get_workflow() is not None,
        "in_review": bool(state and state.status == WorkflowState.STATUS_IN_PROGRESS),
        "needs_changes": bool(state and state.status == WorkflowState.STATUS_NEEDS_CHANGES),
        "comment": state.current_task_state.comment if state and state.current_task_state else "",
        "can_publish": user_can_publish(user, instance),
    }


@register.simple_tag
def reviewed_editor_props(props, can_publish):
    """The translation editor's props, without "Convert to alias page" for
    people who may not publish (the server refuses it to them anyway)."""
    if can_publish:
        return props
    data = json.loads(props)
    data["links"]["convertToAliasUrl"] = None
    return json.dumps(data)


@register.simple_tag
def approval_comment(obj):
    """The comment left with the latest approval of `obj` (may be empty), for the approval email."""
    task_state = (
        TaskState.objects.for_instance(obj)
        .filter(status=TaskState.STATUS_APPROVED)
        .order_by("-finished_at", "-id")
        .first()
    )
    return task_state.comment if task_state else ""
