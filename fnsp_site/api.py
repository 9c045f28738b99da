"""The read-only open-data API at /api/open/v1/; each app contributes its own router."""

from django.http import JsonResponse
from django.urls import reverse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from careers.api import router as careers_router
from core.api import ATTRIBUTION, LICENCE_NAME, LICENCE_URL, ApiError, problem
from fnsp_site.catalog import catalog_data
from fnsp_site.openapi import contract
from home.api import router as hospitals_router
from treatments.api import router as treatments_router
from trials.api import router as trials_router
from trials.fhir import outcome

FHIR_PREFIX = "/api/fhir/"
FHIR_CODES = {404: "not-found", 405: "not-supported"}


class OpenDataAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        return contract(
            super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        )


api = OpenDataAPI(
    title="FNSP open data",
    version="1",
    description=(
        "Open data from Norway's specialist health service: hospitals, national patient "
        "information, clinical trials, open jobs, and courses and events. "
        f"Licence: {LICENCE_NAME} ({LICENCE_URL}). "
        f"Attribution: {ATTRIBUTION}"
    ),
    urls_namespace="open-api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("", hospitals_router)
api.add_router("", treatments_router)
api.add_router("", trials_router)
api.add_router("", careers_router)


@api.exception_handler(ApiError)
def api_error(request, error):
    return problem(request, error.status, error.detail, error.errors)


@api.exception_handler(ValidationError)
def validation_error(request, error):
    errors = [
        {"parameter": ".".join(str(part) for part in e.get("loc", [])[1:]), "message": e["msg"]}
        for e in error.errors
    ]
    detail = "; ".join(f"{e['parameter']}: {e['message']}" for e in errors) or "Invalid request."
    return problem(request, 400, detail, errors)


@api.exception_handler(HttpError)
def http_error(request, error):
    return problem(request, error.status_code, str(error))


def error_response(request, status, detail):
    """An error anywhere under /api/ as JSON: an OperationOutcome under /api/fhir/, problem
    details elsewhere."""
    if request.path.startswith(FHIR_PREFIX):
        code = FHIR_CODES.get(status, "invalid" if status < 500 else "exception")
        return outcome(status, detail, code)
    return problem(request, status, detail)


def not_found(request):
    """Whatever under /api/ no endpoint answers: a JSON 404 (the URL pattern after the API's
    routes sends it here), never the site's HTML page or a redirect to the path with a slash."""
    return error_response(request, 404, f"Nothing is published at {request.path}.")


def collection_urls(request):
    def url(name):
        return request.build_absolute_uri(reverse(f"open-api:{name}"))

    return {
        "hospitals": url("hospitals"),
        "treatments": url("treatment_list"),
        "trials": url("trial_list"),
        "trials_csv": url("trial_csv"),
        "jobs": url("job_list"),
        "events": url("event_list"),
        "fhir_research_studies": request.build_absolute_uri(reverse("fhir-researchstudy-list")),
    }


@api.get("/", summary="Index of the open-data collections", tags=["about"])
def index(request):
    return {
        "title": "FNSP open data",
        "collections": collection_urls(request),
        "catalog": request.build_absolute_uri(reverse("open-api:catalog")),
        "openapi": request.build_absolute_uri(reverse("open-api:openapi-json")),
        "documentation": request.build_absolute_uri(reverse("open-api:openapi-view")),
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "attribution": ATTRIBUTION,
    }


@api.get("/catalog", summary="DCAT-AP-NO description of the datasets (JSON-LD)", tags=["about"])
def catalog(request):
    response = JsonResponse(catalog_data(request), json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    return response
