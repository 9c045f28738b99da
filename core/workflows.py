"""What finishing an approved workflow does (`WAGTAIL_FINISH_WORKFLOW_ACTION`)."""

from django.utils import timezone


def publish_approved(workflow_state, user=None):
    """Publish what was approved, as Wagtail does, without asking for the publish permission.

    The workflow's tasks decided who may approve; the approvers of national treatments
    deliberately lack `publish_treatment`, which would let them publish without a review.
    An object that keeps its approval date (`record_approval`, e.g. a national treatment)
    gets today's in the revision that is published, so the date shown is this approval's.
    """
    revision = workflow_state.content_object.get_latest_revision()
    approved = revision.as_object()
    if hasattr(approved, "record_approval"):
        approved.record_approval(timezone.localdate())
        revision.content = approved.serializable_data()
        revision.save(update_fields=["content"])
    revision.publish(user=user, skip_permission_checks=True)
