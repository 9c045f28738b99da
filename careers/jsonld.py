"""schema.org JSON-LD for job postings and events, built as plain dicts."""

from datetime import datetime, time

from django.utils import timezone
from django.utils.html import escape
from wagtail.rich_text import expand_db_html

from careers.occurrences import expand, local_zone
from core.seo import SCHEMA_ORG, organisation

WEEKDAY_URLS = [
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
]


def employment_types(job):
    """schema.org/Google employmentType values: hours, plus TEMPORARY for fixed-term posts."""
    types = ["FULL_TIME" if job.percentage >= 100 else "PART_TIME"]
    if job.position_type != "fast":
        types.append("TEMPORARY")
    return types


def job_posting(job, request, trust):
    posted = job.first_published_at or timezone.now()
    description = f"<p>{escape(job.summary)}</p>" + (expand_db_html(job.body) if job.body else "")
    data = {
        "@context": SCHEMA_ORG,
        "@type": "JobPosting",
        "title": job.title,
        "description": description,
        "datePosted": timezone.localtime(posted).date().isoformat(),
        # The deadline is inclusive: open until the end of that day in Norway.
        "validThrough": datetime.combine(
            job.deadline, time(23, 59, 59), tzinfo=local_zone()
        ).isoformat(),
        "employmentType": employment_types(job),
        "hiringOrganization": organisation(trust, job.department),
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": job.location,
                "addressCountry": "NO",
            },
        },
        "identifier": {
            "@type": "PropertyValue",
            "name": trust.name if trust else job.department,
            "value": job.external_id or str(job.pk),
        },
        "totalJobOpenings": job.positions,
        "url": job.get_full_url(request),
        "directApply": False,
    }
    if job.profession_id:
        data["occupationalCategory"] = job.profession.name
    if job.start_date:
        data["jobStartDate"] = job.start_date.isoformat()
    return data


def _moment(occurrence, end=False):
    if occurrence.all_day:
        return occurrence.day.isoformat()
    return (occurrence.end if end else occurrence.start).isoformat()


def _schedules(page):
    schedules = []
    for block in page.dates:
        if block.block_type != "weekly":
            continue
        value = block.value
        schedule = {
            "@type": "Schedule",
            "repeatFrequency": "P1W",
            "byDay": WEEKDAY_URLS[int(value["weekday"])],
            "startDate": value["first_date"].isoformat(),
            "endDate": value["last_date"].isoformat(),
            "scheduleTimezone": str(local_zone()),
        }
        if value["start_time"]:
            schedule["startTime"] = value["start_time"].isoformat()
        if value["end_time"]:
            schedule["endTime"] = value["end_time"].isoformat()
        if value["exceptions"]:
            schedule["exceptDate"] = [day.isoformat() for day in value["exceptions"]]
        schedules.append(schedule)
    return schedules


def event_data(page, request, trust):
    occurrences = expand(page.dates)
    if not occurrences:
        return None
    locations = []
    if page.place:
        place = {"@type": "Place", "name": page.place}
        address = {"@type": "PostalAddress", "addressCountry": "NO"}
        if page.address:
            address["streetAddress"] = page.address
        place["address"] = address
        locations.append(place)
    if page.digital_link:
        locations.append({"@type": "VirtualLocation", "url": page.digital_link})
    mode = (
        "MixedEventAttendanceMode"
        if len(locations) == 2
        else "OnlineEventAttendanceMode"
        if page.digital_link
        else "OfflineEventAttendanceMode"
    )
    data = {
        "@context": SCHEMA_ORG,
        "@type": page.schema_type,
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "startDate": _moment(occurrences[0]),
        "endDate": _moment(occurrences[-1], end=True),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": organisation(None, page.organiser) if page.organiser else organisation(trust),
        "audience": {"@type": "Audience", "audienceType": str(page.get_audience_display())},
        "inLanguage": page.locale.language_code,
    }
    schedules = _schedules(page)
    if schedules:
        data["eventSchedule"] = schedules if len(schedules) > 1 else schedules[0]
    if page.capacity:
        data["maximumAttendeeCapacity"] = page.capacity
    if page.price is not None or page.registration_url:
        offer = {"@type": "Offer", "priceCurrency": "NOK"}
        offer["price"] = str(page.price) if page.price is not None else "0"
        if page.registration_url:
            offer["url"] = page.registration_url
        if page.registration_deadline:
            offer["validThrough"] = page.registration_deadline.isoformat()
        data["offers"] = offer
    return data
