"""Open jobs and upcoming courses and events in the open-data API."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from careers.factories import (
    CareersIndexPageFactory,
    CoursePageFactory,
    EventPageFactory,
    JobPageFactory,
    single,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 21)


@pytest.fixture
def careers(bergen, ous):
    bergen_jobs = CareersIndexPageFactory(parent=bergen[2])
    ous_jobs = CareersIndexPageFactory(parent=ous[2])
    JobPageFactory(parent=bergen_jobs, title="Sykepleier Bergen", deadline=TODAY)
    JobPageFactory(parent=ous_jobs, title="Lege OUS", deadline=TODAY + datetime.timedelta(days=3))
    JobPageFactory(parent=ous_jobs, title="Utløpt", deadline=TODAY - datetime.timedelta(days=1))
    CoursePageFactory(
        parent=bergen_jobs,
        title="Pasientskole",
        audience="pasienter-og-parorende",
        dates=[single(TODAY + datetime.timedelta(days=5))],
    )
    EventPageFactory(
        parent=ous_jobs, title="Gammelt arrangement", dates=[single(datetime.date(2020, 1, 1))]
    )


def titles(client, path):
    response = client.get("/api/open/v1/" + path)
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


def test_open_jobs_disappear_the_day_after_their_deadline(client, careers):
    oslo = ZoneInfo("Europe/Oslo")
    with time_machine.travel(datetime.datetime(2026, 11, 21, 23, 59, tzinfo=oslo), tick=False):
        assert titles(client, "jobs") == ["Sykepleier Bergen", "Lege OUS"]
        assert titles(client, "jobs?hospital=oslo-universitetssykehus") == ["Lege OUS"]
        assert titles(client, "jobs?region=helse-vest") == ["Sykepleier Bergen"]
    with time_machine.travel(datetime.datetime(2026, 11, 22, 0, 1, tzinfo=oslo), tick=False):
        assert titles(client, "jobs") == ["Lege OUS"]


def test_upcoming_events_with_their_dates(client, careers):
    with time_machine.travel(datetime.datetime(2026, 11, 21, 12, tzinfo=ZoneInfo("Europe/Oslo"))):
        response = client.get("/api/open/v1/events").json()
    assert [row["title"] for row in response["results"]] == ["Pasientskole"]
    event = response["results"][0]
    assert event["kind"] == "course" and event["hospital"]["slug"] == "helse-bergen"
    assert event["occurrences"][0]["day"] == "2026-11-26"
    assert titles(client, "events?audience=alle") == []


@pytest.mark.parametrize(
    "query", ["jobs?type=x", "jobs?profession=x", "jobs?hospital=x", "events?audience=x"]
)
def test_unknown_values_are_a_400(client, careers, query):
    response = client.get("/api/open/v1/" + query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
