"""Open data: national patient information with each hospital's local additions."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Max, Q, prefetch_related_objects
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from core.api import (
    ApiError,
    HospitalRef,
    LinkedPages,
    Rows,
    absolute,
    choice,
    hospital_ref,
    id_in_path,
    parse_since,
    set_last_modified,
    text_of,
)
from core.sites import SiteDirectory, on_sites
from home.blocks import ContactCardBlock
from treatments.models import Category, Treatment, TreatmentPage
from treatments.models.local import local_offers
from treatments.stages import STAGE_LABELS, Kind, stages_for
from treatments.validators import validate_icd10

router = Router(tags=["treatments"])
LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


class Section(Schema):
    key: str
    title: str
    html: str
    text: str


class CategoryOut(Schema):
    slug: str
    name: str


class DiagnosisOut(Schema):
    icd10: str
    name: str
    helsenorge_url: str | None


class Governance(Schema):
    responsible_trust: str | None
    content_owner: str
    clinical_owner: str
    approved_date: datetime.date | None
    next_review: datetime.date | None


class PlaceOut(Schema):
    name: str
    reporting_point: str | None
    visiting_address: str | None


class ContactCardOut(Schema):
    title: str | None
    department: dict | None
    places: list[PlaceOut]
    opening_hours: str | None
    phone: str | None
    phone_hours: str | None
    email: str | None


class LocationOut(Schema):
    name: str
    visiting_address: str
    url: str | None


class LocalOffer(Schema):
    hospital: HospitalRef
    url: str
    locale: str
    sections: list[Section]
    contact_cards: list[ContactCardOut]
    locations: list[LocationOut]
    practical_information: Section | None
    waiting_time_url: str | None
    last_modified: datetime.datetime | None


class TreatmentSummaryOut(Schema):
    """A row of the list: the national text without the hospitals' local offers, which are on
    the detail (`url`); with them, a page of 100 rows at 55 sites weighed megabytes."""

    id: int
    url: str
    slug: str
    locale: str
    title: str
    kind: str
    summary: str
    category: CategoryOut
    diagnoses: list[DiagnosisOut]
    sections: list[Section]
    warning: Section | None
    governance: Governance
    last_modified: datetime.datetime | None


class TreatmentOut(TreatmentSummaryOut):
    offered_at: list[LocalOffer]


class TreatmentFilters(Schema):
    q: str | None = None
    category: str | None = None
    icd10: str | None = None
    kind: str | None = None
    hospital: str | None = None
    locale: str | None = None
    modified_since: str | None = None


def section(key, title, html):
    return {"key": key, "title": str(title), "html": html, "text": text_of(html)}


def local_sections(page, kind):
    return [
        section(key, STAGE_LABELS[key], getattr(page, f"local_{key}"))
        for key in stages_for(kind)
        if getattr(page, f"local_{key}")
    ]


def contact_cards_by_page(request, pages):
    """Every page's contact cards, with departments and locations loaded in bulk."""
    block = ContactCardBlock()
    raw = [
        (page.pk, child["value"])
        for page in pages
        for child in page.contact_cards.raw_data
        if child["type"] == "contact"
    ]
    values = block.bulk_to_python([value for _pk, value in raw])
    departments = [value["department"] for value in values if value["department"]]
    prefetch_related_objects(departments, "department_locations__location")
    cards = {page.pk: [] for page in pages}
    for (page_pk, _raw), value in zip(raw, values, strict=True):
        contact = dict(value.contact)
        department = contact["department"]
        contact["department"] = (
            {"name": department.title, "url": absolute(request, department.get_url(request))}
            if department
            else None
        )
        cards[page_pk].append(contact)
    return cards


def offer_json(request, trust, page, kind, cards):
    return {
        "hospital": hospital_ref(trust),
        "url": absolute(request, page.get_url(request)),
        "locale": page.locale.language_code,
        "sections": local_sections(page, kind),
        "contact_cards": cards.get(page.pk, []),
        "locations": [
            {
                "name": location.title,
                "visiting_address": location.visiting_address,
                "url": absolute(request, location.get_url(request)),
            }
            for location in page.locations.all()
        ],
        "practical_information": section(
            "practical_information", "Praktisk informasjon", page.practical_information
        )
        if page.practical_information
        else None,
        "waiting_time_url": page.waiting_time_url or None,
        "last_modified": page.last_published_at,
    }


def treatment_json(request, treatment):
    return {
        "id": treatment.pk,
        "url": absolute(request, reverse("open-api:treatment_detail", args=[treatment.pk])),
        "slug": treatment.slug,
        "locale": treatment.locale.language_code,
        "title": treatment.title,
        "kind": treatment.kind,
        "summary": treatment.summary,
        "category": {"slug": treatment.category.slug, "name": treatment.category.name},
        "diagnoses": [
            {"icd10": d.icd10, "name": d.name, "helsenorge_url": d.helsenorge_url or None}
            for d in treatment.diagnoses.all()
        ],
        "sections": [section(key, label, html) for key, label, html in treatment.stages()],
        "warning": section("warning", "Kontakt lege", treatment.warning)
        if treatment.warning
        else None,
        "governance": {
            "responsible_trust": treatment.responsible_trust.slug
            if treatment.responsible_trust
            else None,
            "content_owner": treatment.content_owner,
            "clinical_owner": treatment.clinical_owner,
            "approved_date": treatment.approved_date,
            "next_review": treatment.next_review,
        },
        "last_modified": treatment.last_published_at,
    }


def filtered(filters: TreatmentFilters):
    language = choice(filters.locale, LANGUAGES, "locale") or settings.LANGUAGE_CODE
    treatments = Treatment.objects.live().filter(locale__language_code=language)
    if choice(filters.kind, Kind.values, "kind"):
        treatments = treatments.filter(kind=filters.kind)
    if filters.category:
        if not Category.objects.filter(slug=filters.category).exists():
            raise ApiError(400, f"Unknown category {filters.category[:60]!r}.")
        treatments = treatments.filter(category__slug=filters.category)
    if filters.icd10:
        code = filters.icd10.strip().upper()
        try:
            validate_icd10(code)
        except ValidationError:
            raise ApiError(400, "icd10 must be an ICD-10 code such as C50 or C50.9.") from None
        ids = Treatment.objects.filter(diagnoses__icd10__startswith=code).values("pk")
        treatments = treatments.filter(pk__in=ids)
    if filters.hospital:
        treatments = treatments.filter(translation_key__in=offered_at_hospital(filters.hospital))
    if filters.q:
        q = filters.q[:200]
        treatments = treatments.filter(Q(title__icontains=q) | Q(summary__icontains=q))
    since = parse_since(filters.modified_since)
    if since:
        treatments = treatments.filter(last_published_at__gte=since)
    return treatments


def offered_at_hospital(slug):
    paths = SiteDirectory().paths(trust_slug=slug)
    if not paths:
        raise ApiError(400, f"Unknown hospital {slug[:60]!r}.")
    return on_sites(TreatmentPage.objects.live(), paths).values("treatment__translation_key")


def with_relations(treatments):
    return treatments.select_related("category", "locale", "responsible_trust").prefetch_related(
        "diagnoses"
    )


@router.get("/treatments", response=list[TreatmentSummaryOut], summary="National treatments")
@paginate(LinkedPages)
def treatment_list(request, filters: Query[TreatmentFilters]):
    """Live national treatments with their patient-journey sections; where each is offered is
    on its detail (`url`)."""
    treatments = filtered(filters)

    def build(rows):
        set_last_modified(request, treatments.aggregate(last=Max("last_published_at"))["last"])
        return [treatment_json(request, t) for t in rows]

    return Rows(with_relations(treatments).order_by("title", "pk"), build)


@router.get("/treatments/{treatment_id}", response=TreatmentOut, summary="One national treatment")
def treatment_detail(request, treatment_id: int = id_in_path("The treatment's id.")):
    treatment = with_relations(Treatment.objects.live()).filter(pk=treatment_id).first()
    if treatment is None:
        raise ApiError(404, f"No published national treatment has id {treatment_id}.")
    offers = local_offers([treatment.translation_key], treatment.locale.language_code)
    pages = [page for _trust, page in offers[treatment.translation_key]]
    cards = contact_cards_by_page(request, pages)
    data = treatment_json(request, treatment) | {
        "offered_at": [
            offer_json(request, trust, page, treatment.kind, cards)
            for trust, page in offers[treatment.translation_key]
        ]
    }
    times = [treatment.last_published_at] + [o["last_modified"] for o in data["offered_at"]]
    set_last_modified(request, max(filter(None, times), default=None))
    return data
