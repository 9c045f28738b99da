from datetime import time, timedelta

import factory
import wagtail_factories
from django.utils import timezone

from careers.models import (
    Audience,
    CareersIndexPage,
    CoursePage,
    EducationPage,
    EventPage,
    JobPage,
    PositionType,
    Profession,
    ProfessionPage,
)


class ProfessionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Yrke {n}")
    slug = factory.Sequence(lambda n: f"yrke-{n}")

    class Meta:
        model = Profession
        django_get_or_create = ["slug"]


class CareersIndexPageFactory(wagtail_factories.PageFactory):
    title = "Jobb og karriere"
    slug = "jobb"

    class Meta:
        model = CareersIndexPage


class JobPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sykepleier {n}")
    department = "Medisinsk klinikk"
    location = "Bergen"
    position_type = PositionType.PERMANENT
    percentage = 100
    positions = 1
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    summary = "Vi søker en engasjert kollega."
    apply_url = "https://candidate.webcruiter.com/eksempel/1"
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = JobPage


def single(day, start=time(10), end=time(12)):
    return ("single", {"date": day, "start_time": start, "end_time": end})


def weekly(first, last, weekday, start=time(17), end=time(19), exceptions=()):
    return (
        "weekly",
        {
            "weekday": str(weekday),
            "first_date": first,
            "last_date": last,
            "start_time": start,
            "end_time": end,
            "exceptions": list(exceptions),
        },
    )


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kurs {n}")
    audience = Audience.HEALTH_PERSONNEL
    summary = "Et kurs."
    dates = factory.LazyFunction(lambda: [single(timezone.localdate() + timedelta(days=7))])
    place = "Auditoriet"
    organiser = "Seksjon for utdanning"
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = CoursePage


class EventPageFactory(CoursePageFactory):
    title = factory.Sequence(lambda n: f"Arrangement {n}")
    audience = Audience.EVERYONE

    class Meta:
        model = EventPage


class EducationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Utdanning {n}")
    programme = EducationPage.Programme.LIS1
    summary = "LIS1."
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = EducationPage


class ProfessionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Yrke {n}")
    profession = factory.SubFactory(ProfessionFactory)
    summary = "Om yrket."
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ProfessionPage
