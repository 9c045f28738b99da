"""Recruitment status follows the dates and today, and is never stored."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.helpers import get
from trials.factories import publish_trial
from trials.models import TrialPage
from trials.status import Status, status_on

D = datetime.date


@pytest.mark.parametrize(
    ("start", "end", "override", "today", "expected"),
    [
        (D(2026, 3, 1), D(2026, 9, 1), "", D(2026, 2, 28), Status.PLANNED),
        (D(2026, 3, 1), D(2026, 9, 1), "", D(2026, 3, 1), Status.OPEN),
        (D(2026, 3, 1), D(2026, 9, 1), "", D(2026, 9, 1), Status.OPEN),
        (D(2026, 3, 1), D(2026, 9, 1), "", D(2026, 9, 2), Status.CLOSED),
        (D(2026, 3, 1), None, "", D(2030, 1, 1), Status.OPEN),
        (D(2026, 3, 1), D(2026, 9, 1), "suspended", D(2026, 5, 1), Status.SUSPENDED),
        (D(2026, 3, 1), D(2026, 9, 1), "withdrawn", D(2026, 1, 1), Status.WITHDRAWN),
    ],
)
def test_status_rule(start, end, override, today, expected):
    assert status_on(start, end, override, today) == expected


@pytest.mark.django_db
def test_listing_and_detail_show_todays_status_with_a_frozen_clock(client, bergen):
    publish_trial(
        bergen[2],
        title="Ny studie",
        slug="ny-studie",
        inclusion_start=D(2026, 3, 1),
        inclusion_end=D(2026, 9, 1),
    )
    oslo = ZoneInfo("Europe/Oslo")
    expected = [
        (datetime.datetime(2026, 2, 28, 23, 30, tzinfo=oslo), "planned"),
        (datetime.datetime(2026, 3, 1, 0, 30, tzinfo=oslo), "open"),
        (datetime.datetime(2026, 9, 1, 23, 30, tzinfo=oslo), "open"),
        (datetime.datetime(2026, 9, 2, 0, 30, tzinfo=oslo), "closed"),
    ]
    for moment, status in expected:
        with time_machine.travel(moment, tick=False):
            listing = get(client, "/kliniske-studier/", "helse-bergen")
            detail = get(client, "/kliniske-studier/ny-studie/", "helse-bergen")
            assert f'class="status status--{status}"' in listing.content.decode(), moment
            assert f'class="status status--{status}"' in detail.content.decode(), moment
            annotated = TrialPage.objects.with_status().get().recruitment_status
            assert annotated == status
