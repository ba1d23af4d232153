"""What happens when the review workflow finishes (WAGTAIL_FINISH_WORKFLOW_ACTION)."""


def publish_approved_revision(workflow_state, user=None):
    """Publish the revision the reviewer approved.

    Wagtail's default publishes the latest revision under the approver's own
    publish permission. Here only administrators hold that permission: the
    approval is what authorises publishing. With
    WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT a workflow only finishes when
    its last task approved the latest revision, so this is also the latest one.
    A go-live date in the future schedules it instead (`publish_scheduled`).
    """
    revision = workflow_state.current_task_state.revision
    revision.publish(user=user, skip_permission_checks=True)
