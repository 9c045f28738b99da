"""Open data: clinical trials, as JSON and CSV (helsenorge.no fetches these)."""

import csv
import datetime

from django.core.exceptions import ValidationError
from django.db.models import Max, Q
from django.http import HttpResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema
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
    latest_removal,
    newest,
    parse_since,
    removals_endpoint,
    set_last_modified,
    timestamp,
)
from core.models import HealthTrust, Region
from treatments.models import Treatment
from treatments.validators import validate_icd10
from trials.models import TrialPage
from trials.status import Status, status_rank_expression

router = Router(tags=["trials"])
COLLECTION = "trials"


class Identifiers(Schema):
    nct: str | None
    eu_ct: str | None
    rek: str | None
    cristin: str | None


class Contact(Schema):
    name: str
    phone: str | None
    email: str | None


class Coded(Schema):
    slug: str
    name: str


class DiagnosisRef(Schema):
    icd10: str
    name: str


class TrialOut(Schema):
    id: int
    slug: str
    title: str
    scientific_title: str | None
    summary: str
    eligibility: str
    study_type: str
    phase: str | None
    status: str
    status_override: str | None
    inclusion_start: datetime.date
    inclusion_end: datetime.date | None
    target_participants: int | None
    contact: Contact
    identifiers: Identifiers
    categories: list[Coded]
    diagnoses: list[DiagnosisRef]
    treatments: list[Coded]
    responsible_hospital: HospitalRef | None
    participating_hospitals: list[HospitalRef]
    url: str
    first_published: datetime.datetime | None
    last_modified: datetime.datetime | None


class TrialFilters(Schema):
    status: str | None = None
    region: str | None = None
    hospital: str | None = None
    icd10: str | None = None
    treatment: str | None = None
    q: str | None = None
    modified_since: str | None = None


def trial_json(request, trial):
    return {
        "id": trial.pk,
        "slug": trial.slug,
        "title": trial.title,
        "scientific_title": trial.scientific_title or None,
        "summary": trial.summary,
        "eligibility": trial.eligibility,
        "study_type": trial.study_type,
        "phase": trial.phase or None,
        "status": trial.recruitment_status,
        "status_override": trial.status_override or None,
        "inclusion_start": trial.inclusion_start,
        "inclusion_end": trial.inclusion_end,
        "target_participants": trial.target_participants,
        "contact": {
            "name": trial.contact_name,
            "phone": trial.contact_phone or None,
            "email": trial.contact_email or None,
        },
        "identifiers": {
            "nct": trial.nct_number or None,
            "eu_ct": trial.eu_ct_number or None,
            "rek": trial.rek_number or None,
            "cristin": trial.cristin_project_id or None,
        },
        "categories": [{"slug": c.slug, "name": c.name} for c in trial.categories.all()],
        "diagnoses": [{"icd10": d.icd10, "name": d.name} for d in trial.diagnoses.all()],
        "treatments": [{"slug": t.slug, "name": t.title} for t in trial.treatments.all()],
        "responsible_hospital": hospital_ref(trial.responsible_trust),
        "participating_hospitals": [hospital_ref(t) for t in trial.participating_trusts.all()],
        "url": absolute(request, trial.get_url(request)),
        "first_published": trial.first_published_at,
        "last_modified": trial.last_published_at,
    }


def live_trials():
    return TrialPage.objects.live().public().with_status(timezone.localdate())


def filtered(filters: TrialFilters):
    trials = live_trials()
    if choice(filters.status, Status.values, "status"):
        trials = trials.filter(recruitment_status=filters.status)
    if filters.region:
        choice(filters.region, set(Region.objects.values_list("slug", flat=True)), "region")
        trials = trials.filter(responsible_trust__region__slug=filters.region)
    if filters.hospital:
        choice(
            filters.hospital, set(HealthTrust.objects.values_list("slug", flat=True)), "hospital"
        )
        # A hospital's trials: those it is responsible for or takes part in.
        ids = TrialPage.objects.filter(
            Q(responsible_trust__slug=filters.hospital)
            | Q(participating_trusts__slug=filters.hospital)
        ).values("pk")
        trials = trials.filter(pk__in=ids)
    if filters.icd10:
        code = filters.icd10.strip().upper()
        try:
            validate_icd10(code)
        except ValidationError:
            raise ApiError(400, "icd10 must be an ICD-10 code such as C50 or C50.9.") from None
        trials = trials.filter(
            pk__in=TrialPage.objects.filter(diagnoses__icd10__startswith=code).values("pk")
        )
    if filters.treatment:
        keys = Treatment.objects.filter(slug=filters.treatment).values("translation_key")
        if not keys.exists():
            raise ApiError(400, f"Unknown treatment {filters.treatment[:60]!r}.")
        trials = trials.filter(
            pk__in=TrialPage.objects.filter(treatments__translation_key__in=keys).values("pk")
        )
    if filters.q:
        q = filters.q[:200]
        trials = trials.filter(
            Q(title__icontains=q) | Q(summary__icontains=q) | Q(scientific_title__icontains=q)
        )
    since = parse_since(filters.modified_since)
    if since:
        trials = trials.filter(last_published_at__gte=since)
    return trials


def ordered_rows(trials):
    return (
        trials.annotate(rank=status_rank_expression())
        .select_related("responsible_trust__region")
        .prefetch_related("categories", "diagnoses", "treatments", "participating_trusts__region")
        .order_by("rank", "-first_published_at", "pk")
    )


def record_last_modified(request, trials):
    """The newest publication among the rows, or removal from the collection (which changes
    the list too)."""
    last = trials.aggregate(last=Max("last_published_at"))["last"]
    set_last_modified(request, newest(last, latest_removal(COLLECTION)))


@router.get("/trials", response=list[TrialOut], summary="Clinical trials in the country")
@paginate(LinkedPages)
def trial_list(request, filters: Query[TrialFilters]):
    """Live trials, open first then newest; status is computed for today."""
    trials = filtered(filters)
    record_last_modified(request, trials)
    return Rows(ordered_rows(trials), lambda rows: [trial_json(request, t) for t in rows])


CSV_COLUMNS = [
    "id", "slug", "title", "scientific_title", "summary", "eligibility", "status", "study_type",
    "phase", "inclusion_start", "inclusion_end", "target_participants", "responsible_hospital",
    "participating_hospitals", "region", "categories", "icd10", "treatments", "nct", "eu_ct",
    "rek", "cristin", "contact_name", "contact_phone", "contact_email", "url", "first_published",
    "last_modified",
]  # fmt: skip


def csv_row(row):
    responsible = row["responsible_hospital"] or {}
    return [
        row["id"], row["slug"], row["title"], row["scientific_title"] or "", row["summary"],
        row["eligibility"], row["status"],
        row["study_type"], row["phase"] or "", row["inclusion_start"], row["inclusion_end"] or "",
        row["target_participants"] or "", responsible.get("slug", ""),
        " ".join(h["slug"] for h in row["participating_hospitals"]),
        (responsible.get("region") or {}).get("slug", ""),
        " ".join(c["slug"] for c in row["categories"]),
        " ".join(d["icd10"] for d in row["diagnoses"]),
        " ".join(t["slug"] for t in row["treatments"]),
        row["identifiers"]["nct"] or "", row["identifiers"]["eu_ct"] or "",
        row["identifiers"]["rek"] or "", row["identifiers"]["cristin"] or "",
        row["contact"]["name"], row["contact"]["phone"] or "", row["contact"]["email"] or "",
        row["url"], timestamp(row["first_published"]), timestamp(row["last_modified"]),
    ]  # fmt: skip


class CsvOptions(Schema):
    bom: bool = Field(
        True,
        description="Start with a UTF-8 byte-order mark, which Excel needs to read æ, ø and å; "
        "false leaves it out.",
    )


@router.get("/trials.csv", summary="Clinical trials as CSV", response={200: str})
def trial_csv(request, filters: Query[TrialFilters], options: Query[CsvOptions]):
    """The same rows and filters as /trials, as UTF-8 CSV with a header row, all pages at once;
    date-times written as in the JSON."""
    trials = filtered(filters)
    record_last_modified(request, trials)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kliniske-studier.csv"'
    if options.bom:
        response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for trial in ordered_rows(trials):
        writer.writerow(csv_row(trial_json(request, trial)))
    return response


removals_endpoint(router, COLLECTION, "Trials")


@router.get("/trials/{trial_id}", response=TrialOut, summary="One clinical trial")
def trial_detail(request, trial_id: int = id_in_path("The trial's id.")):
    trial = ordered_rows(live_trials()).filter(pk=trial_id).first()
    if trial is None:
        raise ApiError(404, f"No published clinical trial has id {trial_id}.")
    set_last_modified(request, trial.last_published_at)
    return trial_json(request, trial)
