"""Courses and events: recurring dates, listings, iCalendar export and JSON-LD."""

import json
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from icalendar import Calendar
from wagtail import blocks
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from careers.blocks import DatesBlock, WeeklyBlock
from careers.factories import CoursePageFactory, EventPageFactory, single, weekly
from careers.models import Audience, CoursePage
from careers.occurrences import expand
from tests.helpers import get, soup

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=OSLO), tick=False):
        yield


def stream(*items):
    return DatesBlock().to_python([{"type": kind, "value": value} for kind, value in items])


def raw(kind, value):
    """A block value as stored (dates as ISO strings), for DatesBlock.to_python."""
    return (
        kind,
        {
            key: (
                [item.isoformat() for item in item_value]
                if isinstance(item_value, list)
                else item_value.isoformat()
                if hasattr(item_value, "isoformat")
                else item_value
            )
            for key, item_value in value.items()
        },
    )


# Tuesdays in March 2026, 17–19, not on the 17th; Norway moves to summer time on the 29th.
DIABETES_DATES = [weekly(date(2026, 3, 3), date(2026, 3, 31), 1, exceptions=[date(2026, 3, 17)])]


def test_weekly_dates_expand_to_every_week_except_the_exceptions():
    occurrences = expand(stream(*(raw(*item) for item in DIABETES_DATES)))
    assert [o.day for o in occurrences] == [
        date(2026, 3, 3),
        date(2026, 3, 10),
        date(2026, 3, 24),
        date(2026, 3, 31),
    ]
    assert occurrences[0].start == datetime(2026, 3, 3, 17, tzinfo=OSLO)
    assert occurrences[0].end == datetime(2026, 3, 3, 19, tzinfo=OSLO)


def test_a_rule_starting_midweek_begins_on_its_weekday_and_singles_merge_sorted():
    dates = stream(
        raw(*weekly(date(2026, 3, 5), date(2026, 3, 20), 0)),  # Mondays from a Thursday
        raw(*single(date(2026, 3, 1))),
        raw(*single(date(2026, 3, 9), start=time(17), end=time(19))),  # same as the rule
    )
    assert [o.day for o in expand(dates)] == [
        date(2026, 3, 1),
        date(2026, 3, 9),
        date(2026, 3, 16),
    ]


def test_dates_blocks_reject_a_rule_that_ends_before_it_starts():
    block = WeeklyBlock()
    value = block.to_python(raw(*weekly(date(2026, 3, 20), date(2026, 3, 1), 0))[1])
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean(value)
    value = block.to_python(
        raw(*weekly(date(2026, 3, 1), date(2026, 3, 20), 0, start=time(12), end=time(11)))[1]
    )
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean(value)


def test_a_course_needs_a_place_or_a_digital_link(bergen_jobb):
    course = CoursePage(
        title="Kurs",
        slug="kurs",
        audience=Audience.PATIENTS,
        summary="Kurs.",
        organiser="LMS",
        dates=DIABETES_DATES,
    )
    with pytest.raises(ValidationError) as error:
        course.clean()
    assert "place" in error.value.message_dict
    course.digital_link = "https://meet.eksempel.no/1"
    course.clean()


def test_saving_keeps_the_first_and_last_day_for_listings(bergen_jobb):
    course = CoursePageFactory(
        parent=bergen_jobb, dates=[*DIABETES_DATES, single(date(2026, 4, 15))]
    )
    assert (course.first_day, course.last_day) == (date(2026, 3, 3), date(2026, 4, 15))


def test_course_page_shows_upcoming_dates_and_patient_education(client, bergen_jobb):
    with time_machine.travel(datetime(2026, 3, 11, 9, tzinfo=OSLO), tick=False):
        CoursePageFactory(
            parent=bergen_jobb,
            title="Diabeteskurs",
            slug="diabetes",
            audience=Audience.PATIENTS,
            dates=DIABETES_DATES,
            registration_url="https://pamelding.eksempel.no/diabetes",
            price=0,
            capacity=20,
        )
        page = soup(get(client, "/jobb/diabetes/", "helse-bergen"))
    assert len(page.find_all("h1")) == 1
    assert page.find(class_="tag").get_text(strip=True) == "Pasient- og pårørendeopplæring"
    dates = [li.time["datetime"] for li in page.find(id="dates-heading").find_next("ul")("li")]
    assert dates == [
        "2026-03-24T17:00:00+01:00",
        "2026-03-31T17:00:00+02:00",
    ]
    assert page.find("a", string="Meld deg på")["href"].startswith("https://")
    assert "Gratis" in page.find("dl", class_="facts").get_text()
    assert page.find("p", class_="last-updated")


def test_a_past_course_says_so_and_offers_no_registration(client, bergen_jobb):
    CoursePageFactory(
        parent=bergen_jobb,
        slug="gammelt",
        dates=[single(date(2026, 2, 1))],
        registration_url="https://pamelding.eksempel.no/x",
    )
    response = get(client, "/jobb/gammelt/", "helse-bergen")
    assert response.status_code == 200
    page = soup(response)
    assert "ingen kommende datoer" in page.find(class_="notice--closed").get_text()
    assert not page.find("a", string="Meld deg på")


def parse_ics(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    # RFC 5545: CRLF line ends, lines at most 75 octets.
    assert body.endswith(b"\r\n") and b"\n" not in body.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    return Calendar.from_ical(body)


def test_ics_of_one_course_has_every_upcoming_occurrence_in_utc(client, bergen_jobb):
    CoursePageFactory(
        parent=bergen_jobb,
        title="Diabeteskurs – lær å mestre hverdagen med en lang tittel som må brettes i ics",
        slug="diabetes",
        place="Lærings- og mestringssenteret",
        address="Haukelandsveien 1, Bergen",
        dates=DIABETES_DATES,
    )
    calendar = parse_ics(get(client, "/jobb/diabetes/ics/", "helse-bergen"))
    events = calendar.walk("VEVENT")
    starts = [event.decoded("dtstart") for event in events]
    assert starts == [
        datetime(2026, 3, 3, 16, tzinfo=UTC),
        datetime(2026, 3, 10, 16, tzinfo=UTC),
        datetime(2026, 3, 24, 16, tzinfo=UTC),
        datetime(2026, 3, 31, 15, tzinfo=UTC),  # summer time
    ]
    assert events[0].decoded("dtend") == datetime(2026, 3, 3, 18, tzinfo=UTC)
    assert str(events[0]["summary"]).startswith("Diabeteskurs – lær å mestre")
    assert str(events[0]["location"]) == "Lærings- og mestringssenteret, Haukelandsveien 1, Bergen"
    assert str(events[0]["url"]) == "http://helse-bergen.localhost:8000/jobb/diabetes/"
    assert len({str(event["uid"]) for event in events}) == 4
    assert str(calendar["version"]) == "2.0" and calendar["prodid"]


def test_an_empty_calendar_is_still_a_valid_icalendar(client, portal_jobb):
    calendar = parse_ics(get(client, "/jobb/kalender/ics/"))
    assert calendar.walk("VEVENT") == []
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Oslo"


def test_all_day_occurrences_are_dates_in_ics(client, bergen_jobb):
    CoursePageFactory(
        parent=bergen_jobb,
        slug="heldag",
        dates=[("single", {"date": date(2026, 3, 5), "start_time": None, "end_time": None})],
    )
    [event] = parse_ics(get(client, "/jobb/heldag/ics/", "helse-bergen")).walk("VEVENT")
    assert event.decoded("dtstart") == date(2026, 3, 5)
    assert event.decoded("dtend") == date(2026, 3, 6)


@pytest.fixture
def calendar_pages(portal_jobb, bergen_jobb, ous_jobb):
    CoursePageFactory(
        parent=bergen_jobb,
        title="Diabeteskurs",
        audience=Audience.PATIENTS,
        dates=DIABETES_DATES,
    )
    CoursePageFactory(parent=bergen_jobb, title="Utløpt kurs", dates=[single(date(2026, 2, 2))])
    EventPageFactory(parent=ous_jobb, title="Karrieredag", dates=[single(date(2026, 3, 4))])
    CoursePageFactory(parent=ous_jobb, title="Utkast", dates=[single(date(2026, 3, 4))], live=False)


def listed(response):
    assert response.status_code == 200
    return [
        (item.h3.get_text(strip=True), item.time["datetime"][:10])
        for item in soup(response).select(".result-list li.result")
    ]


def test_hospital_calendar_lists_its_own_upcoming_occurrences(client, calendar_pages):
    assert listed(get(client, "/jobb/kalender/", "helse-bergen")) == [
        ("Diabeteskurs", "2026-03-03"),
        ("Diabeteskurs", "2026-03-10"),
        ("Diabeteskurs", "2026-03-24"),
        ("Diabeteskurs", "2026-03-31"),
    ]
    crumbs = soup(get(client, "/jobb/kalender/", "helse-bergen")).find("nav", class_="breadcrumb")
    assert [li.get_text(strip=True) for li in crumbs("li")] == [
        "Helse Bergen HF",
        "Jobb og karriere",
        "Kurs og arrangementer",
    ]
    assert crumbs.find(attrs={"aria-current": "page"}).get_text() == "Kurs og arrangementer"
    calendar = parse_ics(get(client, "/jobb/kalender/ics/", "helse-bergen"))
    assert {str(event["summary"]) for event in calendar.walk("VEVENT")} == {"Diabeteskurs"}
    assert "Helse Bergen HF" in str(calendar["x-wr-calname"])


def test_national_calendar_merges_every_site_and_filters(client, calendar_pages):
    response = get(client, "/jobb/kalender/")
    assert listed(response)[:2] == [("Diabeteskurs", "2026-03-03"), ("Karrieredag", "2026-03-04")]
    assert len(listed(response)) == 5
    assert soup(response).h1.get_text(strip=True) == "Nasjonal kalender for kurs og arrangementer"
    patients = get(client, "/jobb/kalender/", data={"kind": "pasienter-og-parorende"})
    assert {title for title, _day in listed(patients)} == {"Diabeteskurs"}
    oslo = get(client, "/jobb/kalender/", data={"hospital": "oslo-universitetssykehus"})
    assert listed(oslo) == [("Karrieredag", "2026-03-04")]
    calendar = parse_ics(get(client, "/jobb/kalender/ics/", data={"region": "helse-sor-ost"}))
    assert [str(event["summary"]) for event in calendar.walk("VEVENT")] == ["Karrieredag"]
    link = soup(response).find("link", rel="alternate", type="text/calendar")
    assert link["href"] == "/jobb/kalender/ics/"


def test_calendar_ignores_malformed_filters(client, calendar_pages):
    response = get(
        client, "/jobb/kalender/", data={"kind": "romvesen", "page": "x", "hospital": "nei"}
    )
    assert len(listed(response)) == 5
    assert len(soup(response).select(".form-error")) == 2
    assert get(client, "/jobb/kalender/ics/", data={"kind": "romvesen"}).status_code == 200


def event_json_ld(client, path):
    [script] = soup(get(client, path, "helse-bergen")).find_all(
        "script", type="application/ld+json"
    )
    return json.loads(script.string)


def test_course_json_ld_is_an_education_event_with_its_schedule(client, bergen_jobb):
    CoursePageFactory(
        parent=bergen_jobb,
        title="Diabeteskurs",
        slug="diabetes",
        audience=Audience.PATIENTS,
        dates=DIABETES_DATES,
        address="Haukelandsveien 1",
        price=0,
        capacity=20,
        registration_url="https://pamelding.eksempel.no/diabetes",
        registration_deadline=date(2026, 3, 1),
    )
    data = event_json_ld(client, "/jobb/diabetes/")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "EducationEvent"
    assert data["name"] == "Diabeteskurs"
    assert datetime.fromisoformat(data["startDate"]) == datetime(2026, 3, 3, 17, tzinfo=OSLO)
    assert datetime.fromisoformat(data["endDate"]) == datetime(2026, 3, 31, 19, tzinfo=OSLO)
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["streetAddress"] == "Haukelandsveien 1"
    assert data["organizer"]["@type"] == "Organization"
    assert data["audience"] == {"@type": "Audience", "audienceType": "Pasienter og pårørende"}
    assert data["maximumAttendeeCapacity"] == 20
    assert data["offers"] == {
        "@type": "Offer",
        "priceCurrency": "NOK",
        "price": "0.00",
        "url": "https://pamelding.eksempel.no/diabetes",
        "validThrough": "2026-03-01",
    }
    schedule = data["eventSchedule"]
    assert schedule["@type"] == "Schedule"
    assert schedule["byDay"] == "https://schema.org/Tuesday"
    assert schedule["repeatFrequency"] == "P1W"
    assert schedule["exceptDate"] == ["2026-03-17"]
    assert schedule["startTime"] == "17:00:00" and schedule["scheduleTimezone"] == "Europe/Oslo"


def test_online_event_json_ld_is_an_event_with_a_virtual_location(client, bergen_jobb):
    EventPageFactory(
        parent=bergen_jobb,
        slug="webinar",
        place="",
        digital_link="https://meet.eksempel.no/webinar",
        dates=[single(date(2026, 3, 20))],
    )
    data = event_json_ld(client, "/jobb/webinar/")
    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.eksempel.no/webinar",
    }
    assert "eventSchedule" not in data and "offers" not in data


def course_form_data(**overrides):
    data = {
        "title": "Diabeteskurs",
        "slug": "diabeteskurs",
        "summary": "Kurs for personer med diabetes.",
        "audience": Audience.PATIENTS,
        "dates": streamfield(
            [
                (
                    "weekly",
                    {
                        "weekday": "1",
                        "first_date": "2026-03-03",
                        "last_date": "2026-03-31",
                        "start_time": "17:00",
                        "end_time": "19:00",
                        "exceptions": {
                            "count": "1",
                            "0": {"value": "2026-03-17", "deleted": "", "order": "0", "id": ""},
                        },
                    },
                )
            ]
        ),
        "place": "Lærings- og mestringssenteret",
        "address": "",
        "digital_link": "",
        "registration_url": "",
        "registration_deadline": "",
        "capacity": "20",
        "price": "0",
        "organiser": "LMS",
        "body": rich_text(""),
        "contacts": streamfield([]),
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_editor_creates_a_weekly_course_with_an_exception(admin_client, bergen_jobb):
    response = admin_client.post(
        f"/admin/pages/add/careers/coursepage/{bergen_jobb.pk}/", course_form_data()
    )
    assert response.status_code == 302
    course = CoursePage.objects.get(slug="diabeteskurs")
    assert course.live
    assert (course.first_day, course.last_day) == (date(2026, 3, 3), date(2026, 3, 31))
    assert date(2026, 3, 17) not in [o.day for o in course.occurrences()]
    assert len(course.occurrences()) == 4


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"place": ""}, {"place": ["Oppgi et sted, en digital lenke eller begge."]}),
        (
            {"digital_link": "http://meet.eksempel.no/1"},
            {"digital_link": ["Skriv en adresse som begynner med https://."]},
        ),
    ],
)
def test_place_and_links_are_checked_in_the_form(admin_client, bergen_jobb, fields, errors):
    response = admin_client.post(
        f"/admin/pages/add/careers/coursepage/{bergen_jobb.pk}/", course_form_data(**fields)
    )
    assert response.status_code == 200
    assert response.context["form"].errors == errors
    assert not CoursePage.objects.exists()
