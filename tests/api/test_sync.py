"""Incremental sync: `modified_since` and Last-Modified see hospital-level changes, and the
`deleted` feeds show what was unpublished or deleted (issue 19, point 1)."""

import datetime
from urllib.parse import urlencode

import pytest
import time_machine
from django.utils import timezone

from careers.factories import CareersIndexPageFactory, EventPageFactory, JobPageFactory
from core.models import Tombstone
from tests.helpers import get
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db
BASE = "/api/open/v1/"


def rows(client, path, moment):
    query = urlencode({"modified_since": moment.isoformat()})
    response = get(client, f"{BASE}{path}?{query}")
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.fixture
def jobs(bergen):
    index = CareersIndexPageFactory(parent=bergen[2])
    return JobPageFactory(parent=index, title="Sykepleier"), EventPageFactory(parent=index)


def test_a_changed_offer_a_deleted_trial_and_an_unpublished_job_are_all_seen(
    client, open_data, jobs
):
    stral = open_data["treatments"][0]
    trial = open_data["trials"][0]
    job, _event = jobs
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1)):
        start = timezone.now()
        assert rows(client, "treatments", start) == []
        assert rows(client, "trials/deleted", start) == []
        assert rows(client, "jobs/deleted", start) == []

        bergen_offer = TreatmentPage.objects.get(treatment=stral, url_path__contains="bergen")
        bergen_offer.save_revision().publish()
        trial_id = trial.pk
        trial.delete()
        job.unpublish()

        assert [row["title"] for row in rows(client, "treatments", start)] == [stral.title]
        assert [(row["id"], row["reason"]) for row in rows(client, "trials/deleted", start)] == [
            (trial_id, "deleted")
        ]
        assert [(row["id"], row["reason"]) for row in rows(client, "jobs/deleted", start)] == [
            (job.pk, "unpublished")
        ]
        assert rows(client, "trials", start) == [] and rows(client, "jobs", start) == []


def test_an_offer_removed_at_one_hospital_makes_its_treatment_show(client, open_data):
    pci = open_data["treatments"][1]
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1)):
        start = timezone.now()
        TreatmentPage.objects.get(treatment=pci).unpublish()
        assert [row["title"] for row in rows(client, "treatments", start)] == ["PCI"]
        assert rows(client, "treatments/deleted", start) == []


def test_last_modified_moves_with_an_offer_and_a_removal(client, open_data):
    stral = open_data["treatments"][0]
    first = {path: get(client, BASE + path) for path in ("treatments", f"treatments/{stral.pk}")}
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1)):
        TreatmentPage.objects.filter(treatment=stral).first().save_revision().publish()
        for path, response in first.items():
            again = get(client, BASE + path, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
            assert again.status_code == 200, path
    listed = get(client, BASE + "trials")
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        open_data["trials"][2].delete()
        again = get(client, BASE + "trials", HTTP_IF_MODIFIED_SINCE=listed["Last-Modified"])
        assert again.status_code == 200


def test_jobs_and_events_take_modified_since(client, jobs):
    later = timezone.now() + datetime.timedelta(minutes=1)
    assert rows(client, "jobs", later) == [] and rows(client, "events", later) == []
    earlier = timezone.now() - datetime.timedelta(minutes=1)
    assert [row["title"] for row in rows(client, "jobs", earlier)] == ["Sykepleier"]
    assert len(rows(client, "events", earlier)) == 1
    assert get(client, BASE + "jobs?modified_since=igår").status_code == 400


def test_publishing_again_removes_the_tombstone_and_events_have_theirs(client, jobs):
    job, event = jobs
    start = timezone.now() - datetime.timedelta(seconds=1)
    job.unpublish()
    event.unpublish()
    assert [row["id"] for row in rows(client, "events/deleted", start)] == [event.pk]
    job.save_revision().publish()
    assert rows(client, "jobs/deleted", start) == []


def test_removals_are_kept_for_the_retention_period_and_an_older_since_is_a_400(client, jobs):
    job, event = jobs
    job.unpublish()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=91)):
        response = get(client, BASE + "jobs/deleted?modified_since=2000-01-01")
        assert response.status_code == 400 and "90 days" in response.json()["detail"]
        event.unpublish()  # recording one prunes those past the retention period
        assert list(Tombstone.objects.values_list("object_id", flat=True)) == [event.pk]


def test_deleting_a_draft_never_published_leaves_no_tombstone(bergen):
    job = JobPageFactory(parent=CareersIndexPageFactory(parent=bergen[2]), live=False)
    job.delete()
    assert not Tombstone.objects.exists()
