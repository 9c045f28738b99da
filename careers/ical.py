"""iCalendar (RFC 5545) export of courses and events.

Every occurrence is its own VEVENT with UTC times: exceptions to a weekly rule and
daylight-saving changes then come out right in every calendar client, with no VTIMEZONE.
"""

from datetime import UTC, timedelta

from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from careers.occurrences import local_zone

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODID = "-//FNSP//Kurs og arrangementer//NO"


def _location(page):
    parts = [part for part in (page.place, page.address) if part]
    if parts:
        return ", ".join(parts)
    return page.digital_link


def calendar(items, request, name):
    """`items` are (page, occurrence) pairs; returns the .ics bytes."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(UTC)
    for page, occurrence in items:
        url = page.get_full_url(request)
        event = Event()
        # Stable across sites and runs, so a subscribed calendar updates instead of duplicating.
        event.add("uid", f"{page.translation_key}-{occurrence.day:%Y%m%d}@fnsp")
        event.add("dtstamp", stamp)
        if occurrence.all_day:
            event.add("dtstart", occurrence.day)
            event.add("dtend", occurrence.day + timedelta(days=1))
        else:
            event.add("dtstart", occurrence.start.astimezone(UTC))
            event.add("dtend", occurrence.end.astimezone(UTC))
        event.add("summary", page.title)
        event.add("description", f"{page.summary}\n\n{url}")
        location = _location(page)
        if location:
            event.add("location", location)
        event.add("url", url)
        cal.add_component(event)
    if not items:
        # RFC 5545 wants at least one component; an empty listing gets the local time zone.
        today = timezone.localdate()
        cal.add_component(
            Timezone.from_tzid(
                str(local_zone()), first_date=today, last_date=today + timedelta(days=366)
            )
        )
    return cal.to_ical()
