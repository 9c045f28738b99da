"""Demo content of the careers section: professions, jobs, courses, events, education.

Every page is looked up by its slug and created only when missing, so a second run changes
nothing. Dates are relative to the day the demo was first loaded; since nothing is created
again, old demo jobs expire like real ones do.
"""

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

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
from core.models import HealthTrust
from home.demo import SAMPLE_NOTE, add_to_menu, ensure_child, rich
from home.models import PortalHomePage

PROFESSIONS = [
    ("lege", "Lege", "Leger i spesialisering (LIS) og overleger."),
    ("sykepleier", "Sykepleier", "Sykepleiere og spesialsykepleiere."),
    ("helsefagarbeider", "Helsefagarbeider", "Helsefagarbeidere i sengeposter og poliklinikker."),
    ("jordmor", "Jordmor", "Jordmødre på fødeavdelinger og i svangerskapsomsorgen."),
    ("psykolog", "Psykolog", "Psykologer og psykologspesialister."),
    ("radiograf", "Radiograf", "Radiografer i bildediagnostikk og strålebehandling."),
]
# Site, jobs per site; the first sites get the most.
JOB_SITES = [
    ("oslo-universitetssykehus", 10),
    ("helse-bergen", 8),
    ("stolav", 7),
    ("unn", 6),
    ("ahus", 6),
    ("helse-stavanger", 5),
]
JOB_TEMPLATES = [
    ("Overlege", "lege", "Kreftklinikken", PositionType.PERMANENT, 100),
    ("Lege i spesialisering (LIS)", "lege", "Medisinsk klinikk", PositionType.PERMANENT, 100),
    ("Sykepleier", "sykepleier", "Hjertemedisinsk sengepost", PositionType.PERMANENT, 80),
    ("Intensivsykepleier", "sykepleier", "Intensivavdelingen", PositionType.SUBSTITUTE, 100),
    ("Helsefagarbeider", "helsefagarbeider", "Ortopedisk sengepost", PositionType.FIXED_TERM, 75),
    ("Jordmor", "jordmor", "Fødeavdelingen", PositionType.SUBSTITUTE, 100),
    ("Psykologspesialist", "psykolog", "Psykisk helsevern for voksne", PositionType.PERMANENT, 100),
    ("Radiograf", "radiograf", "Bildediagnostisk avdeling", PositionType.PERMANENT, 100),
    ("Sommervikar sykepleier", "sykepleier", "Kirurgisk klinikk", PositionType.SUMMER, 100),
    (
        "Sommerjobb helsefagarbeider",
        "helsefagarbeider",
        "Medisinsk klinikk",
        PositionType.SUMMER,
        100,
    ),
]
# Days from the first load to the deadline; every fifth job has already closed.
DEADLINE_OFFSETS = [-12, 9, 16, 23, 30, -3, 12, 20, 27, 41]
LOCATIONS = {
    "oslo-universitetssykehus": "Oslo",
    "helse-bergen": "Bergen",
    "stolav": "Trondheim",
    "unn": "Tromsø",
    "ahus": "Lørenskog",
    "helse-stavanger": "Stavanger",
}
# Which professions the courses for health personnel are for.
ACTIVITY_PROFESSIONS = {
    "hjerte-lunge-redning": ["lege", "sykepleier", "helsefagarbeider"],
    "ultralydkurs": ["lege", "jordmor"],
    "veiledning-lis": ["lege"],
    "fagdag-akuttmedisin": ["lege", "sykepleier"],
    "medikamentregning": ["sykepleier"],
}
# Courses that can also be followed online.
DIGITAL_ACTIVITIES = {"kurs-for-pasienter-med-diabetes", "mestringskurs-kols", "smertemestring"}
EDUCATION = [
    ("oslo-universitetssykehus", "lis1", "LIS1 – første del av spesialiseringen", "lis1"),
    ("helse-bergen", "lis2", "LIS2 og LIS3 – felles kompetansemoduler", "lis2-og-lis3"),
    ("stolav", "lis3", "LIS3 – indremedisin", "lis3-indremedisin"),
]


def _contact(name, role, email):
    return ("contact", {"name": name, "role": role, "phone": "22 00 00 00", "email": email})


def ensure_professions(report):
    professions = {}
    for slug, name, description in PROFESSIONS:
        profession = Profession.objects.filter(slug=slug).first()
        if profession is None:
            profession = Profession.objects.create(slug=slug, name=name, description=description)
            report.count("professions")
        professions[slug] = profession
    return professions


def ensure_index(parent, report, national=False):
    return ensure_child(
        parent,
        CareersIndexPage,
        "jobb",
        report,
        title="Jobb og karriere" if not national else "Ledige stillinger",
        intro=rich(
            "Ledige stillinger, kurs, arrangementer og utdanning. "
            + ("Alle ledige stillinger i spesialisthelsetjenesten. " if national else "")
            + SAMPLE_NOTE
        ),
    )


def ensure_jobs(index, trust, count, professions, today, report):
    city = LOCATIONS[trust.slug]
    for number in range(count):
        title, profession, department, position_type, percentage = JOB_TEMPLATES[number]
        deadline = today + timedelta(days=DEADLINE_OFFSETS[number])
        ensure_child(
            index,
            JobPage,
            f"stilling-{number + 1}",
            report,
            title=f"{title} – {department.lower()}",
            department=department,
            location=city,
            position_type=position_type,
            profession=professions[profession],
            percentage=percentage,
            positions=2 if number % 4 == 0 else 1,
            deadline=deadline,
            start_date=deadline + timedelta(days=60),
            summary=f"{trust.name} søker {title.lower()} til {department.lower()} i {city}.",
            body=rich(
                f"Vi har et godt fagmiljø og legger vekt på kompetanseutvikling.\n\n{SAMPLE_NOTE}"
            ),
            contacts=[_contact("Kari Eksempel", "Seksjonsleder", "kari@eksempel.no")],
            apply_url=f"https://candidate.webcruiter.com/eksempel/{trust.slug}-{number + 1}",
        )


def _single(day, start=time(9), end=time(15)):
    return ("single", {"date": day, "start_time": start, "end_time": end})


def _weekly(first, weeks, start, end, skip_week=None):
    return (
        "weekly",
        {
            "weekday": str(first.weekday()),
            "first_date": first,
            "last_date": first + timedelta(weeks=weeks - 1),
            "start_time": start,
            "end_time": end,
            "exceptions": [first + timedelta(weeks=skip_week)] if skip_week is not None else [],
        },
    )


def activities(today):
    """(site, model, slug, title, audience, dates, organiser, price) of the demo activities."""
    monday = today + timedelta(days=7 - today.weekday())
    patients, staff, everyone = Audience.PATIENTS, Audience.HEALTH_PERSONNEL, Audience.EVERYONE
    return [
        (
            "oslo-universitetssykehus",
            CoursePage,
            "kurs-for-pasienter-med-diabetes",
            "Kurs for personer med diabetes type 2",
            patients,
            [_weekly(monday + timedelta(days=1), 6, time(17), time(19), skip_week=2)],
            "Lærings- og mestringssenteret",
            0,
        ),
        (
            "oslo-universitetssykehus",
            CoursePage,
            "hjerte-lunge-redning",
            "Hjerte-lunge-redning for helsepersonell",
            staff,
            [_single(today + timedelta(days=10)), _single(today + timedelta(days=38))],
            "Simuleringssenteret",
            0,
        ),
        (
            "oslo-universitetssykehus",
            EventPage,
            "karrieredag",
            "Karrieredag for sykepleierstudenter",
            everyone,
            [_single(today + timedelta(days=21), time(10), time(14))],
            "HR-avdelingen",
            None,
        ),
        (
            "oslo-universitetssykehus",
            CoursePage,
            "parorendeskole-demens",
            "Pårørendeskole om demens",
            patients,
            [_weekly(monday + timedelta(days=2), 5, time(18), time(20))],
            "Alderspsykiatrisk avdeling",
            0,
        ),
        (
            "helse-bergen",
            CoursePage,
            "mestringskurs-kols",
            "Mestringskurs for personer med kols",
            patients,
            [_weekly(monday, 4, time(12), time(14), skip_week=1)],
            "Lærings- og mestringssenteret",
            0,
        ),
        (
            "helse-bergen",
            CoursePage,
            "ultralydkurs",
            "Grunnkurs i ultralyd",
            staff,
            [_single(today + timedelta(days=15)), _single(today + timedelta(days=16))],
            "Kvinneklinikken",
            4500,
        ),
        (
            "helse-bergen",
            EventPage,
            "apen-dag",
            "Åpen dag på sykehuset",
            everyone,
            [_single(today + timedelta(days=30), time(11), time(15))],
            "Kommunikasjonsavdelingen",
            None,
        ),
        (
            "stolav",
            CoursePage,
            "fodselsforberedende-kurs",
            "Fødselsforberedende kurs",
            patients,
            [_weekly(monday + timedelta(days=3), 3, time(18), time(20))],
            "Kvinneklinikken",
            0,
        ),
        (
            "stolav",
            CoursePage,
            "veiledning-lis",
            "Veilederkurs for overleger",
            staff,
            [_single(today + timedelta(days=25)), _single(today + timedelta(days=26))],
            "Seksjon for utdanning",
            0,
        ),
        (
            "stolav",
            EventPage,
            "fagdag-akuttmedisin",
            "Fagdag i akuttmedisin",
            staff,
            [_single(today + timedelta(days=45), time(8, 30), time(16))],
            "Akuttklinikken",
            1200,
        ),
        (
            "unn",
            CoursePage,
            "kurs-kreft-og-kosthold",
            "Kreft og kosthold – kurs for pasienter",
            patients,
            [_single(today + timedelta(days=12), time(13), time(15))],
            "Lærings- og mestringssenteret",
            0,
        ),
        (
            "unn",
            EventPage,
            "rekrutteringsmote",
            "Rekrutteringsmøte for sommervikarer",
            everyone,
            [_single(today + timedelta(days=8), time(16), time(18))],
            "HR-avdelingen",
            None,
        ),
        (
            "ahus",
            CoursePage,
            "smertemestring",
            "Mestring av langvarige smerter",
            patients,
            [_weekly(monday + timedelta(days=1), 8, time(10), time(12), skip_week=4)],
            "Smerteklinikken",
            0,
        ),
        (
            "ahus",
            CoursePage,
            "medikamentregning",
            "Medikamentregning for nyansatte",
            staff,
            [_single(today + timedelta(days=5), time(9), time(12))],
            "Fagutviklingsenheten",
            0,
        ),
        (
            "helse-stavanger",
            CoursePage,
            "epilepsiskole",
            "Epilepsiskole for foreldre",
            patients,
            [_single(today + timedelta(days=19)), _single(today + timedelta(days=20))],
            "Barne- og ungdomsklinikken",
            0,
        ),
        (
            "helse-stavanger",
            EventPage,
            "forskningsdag",
            "Forskningens dag",
            everyone,
            [_single(today + timedelta(days=33), time(12), time(16))],
            "Forskningsavdelingen",
            None,
        ),
    ]


def ensure_activity(index, model, slug, title, audience, dates, organiser, price, report):
    digital = slug in DIGITAL_ACTIVITIES
    professions = Profession.objects.filter(slug__in=ACTIVITY_PROFESSIONS.get(slug, []))
    ensure_child(
        index,
        model,
        slug,
        report,
        title=title,
        audience=audience,
        summary=f"{title}. {SAMPLE_NOTE}",
        body=rich(f"Velkommen! Ta med spørsmål du ønsker å få svar på.\n\n{SAMPLE_NOTE}"),
        dates=dates,
        place="Auditoriet, bygg 1",
        address="Eksempelveien 1",
        digital_link="https://meet.eksempel.no/kurs" if digital else "",
        registration_url="https://pamelding.eksempel.no/" + slug,
        capacity=40,
        price=price,
        organiser=organiser,
        contacts=[_contact("Ola Eksempel", "Kurskoordinator", "ola@eksempel.no")],
        professions=list(professions),
    )


def ensure_education(index, programme, title, slug, professions, report):
    ensure_child(
        index,
        EducationPage,
        slug,
        report,
        title=title,
        programme=programme,
        summary=f"Slik er utdanningen av leger i spesialisering organisert hos oss. {SAMPLE_NOTE}",
        education_plan=rich(
            "Utdanningsplanen beskriver læringsarenaer, veiledning, supervisjon og vurdering."
        ),
        education_plan_url="https://www.helsedirektoratet.no/",
        learning_activities=[
            ("activity", {"title": "Veiledning", "description": "Fast veileder hver måned."}),
            ("activity", {"title": "Internundervisning", "description": "Hver onsdag morgen."}),
            ("activity", {"title": "Simuleringstrening", "description": "To ganger i året."}),
        ],
        contacts=[_contact("Per Eksempel", "Utdanningsansvarlig overlege", "per@eksempel.no")],
        professions=[professions["lege"]],
    )


def load_careers_demo(report, stdout):
    today = timezone.localdate()
    default = Locale.get_default()
    professions = ensure_professions(report)
    portal = PortalHomePage.objects.filter(locale=default).first()
    if portal:
        with transaction.atomic():
            ensure_index(portal, report, national=True)
    trusts = list(HealthTrust.objects.filter(site__isnull=False).select_related("site__root_page"))
    indexes = {}
    for trust in trusts:
        with transaction.atomic():
            indexes[trust.slug] = ensure_index(trust.site.root_page, report)
            add_to_menu(trust.site, indexes[trust.slug], position=2)
    stdout(f"Careers: /jobb/ on {len(indexes)} sites.")
    for slug, count in JOB_SITES:
        if slug not in indexes:
            continue
        trust = next(t for t in trusts if t.slug == slug)
        with transaction.atomic():
            ensure_jobs(indexes[slug], trust, count, professions, today, report)
        stdout(f"Careers: {count} jobs at {trust.name}.")
    for slug, model, page_slug, title, audience, dates, organiser, price in activities(today):
        if slug in indexes:
            with transaction.atomic():
                ensure_activity(
                    indexes[slug],
                    model,
                    page_slug,
                    title,
                    audience,
                    dates,
                    organiser,
                    price,
                    report,
                )
    stdout("Careers: courses and events.")
    for slug, programme, title, page_slug in EDUCATION:
        if slug in indexes:
            with transaction.atomic():
                ensure_education(indexes[slug], programme, title, page_slug, professions, report)
    for slug in ("oslo-universitetssykehus", "helse-bergen"):
        if slug not in indexes:
            continue
        for profession in professions.values():
            with transaction.atomic():
                ensure_child(
                    indexes[slug],
                    ProfessionPage,
                    f"yrke-{profession.slug}",
                    report,
                    title=f"Jobb som {profession.name.lower()}",
                    profession=profession,
                    summary=f"{profession.description} {SAMPLE_NOTE}",
                    body=rich(
                        "Du jobber i tverrfaglige team, med gode muligheter for fagutvikling "
                        f"og videreutdanning.\n\n{SAMPLE_NOTE}"
                    ),
                )
    stdout("Careers: education and professions.")
