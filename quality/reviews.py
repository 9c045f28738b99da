"""What is due for review: national treatments by their `next_review` date (three years after
approval), local pages a year after they were last published (as the editors' dashboard,
home/dashboard.py). Each list is one query whatever the number of sites."""

import datetime

from django.db.models import DateTimeField, ExpressionWrapper, F, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, get_page_models

from core.sites import with_trust
from home.dashboard import REVIEW_AFTER
from treatments.models import Treatment

# The report's windows: overdue, due within 30 days, within 90 days.
OVERDUE, SOON, LATER = 0, 30, 90
WINDOWS = [
    (OVERDUE, _("Overdue")),
    (SOON, _("Due within 30 days")),
    (LATER, _("Due within 90 days")),
]


def status(due, today=None):
    """The window a review date falls in (a label), or "" when it is further away."""
    today = today or timezone.localdate()
    if due is None:
        return ""
    if isinstance(due, datetime.datetime):
        due = timezone.localdate(due)
    days = (due - today).days
    if days <= OVERDUE:  # as `TreatmentQuerySet.review_due`: due today is due now
        return WINDOWS[0][1]
    return next((label for limit, label in WINDOWS[1:] if days <= limit), "")


def page_due_q(within_days):
    """Pages overdue (0) or due within `within_days`: a year after their last publication."""
    return Q(last_published_at__lt=timezone.now() - REVIEW_AFTER + datetime.timedelta(within_days))


def due_treatments(within_days=LATER):
    """The national (Bokmål) treatments to review within `within_days`, soonest first; their
    translations are reviewed with them."""
    return (
        Treatment.objects.review_due(within_days)
        .filter(locale=Locale.get_default())
        .select_related("responsible_trust")
        .order_by("next_review", "title")
    )


def reviewed_page_types():
    """The page types that show "Sist oppdatert": the content a reader relies on being current."""
    return [model for model in get_page_models() if getattr(model, "show_last_updated", False)]


def due_pages(within_days=LATER):
    """Live content pages to review within `within_days` (a year after their last publication),
    with their trust and owner, oldest first."""
    pages = Page.objects.live().type(*reviewed_page_types()).filter(page_due_q(within_days))
    return (
        with_trust(pages)
        .annotate(
            review_due=ExpressionWrapper(
                F("last_published_at") + Value(REVIEW_AFTER), output_field=DateTimeField()
            )
        )
        .select_related("owner", "latest_revision__user")
        .order_by("last_published_at", "pk")
    )
