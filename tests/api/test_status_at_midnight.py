"""Open data gives a trial's status for the day it is in Oslo, not in UTC.

Half an hour after midnight in Oslo it is still the day before in UTC (one hour behind in
winter, CET; two in summer, CEST). So at 00:30 on the inclusion start day, and at 23:30 on the
end day, the JSON list and detail, the CSV and FHIR must all say the trial is open; at 00:30
on the day after the end day, closed; at 23:30 on the day before the start, planned.
"""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.helpers import get_ok
from trials.factories import publish_trial

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")
ONE_DAY = datetime.timedelta(days=1)
# Inclusion periods wholly inside winter time and wholly inside summer time.
SEASONS = {
    "winter": (datetime.date(2027, 1, 12), datetime.date(2027, 2, 9), datetime.timedelta(hours=1)),
    "summer": (datetime.date(2027, 6, 15), datetime.date(2027, 7, 13), datetime.timedelta(hours=2)),
}
FHIR_STATUS = {"open": "active", "closed": "closed-to-accrual", "planned": "approved"}


def at(day, hour, minute):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=OSLO)


MOMENTS = [
    # (name, moment in Oslo given the start and end day, expected status)
    ("start-day-00:30", lambda start, end: at(start, 0, 30), "open"),
    ("end-day-23:30", lambda start, end: at(end, 23, 30), "open"),
    ("day-after-end-00:30", lambda start, end: at(end + ONE_DAY, 0, 30), "closed"),
    ("day-before-start-23:30", lambda start, end: at(start - ONE_DAY, 23, 30), "planned"),
]


def statuses(client, trial_id):
    """The trial's status as each channel reports it, FHIR's in its own codes."""
    listed = get_ok(client, "/api/open/v1/trials").json()["results"]
    csv_text = get_ok(client, "/api/open/v1/trials.csv").content.decode("utf-8-sig")
    bundle = get_ok(client, "/api/fhir/ResearchStudy").json()
    return {
        "json list": next(row["status"] for row in listed if row["id"] == trial_id),
        "json detail": get_ok(client, f"/api/open/v1/trials/{trial_id}").json()["status"],
        "csv": next(
            row["status"]
            for row in csv.DictReader(io.StringIO(csv_text))
            if row["id"] == str(trial_id)
        ),
        "fhir search": next(
            entry["resource"]["status"]
            for entry in bundle["entry"]
            if entry["resource"]["id"] == str(trial_id)
        ),
        "fhir read": get_ok(client, f"/api/fhir/ResearchStudy/{trial_id}").json()["status"],
    }


@pytest.mark.parametrize("season", SEASONS)
@pytest.mark.parametrize(
    ("moment", "expected"),
    [pytest.param(moment, expected, id=name) for name, moment, expected in MOMENTS],
)
def test_every_channel_gives_the_status_of_the_day_in_oslo(
    client, bergen, season, moment, expected
):
    start, end, utc_offset = SEASONS[season]
    trial = publish_trial(
        bergen[2], slug="midnattsstudien", inclusion_start=start, inclusion_end=end
    )
    when = moment(start, end)
    assert when.utcoffset() == utc_offset  # the season's offset: CET or CEST
    with time_machine.travel(when, tick=False):
        found = statuses(client, trial.pk)
    fhir = FHIR_STATUS[expected]
    assert found == {
        "json list": expected,
        "json detail": expected,
        "csv": expected,
        "fhir search": fhir,
        "fhir read": fhir,
    }
