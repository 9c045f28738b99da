"""Open data: open jobs and upcoming courses and events on every site."""

import datetime

from django.db.models import Max, Q
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from careers.choices import Audience, PositionType
from careers.models import JobPage, Profession
from careers.models.events import CoursePage, EventPage
from core.api import (
    HospitalRef,
    LinkedPages,
    Rows,
    SinceFilter,
    absolute,
    choice,
    hospital_ref,
    latest_removal,
    newest,
    parse_since,
    removals_endpoint,
    set_last_modified,
)
from core.models import HealthTrust, Region
from core.sites import SiteDirectory, on_sites

router = Router(tags=["careers"])
removals_endpoint(router, "jobs", "Jobs", "A job whose deadline passes leaves `/jobs` without one.")
removals_endpoint(
    router,
    "events",
    "Courses and events",
    "One whose last day has passed leaves `/events` without one.",
)


class JobOut(Schema):
    id: int
    title: str
    hospital: HospitalRef | None
    department: str
    location: str
    position_type: str
    profession: str | None
    percentage: int | None
    positions: int
    deadline: datetime.date
    start_date: datetime.date | None
    summary: str
    apply_url: str
    url: str
    last_modified: datetime.datetime | None


class OccurrenceOut(Schema):
    day: datetime.date
    start_time: datetime.time | None
    end_time: datetime.time | None


class EventOut(Schema):
    id: int
    kind: str
    title: str
    hospital: HospitalRef | None
    audience: str
    summary: str
    occurrences: list[OccurrenceOut]
    place: str | None
    digital_link: str | None
    registration_url: str | None
    registration_deadline: datetime.date | None
    capacity: int | None
    price: float | None
    organiser: str
    url: str
    last_modified: datetime.datetime | None


class CareerFilters(SinceFilter):
    hospital: str | None = None
    region: str | None = None
    q: str | None = None


class JobFilters(CareerFilters):
    profession: str | None = None
    type: str | None = None


class EventFilters(CareerFilters):
    audience: str | None = None


def on_chosen_sites(pages, filters, directory):
    """Narrow pages to one hospital's or one region's sites (both when both are given)."""
    if filters.hospital:
        choice(filters.hospital, _slugs(HealthTrust), "hospital")
        pages = on_sites(pages, directory.paths(trust_slug=filters.hospital))
    if filters.region:
        choice(filters.region, _slugs(Region), "region")
        pages = on_sites(pages, directory.paths(region_slug=filters.region))
    return pages


def _slugs(model):
    return set(model.objects.values_list("slug", flat=True))


def search(pages, filters):
    """Free text and `modified_since`, which jobs and events share."""
    since = parse_since(filters.modified_since)
    if since:
        pages = pages.filter(last_published_at__gte=since)
    if not filters.q:
        return pages
    q = filters.q[:200]
    return pages.filter(Q(title__icontains=q) | Q(summary__icontains=q))


@router.get("/jobs", response=list[JobOut], summary="Open jobs on every site")
@paginate(LinkedPages)
def job_list(request, filters: Query[JobFilters]):
    """Live jobs whose application deadline has not passed (checked now), soonest deadline first."""
    directory = SiteDirectory()
    jobs = on_chosen_sites(search(JobPage.objects.open().public(), filters), filters, directory)
    if filters.profession:
        choice(filters.profession, _slugs(Profession), "profession")
        jobs = jobs.filter(profession__slug=filters.profession)
    if choice(filters.type, PositionType.values, "type"):
        jobs = jobs.filter(position_type=filters.type)
    last = jobs.aggregate(last=Max("last_published_at"))["last"]
    set_last_modified(request, newest(last, latest_removal("jobs")))
    rows = jobs.select_related("profession").order_by("deadline", "title", "pk")
    return Rows(
        rows,
        lambda page: [
            {
                "id": job.pk,
                "title": job.title,
                "hospital": hospital_ref(directory.trust_for(job)),
                "department": job.department,
                "location": job.location,
                "position_type": job.position_type,
                "profession": job.profession.name if job.profession else None,
                "percentage": job.percentage,
                "positions": job.positions,
                "deadline": job.deadline,
                "start_date": job.start_date,
                "summary": job.summary,
                "apply_url": job.apply_url,
                "url": absolute(request, job.get_url(request)),
                "last_modified": job.last_published_at,
            }
            for job in page
        ],
    )


@router.get("/events", response=list[EventOut], summary="Upcoming courses and events on every site")
@paginate(LinkedPages)
def event_list(request, filters: Query[EventFilters]):
    """Courses and events with at least one upcoming date, the soonest first."""
    today = timezone.localdate()
    audience = choice(filters.audience, Audience.values, "audience")
    directory = SiteDirectory()
    events = []
    # Courses and events are separate tables; each is one query.
    for model in (CoursePage, EventPage):
        pages = on_chosen_sites(
            search(model.objects.live().public().filter(last_day__gte=today), filters),
            filters,
            directory,
        )
        events.extend(pages.filter(audience=audience) if audience else pages)
    events.sort(key=lambda event: (event.first_day, event.title, event.pk))
    set_last_modified(
        request, newest(*(e.last_published_at for e in events), latest_removal("events"))
    )
    return Rows(
        events,
        lambda page: [
            {
                "id": event.pk,
                "kind": "course" if isinstance(event, CoursePage) else "event",
                "title": event.title,
                "hospital": hospital_ref(directory.trust_for(event)),
                "audience": event.audience,
                "summary": event.summary,
                "occurrences": [
                    {"day": o.day, "start_time": o.start_time, "end_time": o.end_time}
                    for o in event.upcoming_occurrences(today)
                ],
                "place": event.place or None,
                "digital_link": event.digital_link or None,
                "registration_url": event.registration_url or None,
                "registration_deadline": event.registration_deadline,
                "capacity": event.capacity,
                "price": float(event.price) if event.price is not None else None,
                "organiser": event.organiser,
                "url": absolute(request, event.get_url(request)),
                "last_modified": event.last_published_at,
            }
            for event in page
        ],
    )
