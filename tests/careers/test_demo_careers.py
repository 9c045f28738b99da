"""The careers demo content: enough of everything, and a second run changes nothing."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from wagtail.models import Page, Revision

from careers.demo import JOB_SITES, load_careers_demo
from careers.models import (
    Audience,
    CareersIndexPage,
    CoursePage,
    EducationPage,
    EventPage,
    JobPage,
    Profession,
    ProfessionPage,
)
from home.demo import DemoReport
from home.factories import make_hospital

pytestmark = pytest.mark.django_db


def test_careers_demo_is_complete_and_idempotent(client, portal):
    for slug, _count in JOB_SITES:
        make_hospital(slug)
    lines = []
    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Europe/Oslo")), tick=False):
        report = DemoReport()
        load_careers_demo(report, lines.append)
        assert any("jobs at Helse Bergen HF" in line for line in lines)

        assert CareersIndexPage.objects.count() == len(JOB_SITES) + 1
        assert JobPage.objects.live().count() >= 40
        assert JobPage.objects.open().count() < JobPage.objects.count()  # some expired
        activities = list(CoursePage.objects.all()) + list(EventPage.objects.all())
        assert len(activities) >= 15
        assert any(page.audience == Audience.PATIENTS for page in activities)
        assert any(b.block_type == "weekly" for page in activities for b in page.dates)
        assert EducationPage.objects.filter(programme__startswith="lis").count() == 3
        assert Profession.objects.count() >= 6
        assert ProfessionPage.objects.exists()
        lege = client.get("/jobb/yrke-lege/", HTTP_HOST="helse-bergen.localhost")
        assert "Grunnkurs i ultralyd" in lege.content.decode()
        assert "Eksempelinnhold" in JobPage.objects.first().body

        national = client.get("/jobb/", HTTP_HOST="localhost")
        assert national.status_code == 200
        assert f"{JobPage.objects.open().count()} ledige stillinger" in national.content.decode()
        calendar = client.get("/jobb/kalender/ics/", HTTP_HOST="localhost")
        assert calendar.content.count(b"BEGIN:VEVENT") > len(activities)

        pages, revisions = Page.objects.count(), Revision.objects.count()
        again = DemoReport()
        load_careers_demo(again, lines.append)
        assert again.created == {}
        assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
