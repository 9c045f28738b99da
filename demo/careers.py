"""The careers section: professions, /jobb/ on every site, jobs, courses, events, education.

Dates count from the day the demo was first loaded; since nothing is created again, old demo
jobs expire like real ones do.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from careers.factories import (
    CareersIndexPageFactory,
    CoursePageFactory,
    EducationPageFactory,
    EventPageFactory,
    JobPageFactory,
    ProfessionFactory,
    ProfessionPageFactory,
    single,
    weekly,
)
from careers.models import Profession
from core.models import HealthTrust
from demo.build import Children, ensure_child, rich
from demo.data import SAMPLE_NOTE
from demo.data.careers import (
    ACTIVITIES,
    ACTIVITY_PROFESSIONS,
    DEADLINE_OFFSETS,
    DIGITAL_ACTIVITIES,
    EDUCATION,
    JOB_SITES,
    JOB_TEMPLATES,
    LOCATIONS,
    PROFESSIONS,
)
from demo.sites import add_to_menu
from home.models import PortalHomePage

ACTIVITY_FACTORIES = {"course": CoursePageFactory, "event": EventPageFactory}
# Hospitals with a page about each profession.
PROFESSION_SITES = ("oslo-universitetssykehus", "helse-bergen")


def load_careers(report, stdout):
    today = timezone.localdate()
    professions = ensure_professions(report)
    portal = PortalHomePage.objects.filter(locale=Locale.get_default()).first()
    if portal:
        with transaction.atomic():
            ensure_index(portal, report, national=True)
    trusts = {
        trust.slug: trust
        for trust in HealthTrust.objects.with_site().select_related("site__root_page")
    }
    indexes = {}
    for trust in trusts.values():
        with transaction.atomic():
            indexes[trust.slug] = ensure_index(trust.site.root_page, report)
            add_to_menu(trust.site, indexes[trust.slug], position=2)
    stdout(f"Careers: /jobb/ on {len(indexes)} sites.")
    for slug, count in JOB_SITES:
        if slug in indexes:
            with transaction.atomic():
                ensure_jobs(indexes[slug], trusts[slug], count, professions, today, report)
            stdout(f"Careers: {count} jobs at {trusts[slug].name}.")
    for row in ACTIVITIES:
        if row[0] in indexes:
            with transaction.atomic():
                ensure_activity(indexes[row[0]], row, today, report)
    stdout("Careers: courses and events.")
    for slug, programme, title, page_slug in EDUCATION:
        if slug in indexes:
            with transaction.atomic():
                ensure_education(indexes[slug], programme, title, page_slug, professions, report)
    for slug in PROFESSION_SITES:
        if slug in indexes:
            pages = Children(ProfessionPageFactory, indexes[slug], report)
            for profession in professions.values():
                with transaction.atomic():
                    ensure_profession_page(pages, profession)
    stdout("Careers: education and professions.")


def contact(name, role, email):
    return ("contact", {"name": name, "role": role, "phone": "22 00 00 00", "email": email})


def ensure_professions(report):
    existing = {profession.slug: profession for profession in Profession.objects.all()}
    professions = {}
    for slug, name, description in PROFESSIONS:
        if slug not in existing:
            existing[slug] = ProfessionFactory(slug=slug, name=name, description=description)
            report.count("professions")
        professions[slug] = existing[slug]
    return professions


def ensure_index(parent, report, national=False):
    return ensure_child(
        CareersIndexPageFactory,
        parent,
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
    jobs = Children(JobPageFactory, index, report)
    for number in range(count):
        title, profession, department, position_type, percentage = JOB_TEMPLATES[number]
        deadline = today + timedelta(days=DEADLINE_OFFSETS[number])
        jobs.ensure(
            f"stilling-{number + 1}",
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
            contacts=[contact("Kari Eksempel", "Seksjonsleder", "kari@eksempel.no")],
            apply_url=f"https://candidate.webcruiter.com/eksempel/{trust.slug}-{number + 1}",
        )


def schedule(dates, today):
    """The page's dates from the data's days-from-today rows."""
    monday = today + timedelta(days=7 - today.weekday())
    blocks = []
    for kind, *spec in dates:
        if kind == "single":
            days, start, end = spec
            blocks.append(single(today + timedelta(days=days), start, end))
        else:
            days, weeks, start, end, skip_week = spec
            first = monday + timedelta(days=days)
            skipped = [first + timedelta(weeks=skip_week)] if skip_week is not None else []
            last = first + timedelta(weeks=weeks - 1)
            blocks.append(weekly(first, last, first.weekday(), start, end, skipped))
    return blocks


def ensure_activity(index, row, today, report):
    _site, kind, slug, title, audience, dates, organiser, price = row
    ensure_child(
        ACTIVITY_FACTORIES[kind],
        index,
        slug,
        report,
        title=title,
        audience=audience,
        summary=f"{title}. {SAMPLE_NOTE}",
        body=rich(f"Velkommen! Ta med spørsmål du ønsker å få svar på.\n\n{SAMPLE_NOTE}"),
        dates=schedule(dates, today),
        place="Auditoriet, bygg 1",
        address="Eksempelveien 1",
        digital_link="https://meet.eksempel.no/kurs" if slug in DIGITAL_ACTIVITIES else "",
        registration_url="https://pamelding.eksempel.no/" + slug,
        capacity=40,
        price=price,
        organiser=organiser,
        contacts=[contact("Ola Eksempel", "Kurskoordinator", "ola@eksempel.no")],
        professions=list(Profession.objects.filter(slug__in=ACTIVITY_PROFESSIONS.get(slug, []))),
    )


def ensure_education(index, programme, title, slug, professions, report):
    ensure_child(
        EducationPageFactory,
        index,
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
        contacts=[contact("Per Eksempel", "Utdanningsansvarlig overlege", "per@eksempel.no")],
        professions=[professions["lege"]],
    )


def ensure_profession_page(pages, profession):
    pages.ensure(
        f"yrke-{profession.slug}",
        title=f"Jobb som {profession.name.lower()}",
        profession=profession,
        summary=f"{profession.description} {SAMPLE_NOTE}",
        body=rich(
            "Du jobber i tverrfaglige team, med gode muligheter for fagutvikling "
            f"og videreutdanning.\n\n{SAMPLE_NOTE}"
        ),
    )
