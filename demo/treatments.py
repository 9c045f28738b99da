"""National treatments (with diagnoses, categories and English versions) and the hospitals'
local treatment pages."""

import datetime
import zlib

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from core.models import HealthTrust
from demo.build import Children, ensure_child, ensure_translation, rich
from demo.data import SAMPLE_NOTE
from demo.data.sites import HOSPITAL_KINDS
from demo.data.treatments import (
    ALTERNATIVE_NAMES,
    APPROVAL_STEP_DAYS,
    BUILDINGS,
    CATEGORIES,
    ENGLISH,
    ENGLISH_HOSPITALS,
    LOCAL_STAGE_TEXTS,
    SPECIALISED,
    STAGE_TEXTS,
    TREATMENTS,
    WARNING,
)
from demo.sites import add_to_menu
from home.models import DepartmentPage, HospitalHomePage, LocationPage, PortalHomePage
from treatments.factories import (
    CategoryFactory,
    DiagnosisFactory,
    TreatmentFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
)
from treatments.models import Category, Diagnosis, Treatment
from treatments.stages import STAGE_KEYS, Kind, stages_for


def load_treatments(report, stdout):
    with transaction.atomic():
        categories = ensure_categories(report)
        # Sorted here, not by the database, whose collation could change who offers what.
        hospitals = sorted(
            (
                trust
                for trust in HealthTrust.objects.with_site().select_related("site")
                if trust.kind in HOSPITAL_KINDS and trust.slug not in SPECIALISED
            ),
            key=lambda trust: trust.slug,
        )
        treatments = [
            ensure_treatment(n, row, categories, hospitals[n % len(hospitals)], report)
            for n, row in enumerate(TREATMENTS)
        ]
        for treatment in treatments:
            ensure_english(treatment, report)
        portal = PortalHomePage.objects.filter(locale=Locale.get_default()).first()
        if portal:
            ensure_index(portal, report, portal=True)
    english = Locale.objects.get(language_code="en")
    for number, trust in enumerate(hospitals, start=1):
        with transaction.atomic():
            offered = ensure_hospital_treatments(trust, hospitals, treatments, english, report)
        stdout(f"[treatments {number}/{len(hospitals)}] {trust.name}: {len(offered)} treatments")


def ensure_categories(report):
    existing = {c.slug: c for c in Category.objects.filter(locale=Locale.get_default())}
    for slug, name in CATEGORIES.items():
        if slug not in existing:
            existing[slug] = CategoryFactory(slug=slug, name=name)
            report.count("categories")
    return existing


def ensure_diagnosis(code, name, report):
    diagnosis = Diagnosis.objects.filter(icd10=code, locale=Locale.get_default()).first()
    if diagnosis is None:
        diagnosis = DiagnosisFactory(
            icd10=code, name=name, helsenorge_url=f"https://www.helsenorge.no/sok/?k={code}"
        )
        report.count("diagnoses")
    return diagnosis


def ensure_treatment(number, row, categories, responsible, report):
    title, slug, kind, category, diagnoses, summary, what = row
    treatment = Treatment.objects.filter(slug=slug, locale=Locale.get_default()).first()
    if treatment is not None:
        return treatment
    used = stages_for(kind)
    treatment = TreatmentFactory(
        title=title,
        slug=slug,
        alternative_names="\n".join(ALTERNATIVE_NAMES.get(slug, ())),
        kind=kind,
        summary=f"{summary} {SAMPLE_NOTE}",
        category=categories[category],
        diagnoses=[ensure_diagnosis(code, name, report) for code, name in diagnoses],
        responsible_trust=responsible,
        content_owner="Nasjonal fagredaksjon (eksempel)",
        clinical_owner="Fagansvarlig overlege (eksempel)",
        approved_date=timezone.localdate() - datetime.timedelta(days=APPROVAL_STEP_DAYS * number),
        warning=rich(WARNING) if kind != Kind.EXAMINATION else "",
        **{
            key: rich(STAGE_TEXTS[key].format(lower=title.lower(), what=what))
            if key in used
            else ""
            for key in STAGE_KEYS
        },
    )
    report.count("national treatments")
    return treatment


def ensure_english(treatment, report):
    english = Locale.objects.get(language_code="en")
    if treatment.slug not in ENGLISH or treatment.get_translation_or_none(english):
        return
    title, summary = ENGLISH[treatment.slug]
    translated = treatment.copy_for_translation(english)
    translated.title = title
    translated.summary = f"{summary} Sample content."
    for key in stages_for(treatment.kind):
        setattr(translated, key, rich(f"{title}: English sample text for this stage."))
    translated.warning = (
        rich("Contact a doctor if you get a fever or severe pain.") if treatment.warning else ""
    )
    translated.save()
    translated.save_revision().publish()
    report.count("translated national treatments")


def offering_hospitals(slug, hospitals):
    """A stable, varied set of 3–8 hospitals for each treatment."""
    seed = zlib.crc32(slug.encode())
    count = 3 + seed % 6
    start = seed % len(hospitals)
    return [hospitals[(start + step * 7) % len(hospitals)] for step in range(count)]


def ensure_index(home, report, portal=False):
    return ensure_child(
        TreatmentIndexPageFactory,
        home,
        "behandlinger",
        report,
        title="Behandlinger",
        intro=rich("Undersøkelser og behandlinger A–Å." + ("" if portal else " " + SAMPLE_NOTE)),
    )


def ensure_hospital_treatments(trust, hospitals, treatments, english, report):
    """The hospital's /behandlinger/ with a page per treatment it offers; return those."""
    home = HospitalHomePage.objects.get(pk=trust.site.root_page_id)
    index = ensure_index(home, report)
    add_to_menu(trust.site, index)
    offered = [
        treatment
        for treatment in treatments
        if trust in offering_hospitals(treatment.slug, hospitals)
        or (treatment.slug in ENGLISH and trust.slug in ENGLISH_HOSPITALS)
    ]
    home_en = home.get_translation_or_none(english)
    departments = list(DepartmentPage.objects.live().descendant_of(home).order_by("title"))
    locations = list(LocationPage.objects.live().descendant_of(home).order_by("title"))
    pages = Children(TreatmentPageFactory, index, report)
    for treatment in offered:
        page = ensure_local_page(pages, treatment, trust, departments, locations)
        if home_en and treatment.slug in ENGLISH:
            ensure_translation(index, english, report, title="Treatments", slug="treatments")
            ensure_translation(
                page,
                english,
                report,
                title=ENGLISH[treatment.slug][0],
                practical_information=rich("Parking and patient travel: sample content."),
                **{
                    f"local_{key}": rich(f"At {trust.name}: local sample text.")
                    for key in stages_for(treatment.kind)
                },
            )
    return offered


def contact_card(trust, building, departments):
    """A card pointing at one of the hospital's departments, or free text when it has none."""
    if departments:
        return ("contact", {"department": departments[0], "location": None, "title": ""})
    return (
        "contact",
        {
            "department": None,
            "location": None,
            "title": f"Poliklinikken, {trust.name}",
            "reporting_point": f"Resepsjonen i {building}",
            "visiting_address": "Eksempelveien 1, 0000 Eksempelby",
            "opening_hours": "Mandag–fredag 08.00–15.30",
            "phone": "22 00 00 00",
            "phone_hours": "Mandag–fredag 09.00–14.00",
            "email": f"poliklinikk@{trust.slug}.eksempel.no",
        },
    )


def ensure_local_page(pages, treatment, trust, departments, locations):
    building = BUILDINGS[zlib.crc32(f"{trust.slug}{treatment.slug}".encode()) % len(BUILDINGS)]
    # Spread the hospital's departments over its treatments, so cards differ between pages.
    offset = zlib.crc32(treatment.slug.encode()) % len(departments) if departments else 0
    return pages.ensure(
        treatment.slug,
        title=treatment.title,
        treatment=treatment,
        contact_cards=[contact_card(trust, building, departments[offset:] + departments[:offset])],
        practical_information=rich(
            f"Parkering: bruk parkeringshuset ved {building}. Pasientreiser: ring 05515. "
            + SAMPLE_NOTE
        ),
        waiting_time_url="https://www.helsenorge.no/velg-behandlingssted/",
        locations=locations[:2],
        **{
            f"local_{key}": rich(LOCAL_STAGE_TEXTS[key].format(trust=trust.name, building=building))
            for key in stages_for(treatment.kind)
        },
    )
