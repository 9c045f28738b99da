"""Clinical trials as HL7 FHIR R4 ResearchStudy resources (searchset Bundles), and the server's
CapabilityStatement."""

import datetime
import json
import re
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.api import MAX_INTEGER, MAX_LIMIT, STARTED_AT, ApiError, set_last_modified
from core.sites import portal_root_url
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
FHIR_VERSION = "4.0.1"
# A date or date-time at any of the precisions FHIR allows, with an optional comparison prefix.
LAST_UPDATED = re.compile(
    r"^(?P<prefix>[a-z]{2})?(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?P<fraction>\.\d{1,6})?)?"
    r"(?P<zone>Z|[+-]\d{2}:\d{2})?)?)?)?$"
)
# Each prefix as a condition on the moment t against the range [start, end) the value covers at
# its precision (FHIR search, "prefix"); for an instant, sa and eb are gt and lt.
PREFIXES = {
    "eq": lambda start, end: Q(last_published_at__gte=start, last_published_at__lt=end),
    "ne": lambda start, end: Q(last_published_at__lt=start) | Q(last_published_at__gte=end),
    "gt": lambda start, end: Q(last_published_at__gte=end),
    "sa": lambda start, end: Q(last_published_at__gte=end),
    "ge": lambda start, end: Q(last_published_at__gte=start),
    "lt": lambda start, end: Q(last_published_at__lt=start),
    "eb": lambda start, end: Q(last_published_at__lt=start),
    "le": lambda start, end: Q(last_published_at__lt=end),
}
SEARCH_PARAMETERS = {
    "_id": ("token", "The resource id; several separated by commas."),
    "_lastUpdated": (
        "date",
        "When the trial was last published: a date or date-time, meaning its whole range at "
        "the precision given (2026-03 is all of March, Norwegian time unless a zone is given), "
        "with an optional prefix eq (the default), ne, gt, ge, lt, le, sa or eb.",
    ),
    "identifier": ("token", "An identifier, value or system|value (NCT, EU CT, REK, Cristin)."),
    "title": ("string", "The title starts with the text (title:contains, title:exact)."),
    "condition": ("token", f"An ICD-10 code, code or {ICD10_SYSTEM}|code; commas for any of."),
    "status": ("token", "research-study-status codes; commas for any of."),
}
# What a search understands besides its parameters: paging and the response format.
CONTROL_PARAMETERS = {"_count", "_offset", "_format"}
TITLE_MODIFIERS = {"title", "title:contains", "title:exact"}
JSON_FORMATS = {"json", "application/json", "application/fhir+json"}


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


def organisation_ids(trust):
    return f"org-{trust.slug}", f"site-{trust.slug}"


def contained_trusts(trusts, hospitals_url):
    """Each trust as a contained Organization, identified by its slug in the open data's
    hospital registry, and the Location (R4's type for a study site) it manages."""
    contained = []
    for trust in trusts:
        org_id, site_id = organisation_ids(trust)
        contained.append(
            {
                "resourceType": "Organization",
                "id": org_id,
                "identifier": [{"system": hospitals_url, "value": trust.slug}],
                "active": True,
                "name": trust.name,
            }
        )
        contained.append(
            {
                "resourceType": "Location",
                "id": site_id,
                "name": trust.name,
                "managingOrganization": {"reference": f"#{org_id}", "display": trust.name},
            }
        )
    return contained


def research_study(request, trial, hospitals_url):
    trusts = list(
        dict.fromkeys(
            trust for trust in [trial.responsible_trust, *trial.participating_trusts.all()] if trust
        )
    )
    sponsor = trial.responsible_trust
    resource = {
        "resourceType": "ResearchStudy",
        "id": str(trial.pk),
        "meta": {"lastUpdated": trial.last_published_at.isoformat()}
        if trial.last_published_at
        else None,
        "contained": contained_trusts(trusts, hospitals_url),
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
        "sponsor": {"reference": f"#{organisation_ids(sponsor)[0]}", "display": sponsor.name}
        if sponsor
        else None,
        "site": [
            {"reference": f"#{organisation_ids(trust)[1]}", "display": trust.name}
            for trust in trusts
        ],
        "relatedArtifact": [
            {"type": "documentation", "url": trial.get_full_url(request), "label": trial.title}
        ],
    }
    return {key: value for key, value in resource.items() if value not in (None, [], {})}


class FhirError(ApiError):
    """A client error with its OperationOutcome issue code."""

    def __init__(self, status, detail, code="invalid"):
        super().__init__(status, detail)
        self.code = code


def handle_errors(view):
    """Errors as OperationOutcomes; a request for XML is refused before anything else."""

    def wrapped(request, *args, **kwargs):
        try:
            check_format(request)
            return view(request, *args, **kwargs)
        except FhirError as error:
            return outcome(error.status, error.detail, error.code)
        except ApiError as error:
            return outcome(
                error.status, error.detail, "not-found" if error.status == 404 else "invalid"
            )

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def check_format(request):
    """Only JSON is served: `_format` or an Accept header that rules JSON out is a 406."""
    wanted = request.GET.get("_format")
    if wanted is not None and wanted.split(";")[0].strip() not in JSON_FORMATS:
        raise FhirError(406, "Only JSON is served: _format=json.", "not-supported")
    accept = request.headers.get("Accept", "").strip()
    if accept and not any(
        kind.split(";")[0].strip() in JSON_FORMATS | {"*/*", "application/*"}
        for kind in accept.split(",")
    ):
        raise FhirError(406, "Only application/fhir+json is served.", "not-supported")


def _count(request):
    """`_count` (a maximum, so larger values are capped) and `_offset`."""
    raw = request.GET.get("_count", "20")
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    if not raw.isdecimal():
        raise ApiError(400, "_count must be a whole number from 0 up.")
    offset = request.GET.get("_offset", "0")
    if not offset.isdecimal() or int(offset) > MAX_INTEGER:
        raise ApiError(400, f"_offset must be a whole number from 0 to {MAX_INTEGER}.")
    return min(int(raw), MAX_LIMIT), int(offset)


def check_parameters(request):
    """Under `Prefer: handling=strict` an unknown parameter is an error; otherwise (lenient,
    FHIR's default) it is ignored, and the self link leaves it out."""
    known = set(SEARCH_PARAMETERS) | CONTROL_PARAMETERS | TITLE_MODIFIERS
    unknown = sorted(set(request.GET) - known)
    strict = "handling=strict" in request.headers.get("Prefer", "").replace(" ", "")
    if unknown and strict:
        raise FhirError(
            400, f"Unknown search parameter {unknown[0][:60]!r}; this server supports "
            f"{', '.join(sorted(known))}.", "not-supported"
        )  # fmt: skip
    return [name for name in request.GET if name in known - {"_count", "_offset"}]


def last_updated_range(value):
    """The prefix and the range [start, end) a _lastUpdated value covers at its precision."""
    match = LAST_UPDATED.match(value)
    if match is None:
        raise ApiError(
            400, "_lastUpdated must be a date or date-time, optionally prefixed: ge2026-01-01."
        )
    parts = match.groupdict()
    prefix = parts["prefix"] or "eq"
    if prefix not in PREFIXES:
        raise FhirError(
            400,
            f"The _lastUpdated prefix {prefix!r} is not supported; use {', '.join(PREFIXES)}.",
            "not-supported",
        )
    try:
        start = datetime.datetime(
            int(parts["year"]),
            int(parts["month"] or 1),
            int(parts["day"] or 1),
            int(parts["hour"] or 0),
            int(parts["minute"] or 0),
            int(parts["second"] or 0),
            int(Decimal(parts["fraction"] or 0) * 1_000_000),
        )
        zone = parts["zone"]
        if zone:
            start = start.replace(
                tzinfo=datetime.UTC
                if zone == "Z"
                else datetime.datetime.strptime(zone, "%z").tzinfo
            )
        else:
            start = timezone.make_aware(start)
        end = precision_end(start, parts)
    except (ValueError, OverflowError):
        raise ApiError(400, f"_lastUpdated {value[:40]!r} is not a real date.") from None
    return prefix, start, end


def precision_end(start, parts):
    if parts["fraction"]:
        step = datetime.timedelta(seconds=10 ** -(len(parts["fraction"]) - 1))
    elif parts["second"]:
        step = datetime.timedelta(seconds=1)
    elif parts["minute"]:
        step = datetime.timedelta(minutes=1)
    elif parts["day"]:
        step = datetime.timedelta(days=1)
    elif parts["month"]:
        year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
        return start.replace(year=year, month=month)
    else:
        return start.replace(year=start.year + 1)
    return start + step


def any_of(request, name):
    return [value for raw in request.GET.getlist(name) for value in raw.split(",") if value]


def search_filters(request, trials):
    ids = any_of(request, "_id")
    if ids:
        numbers = [int(i) for i in ids if i.isdecimal() and int(i) <= MAX_INTEGER]
        trials = trials.filter(pk__in=numbers)
    statuses = any_of(request, "status")
    if statuses:
        unknown = [code for code in statuses if code not in FROM_STATUS_CODE]
        if unknown:
            raise ApiError(
                400, f"Unknown status {unknown[0][:40]!r}; use {', '.join(FROM_STATUS_CODE)}."
            )
        trials = trials.filter(recruitment_status__in=[FROM_STATUS_CODE[c] for c in statuses])
    for value in request.GET.getlist("_lastUpdated"):
        prefix, start, end = last_updated_range(value)
        trials = trials.filter(PREFIXES[prefix](start, end))
    for name, lookup in (
        ("title", "istartswith"),
        ("title:contains", "icontains"),
        ("title:exact", "exact"),
    ):
        for value in request.GET.getlist(name):
            trials = trials.filter(**{f"title__{lookup}": value[:200]})
    conditions = any_of(request, "condition")
    if conditions:
        codes = []
        for token in conditions:
            system, bar, code = token.rpartition("|")
            if bar and system != ICD10_SYSTEM:
                raise ApiError(400, f"condition takes ICD-10 codes ({ICD10_SYSTEM}).")
            codes.append(code.strip().upper())
        trials = trials.filter(
            pk__in=trials.model.objects.filter(diagnoses__icd10__in=codes).values("pk")
        )
    identifiers = any_of(request, "identifier")
    if identifiers:
        matches = Q()
        for identifier in identifiers:
            system, _bar, value = identifier.rpartition("|")
            fields = [f for f, s in IDENTIFIER_SYSTEMS.items() if not system or s == system]
            if not fields:
                raise ApiError(400, f"Unknown identifier system {system[:60]!r}.")
            for field in fields:
                matches |= Q(**{field: value})
        trials = trials.filter(matches)
    return trials


@require_safe
@handle_errors
def research_study_search(request):
    """GET /api/fhir/ResearchStudy: a searchset Bundle with total and self, previous and next
    links that carry only the parameters applied."""
    count, offset = _count(request)
    applied = check_parameters(request)
    trials = search_filters(request, live_trials())
    total = trials.count()
    record_last_modified(request, trials)
    rows = ordered_rows(trials)[offset : offset + count] if count else []
    base = request.build_absolute_uri(reverse("fhir-researchstudy-list"))
    registry = portal_root_url(request) + reverse("open-api:hospitals")

    def link(relation, new_offset):
        query = [(name, value) for name in applied for value in request.GET.getlist(name)]
        query += [("_count", count), ("_offset", new_offset)]
        return {"relation": relation, "url": f"{base}?{urlencode(query)}"}

    links = [link("self", offset)]
    if offset > 0:
        links.append(link("previous", max(offset - count, 0)))
    if count and offset + count < total:
        links.append(link("next", offset + count))
    return fhir_response(
        {
            "resourceType": "Bundle",
            "type": "searchset",
            "total": total,
            "link": links,
            "entry": [
                {
                    "fullUrl": f"{base}/{trial.pk}",
                    "resource": research_study(request, trial, registry),
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
    registry = portal_root_url(request) + reverse("open-api:hospitals")
    return fhir_response(research_study(request, trial, registry))


@require_safe
@handle_errors
def capability_statement(request):
    """GET /api/fhir/metadata: what this server does, for FHIR clients to discover."""
    set_last_modified(request, STARTED_AT)
    return fhir_response(
        {
            "resourceType": "CapabilityStatement",
            "status": "active",
            "date": STARTED_AT.isoformat(),
            "publisher": "FNSP",
            "kind": "instance",
            "software": {"name": "FNSP"},
            "implementation": {
                "description": "Clinical trials in Norway's specialist health service",
                "url": request.build_absolute_uri(reverse("fhir-metadata")).removesuffix(
                    "metadata"
                ),
            },
            "fhirVersion": FHIR_VERSION,
            "format": ["json"],
            "rest": [
                {
                    "mode": "server",
                    "resource": [
                        {
                            "type": "ResearchStudy",
                            "interaction": [{"code": "read"}, {"code": "search-type"}],
                            "searchParam": [
                                {"name": name, "type": kind, "documentation": text}
                                for name, (kind, text) in SEARCH_PARAMETERS.items()
                            ],
                        }
                    ],
                }
            ],
        }
    )
