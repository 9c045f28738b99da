"""Open data: national patient information with each hospital's local additions."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Max, OuterRef, Q, Subquery, Value, prefetch_related_objects
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from core.api import (
    LICENCE,
    ApiError,
    HospitalRef,
    LicenceOut,
    LinkedPages,
    Rows,
    SinceFilter,
    absolute,
    choice,
    hospital_ref,
    id_in_path,
    latest_removal,
    newest,
    parse_since,
    removals_endpoint,
    set_last_modified,
    text_of,
)
from core.models import Tombstone
from core.sites import SiteDirectory, on_sites
from home.blocks import ContactCardBlock
from treatments.models import Category, Treatment, TreatmentPage
from treatments.models.index import national_url, portal_sections
from treatments.models.local import local_offers
from treatments.stages import STAGE_LABELS, Kind, stages_for
from treatments.validators import validate_icd10

router = Router(tags=["treatments"])
COLLECTION = "treatments"
# Hospitals' offers (TreatmentPage) that were unpublished or deleted: they change the national
# treatment's detail, and are not a collection of their own (treatments/apps.py).
OFFERS = "offers"
# Below every publication, so that Greatest() never meets a NULL (SQLite's MAX() would return it).
NEVER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
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


class TranslationOut(Schema):
    locale: str
    id: int
    url: str
    web_url: str | None


class TreatmentSummaryOut(Schema):
    """A row of the list: what a list shows and the links to the rest. The journey stages and
    the hospitals' local offers are on the detail (`url`): with them, a page of 100 rows at
    55 sites weighed megabytes."""

    id: int
    url: str
    web_url: str | None
    slug: str
    locale: str
    languages: list[str]
    translations: list[TranslationOut]
    title: str
    alternative_names: list[str]
    kind: str
    summary: str
    category: CategoryOut
    diagnoses: list[DiagnosisOut]
    date_published: datetime.datetime | None
    date_modified: datetime.datetime | None
    licence: LicenceOut


class TreatmentOut(TreatmentSummaryOut):
    sections: list[Section]
    warning: Section | None
    governance: Governance
    offered_at: list[LocalOffer]


class TreatmentFilters(SinceFilter):
    q: str | None = None
    category: str | None = None
    icd10: str | None = None
    kind: str | None = None
    hospital: str | None = None
    locale: str | None = None


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


def api_url(request, treatment):
    return absolute(request, reverse("open-api:treatment_detail", args=[treatment.pk]))


def summaries(request, treatments):
    """List rows for `treatments` (annotated `with_date_modified`): their translations and
    portal pages are loaded for all of them at once, in two queries."""
    sections = portal_sections()
    versions = {}
    for version in (
        Treatment.objects.live()
        .filter(translation_key__in={t.translation_key for t in treatments})
        .select_related("locale")
        .only("pk", "slug", "translation_key", "locale__language_code")
        .order_by("locale__language_code")
    ):
        versions.setdefault(version.translation_key, []).append(version)
    return [summary_json(request, t, sections, versions[t.translation_key]) for t in treatments]


def summary_json(request, treatment, sections, versions):
    return {
        "id": treatment.pk,
        "url": api_url(request, treatment),
        "web_url": absolute(request, national_url(request, sections, treatment)),
        "slug": treatment.slug,
        "locale": treatment.locale.language_code,
        "languages": [v.locale.language_code for v in versions],
        "translations": [
            {
                "locale": v.locale.language_code,
                "id": v.pk,
                "url": api_url(request, v),
                "web_url": absolute(request, national_url(request, sections, v)),
            }
            for v in versions
            if v.pk != treatment.pk
        ],
        "title": treatment.title,
        "alternative_names": treatment.alternative_name_list(),
        "kind": treatment.kind,
        "summary": treatment.summary,
        "category": {"slug": treatment.category.slug, "name": treatment.category.name},
        "diagnoses": [
            {"icd10": d.icd10, "name": d.name, "helsenorge_url": d.helsenorge_url or None}
            for d in treatment.diagnoses.all()
        ],
        "date_published": treatment.first_published_at,
        "date_modified": treatment.date_modified,
        "licence": LICENCE,
    }


def full_text(treatment):
    """What only the detail carries besides the local offers: the journey and governance."""
    return {
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
    }


def with_date_modified(treatments):
    """`date_modified`: the newest of the national text's publication and its hospitals'
    changes, a local page published or removed (so `modified_since` finds a treatment whose
    offer at one hospital changed)."""
    offers = (
        TreatmentPage.objects.live()
        .filter(treatment__translation_key=OuterRef("translation_key"))
        .order_by("-last_published_at")
        .values("last_published_at")[:1]
    )
    removals = (
        Tombstone.objects.filter(collection=OFFERS, parent_key=OuterRef("translation_key"))
        .order_by("-removed_at")
        .values("removed_at")[:1]
    )
    never = Value(NEVER)
    return treatments.annotate(
        date_modified=Greatest(
            Coalesce("last_published_at", never),
            Coalesce(Subquery(offers), never),
            Coalesce(Subquery(removals), never),
        )
    )


def filtered(filters: TreatmentFilters):
    language = choice(filters.locale, LANGUAGES, "locale") or settings.LANGUAGE_CODE
    treatments = with_date_modified(Treatment.objects.live()).filter(locale__language_code=language)
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
        treatments = treatments.filter(date_modified__gte=since)
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
    """Live national treatments, light: the journey stages and where each is offered are on
    its detail (`url`)."""
    treatments = filtered(filters)

    def build(rows):
        last = treatments.aggregate(last=Max("date_modified"))["last"]
        set_last_modified(request, newest(last, latest_removal(COLLECTION)))
        return summaries(request, rows)

    return Rows(with_relations(treatments).order_by("title", "pk"), build)


removals_endpoint(
    router, COLLECTION, "National treatments", "Each language's version has its own id."
)


@router.get("/treatments/{treatment_id}", response=TreatmentOut, summary="One national treatment")
def treatment_detail(request, treatment_id: int = id_in_path("The treatment's id.")):
    treatment = (
        with_relations(with_date_modified(Treatment.objects.live())).filter(pk=treatment_id).first()
    )
    if treatment is None:
        raise ApiError(404, f"No published national treatment has id {treatment_id}.")
    offers = local_offers([treatment.translation_key], treatment.locale.language_code)
    pages = [page for _trust, page in offers[treatment.translation_key]]
    cards = contact_cards_by_page(request, pages)
    set_last_modified(request, treatment.date_modified)
    return (
        summaries(request, [treatment])[0]
        | full_text(treatment)
        | {
            "offered_at": [
                offer_json(request, trust, page, treatment.kind, cards)
                for trust, page in offers[treatment.translation_key]
            ]
        }
    )
