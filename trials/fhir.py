"""Clinical trials as HL7 FHIR R4 ResearchStudy resources (searchset Bundles)."""

import json
import re

from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from core.api import MAX_INTEGER, MAX_LIMIT, ApiError, parse_since, set_last_modified
from trials.api import live_trials, ordered_rows, record_last_modified
from trials.status import Status

FHIR_JSON = "application/fhir+json; charset=utf-8"
# R4 research-study-status for each of our statuses.
STATUS_CODES = {
    Status.OPEN: "active",
    Status.PLANNED: "approved",
    Status.CLOSED: "closed-to-accrual",
    Status.SUSPENDED: "temporarily-closed-to-accrual",
    Status.WITHDRAWN: "withdrawn",
}
FROM_STATUS_CODE = {code: status for status, code in STATUS_CODES.items()}
PHASE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-phase"
PHASE_CODES = {
    "": "n-a",
    "1": "phase-1",
    "1/2": "phase-1-phase-2",
    "2": "phase-2",
    "2/3": "phase-2-phase-3",
    "3": "phase-3",
    "4": "phase-4",
}
IDENTIFIER_SYSTEMS = {
    "nct_number": "https://clinicaltrials.gov",
    "eu_ct_number": "https://euclinicaltrials.eu",
    "rek_number": "https://rekportalen.no",
    "cristin_project_id": "https://www.cristin.no/projects",
}
ICD10_SYSTEM = "http://hl7.org/fhir/sid/icd-10"
LAST_UPDATED = re.compile(r"^(eq|ge|gt|le|lt)?(.+)$")


def fhir_response(data, status=200):
    body = json.dumps(data, ensure_ascii=False, default=str)
    return HttpResponse(body, status=status, content_type=FHIR_JSON)


def outcome(status, text, code="invalid"):
    return fhir_response(
        {
            "resourceType": "OperationOutcome",
            "issue": [{"severity": "error", "code": code, "diagnostics": text}],
        },
        status=status,
    )


def research_study(request, trial):
    resource = {
        "resourceType": "ResearchStudy",
        "id": str(trial.pk),
        "meta": {"lastUpdated": trial.last_published_at.isoformat()}
        if trial.last_published_at
        else None,
        "identifier": [
            {"use": "official", "system": system, "value": getattr(trial, field)}
            for field, system in IDENTIFIER_SYSTEMS.items()
            if getattr(trial, field)
        ],
        "title": trial.title,
        "status": STATUS_CODES[Status(trial.recruitment_status)],
        "phase": {
            "coding": [{"system": PHASE_SYSTEM, "code": PHASE_CODES[trial.phase]}],
            "text": trial.get_phase_display(),
        },
        "category": [{"text": category.name} for category in trial.categories.all()],
        "condition": [
            {
                "coding": [{"system": ICD10_SYSTEM, "code": d.icd10, "display": d.name}],
                "text": d.name,
            }
            for d in trial.diagnoses.all()
        ],
        "keyword": [{"text": treatment.title} for treatment in trial.treatments.all()],
        "contact": [
            {
                "name": trial.contact_name,
                "telecom": [
                    {"system": system, "value": value}
                    for system, value in (
                        ("phone", trial.contact_phone),
                        ("email", trial.contact_email),
                    )
                    if value
                ],
            }
        ],
        "description": f"{trial.summary}\n\n{trial.eligibility}",
        "period": {
            key: value.isoformat()
            for key, value in (("start", trial.inclusion_start), ("end", trial.inclusion_end))
            if value
        },
        "sponsor": {"display": trial.responsible_trust.name} if trial.responsible_trust else None,
        "site": [
            {"display": trust.name}
            for trust in [trial.responsible_trust, *trial.participating_trusts.all()]
            if trust
        ],
        "relatedArtifact": [
            {"type": "documentation", "url": trial.get_full_url(request), "label": trial.title}
        ],
    }
    return {key: value for key, value in resource.items() if value not in (None, [], {})}


def _count(request):
    raw = request.GET.get("_count", "20")
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    if not raw.isdecimal() or not 1 <= int(raw) <= MAX_LIMIT:
        raise ApiError(400, f"_count must be a whole number from 1 to {MAX_LIMIT}.")
    offset = request.GET.get("_offset", "0")
    if not offset.isdecimal() or int(offset) > MAX_INTEGER:
        raise ApiError(400, f"_offset must be a whole number from 0 to {MAX_INTEGER}.")
    return int(raw), int(offset)


def search_filters(request, trials):
    statuses = [code for code in request.GET.get("status", "").split(",") if code]
    if statuses:
        unknown = [code for code in statuses if code not in FROM_STATUS_CODE]
        if unknown:
            raise ApiError(
                400, f"Unknown status {unknown[0][:40]!r}; use {', '.join(FROM_STATUS_CODE)}."
            )
        trials = trials.filter(recruitment_status__in=[FROM_STATUS_CODE[c] for c in statuses])
    for value in request.GET.getlist("_lastUpdated"):
        match = LAST_UPDATED.match(value)
        if match is None:
            raise ApiError(400, "_lastUpdated must be a date, optionally prefixed: ge2026-01-01.")
        prefix, moment = match.groups()
        moment = parse_since(moment, "_lastUpdated")
        lookup = {"ge": "gte", "gt": "gt", "le": "lte", "lt": "lt"}.get(prefix or "eq", "gte")
        trials = trials.filter(**{f"last_published_at__{lookup}": moment})
    identifier = request.GET.get("identifier")
    if identifier:
        system, _bar, value = identifier.rpartition("|")
        fields = [f for f, s in IDENTIFIER_SYSTEMS.items() if not system or s == system]
        if not fields:
            raise ApiError(400, f"Unknown identifier system {system[:60]!r}.")
        matches = Q()
        for field in fields:
            matches |= Q(**{field: value})
        trials = trials.filter(matches)
    return trials


def handle_errors(view):
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ApiError as error:
            return outcome(
                error.status, error.detail, "not-found" if error.status == 404 else "invalid"
            )

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@require_safe
@handle_errors
def research_study_search(request):
    """GET /api/fhir/ResearchStudy: a searchset Bundle with total and self/next links."""
    count, offset = _count(request)
    trials = search_filters(request, live_trials())
    total = trials.count()
    record_last_modified(request, trials)
    rows = ordered_rows(trials)[offset : offset + count]
    base = request.build_absolute_uri(reverse("fhir-researchstudy-list"))

    def link(new_offset):
        query = request.GET.copy()
        query["_count"], query["_offset"] = str(count), str(new_offset)
        return f"{base}?{query.urlencode()}"

    links = [{"relation": "self", "url": link(offset)}]
    if offset + count < total:
        links.append({"relation": "next", "url": link(offset + count)})
    return fhir_response(
        {
            "resourceType": "Bundle",
            "type": "searchset",
            "total": total,
            "link": links,
            "entry": [
                {
                    "fullUrl": f"{base}/{trial.pk}",
                    "resource": research_study(request, trial),
                    "search": {"mode": "match"},
                }
                for trial in rows
            ],
        }
    )


@require_safe
@handle_errors
def research_study_read(request, pk):
    """GET /api/fhir/ResearchStudy/<id>."""
    if pk > MAX_INTEGER:
        raise ApiError(400, f"The id must be a whole number up to {MAX_INTEGER}.")
    trial = ordered_rows(live_trials()).filter(pk=pk).first()
    if trial is None:
        raise ApiError(404, f"ResearchStudy/{pk} is not known.")
    set_last_modified(request, trial.last_published_at)
    return fhir_response(research_study(request, trial))
