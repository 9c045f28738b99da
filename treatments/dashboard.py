"""The national editorial board's dashboard panel: treatments due for review and treatments
waiting in the national workflow; two queries."""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, WorkflowState

from treatments.models import Treatment

LIST_LENGTH = 10
REVIEW_SOON_DAYS = 90  # as the treatment listing's "review due within 90 days" filter


class NationalBasePanel(Component):
    name = "fnsp_national_base"
    template_name = "treatments/admin/national_base_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        # The Bokmål originals: translations follow them and are reviewed with them.
        treatments = Treatment.objects.filter(locale=Locale.get_default())
        due = treatments.review_due(within_days=REVIEW_SOON_DAYS).order_by("next_review", "pk")[
            :LIST_LENGTH
        ]
        waiting = (
            treatments.filter(workflow_states__status=WorkflowState.STATUS_IN_PROGRESS)
            .select_related("latest_revision__user")
            .order_by("-latest_revision__created_at", "-pk")
            .distinct()[:LIST_LENGTH]
        )
        edit = Treatment.snippet_viewset.get_url_name("edit")
        return {
            "due": [(treatment, reverse(edit, args=[treatment.pk])) for treatment in due],
            "waiting": [(treatment, reverse(edit, args=[treatment.pk])) for treatment in waiting],
            "review_soon_days": REVIEW_SOON_DAYS,
        }
