"""The careers part of the demo: enough of everything on the sites and the portal."""

import pytest

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
from core.models import HealthTrust

pytestmark = pytest.mark.django_db


def test_careers_demo_is_complete(demo, client):
    assert "Careers: 8 jobs at Helse Bergen HF." in demo

    # /jobb/ on every site and on the portal.
    sites = HealthTrust.objects.with_site().count()
    assert CareersIndexPage.objects.count() == sites + 1
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
