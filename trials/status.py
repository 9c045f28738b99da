"""Recruitment status, computed from the inclusion dates and today: never stored stale."""

from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    OPEN = "open", _("Open for inclusion")
    PLANNED = "planned", _("Planned")
    CLOSED = "closed", _("Closed for inclusion")
    SUSPENDED = "suspended", _("Suspended")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Override(models.TextChoices):
    SUSPENDED = Status.SUSPENDED.value, Status.SUSPENDED.label
    WITHDRAWN = Status.WITHDRAWN.value, Status.WITHDRAWN.label


# Listing order: open first, then planned, closed, suspended, withdrawn.
STATUS_ORDER = [Status.OPEN, Status.PLANNED, Status.CLOSED, Status.SUSPENDED, Status.WITHDRAWN]


def status_on(start, end, override, day):
    if override:
        return Status(override)
    if start and start > day:
        return Status.PLANNED
    if end is None or end >= day:
        return Status.OPEN
    return Status.CLOSED


def status_expression(day):
    """The same rule as `status_on`, as a database expression for filtering and sorting."""
    return Case(
        When(~Q(status_override=""), then="status_override"),
        When(inclusion_start__gt=day, then=Value(Status.PLANNED.value)),
        When(
            Q(inclusion_end__isnull=True) | Q(inclusion_end__gte=day), then=Value(Status.OPEN.value)
        ),
        default=Value(Status.CLOSED.value),
        output_field=models.CharField(),
    )


def status_rank_expression():
    return Case(
        *[
            When(recruitment_status=status.value, then=Value(rank))
            for rank, status in enumerate(STATUS_ORDER)
        ],
        output_field=models.IntegerField(),
    )
