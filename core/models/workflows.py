"""A workflow task approved by a second person: nobody approves changes they made themselves."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Revision


class SecondPersonApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, except for the people whose changes are under review.

    Wagtail lets any member of the groups approve, the submitter included, and approval
    publishes the latest revision, so whoever wrote a revision since the last publication,
    or submitted it, may not approve or reject it: a second member must.
    """

    def change_authors(self, obj):
        """Ids of the submitter and of the authors of the revisions not yet published."""
        cache = obj.__dict__.setdefault("_second_person_authors", {})
        if self.pk not in cache:
            state = obj.current_workflow_state
            authors = set()
            if state is not None:
                unpublished = Revision.objects.for_instance(obj)
                if obj.live_revision_id is not None:
                    unpublished = unpublished.filter(pk__gt=obj.live_revision_id)
                authors = {state.requested_by_id, *unpublished.values_list("user_id", flat=True)}
            cache[self.pk] = authors - {None}
        return cache[self.pk]

    def get_actions(self, obj, user):
        if user.pk in self.change_authors(obj):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        # The dashboard's "awaiting your review": `get_actions` decides; this leaves out what
        # the user submitted or whose revision under review they wrote.
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .exclude(workflow_state__requested_by=user)
            .exclude(revision__user=user)
        )

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups can approve this task, except whoever submitted "
            "the changes or wrote them"
        )

    class Meta:
        verbose_name = _("approval by a second person")
        verbose_name_plural = _("approvals by a second person")
