"""What finishing an approved workflow does (`WAGTAIL_FINISH_WORKFLOW_ACTION`)."""


def publish_approved(workflow_state, user=None):
    """Publish what was approved, as Wagtail does, without asking for the publish permission.

    The workflow's tasks decided who may approve; the approvers of national treatments
    deliberately lack `publish_treatment`, which would let them publish without a review.
    """
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=True
    )
