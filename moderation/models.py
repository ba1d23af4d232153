from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, TaskState


class ReviewTask(GroupApprovalTask):
    """Wagtail's group approval, with four eyes: nobody approves their own work.

    A member of the chosen groups may approve any revision except one they
    submitted for review or wrote themselves; someone else in the group must.
    They may still request changes on it. Administrators (superusers) may
    approve anything, as they may publish anything.
    """

    @staticmethod
    def is_own_work(task_state, user):
        """Did `user` submit this review, or write the revision under review?"""
        return user.pk in (task_state.workflow_state.requested_by_id, task_state.revision.user_id)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        task_state = obj.current_workflow_task_state
        if actions and not user.is_superuser and task_state and self.is_own_work(task_state, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        # Wagtail's action view finds the task state by its id alone: check that
        # it is still the one under review and that the approver is someone else.
        task_state = task_state.specific
        if task_state.status != TaskState.STATUS_IN_PROGRESS or (
            task_state.workflow_state.current_task_state_id != task_state.pk
        ):
            raise PermissionDenied(_("This review is no longer in progress."))
        if action_name == "approve" and not user.is_superuser and self.is_own_work(task_state, user):
            raise PermissionDenied(_("Someone else must approve your own work."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        return states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve or request changes; nobody approves their own work.")

    class Meta:
        verbose_name = _("review task")
        verbose_name_plural = _("review tasks")
