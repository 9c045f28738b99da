from http import HTTPStatus

from django.conf import settings
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date

from core.api import STARTED_AT
from fnsp_site.api import error_response, not_found

API_PREFIX = "/api/"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified",
}


class NulBytesMiddleware:
    """The open-data API's 400 for a NUL byte in the path or the query string, before any view
    sees it: PostgreSQL refuses NUL in text, so `q=%00` would otherwise end in a 500 on
    whichever lookup meets it first. The public pages ignore such a filter value as they
    ignore any unknown one, and no page has a path with one (404).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX) or not has_nul(request):
            return self.get_response(request)
        return error_response(request, 400, "The address contains a NUL character (%00).")


def has_nul(request):
    return "\x00" in request.path or any(
        "\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in values
    )


class OpenDataMiddleware:
    """HTTP behaviour of the open-data API: CORS for anyone, HEAD wherever GET is answered,
    caching and conditional GET, and every error as JSON.

    Views note the newest modification of what they return on the request
    (`fnsp_last_modified`); this turns it into Last-Modified and answers 304s. An error that
    is not already problem details (FHIR: an OperationOutcome), such as a 405 from a view's
    method check or a 500 page, becomes one with the same status and headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        response = self.answer(request)
        # Last, so that a 304 carries them too: a browser drops a response without them.
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response

    def answer(self, request):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Max-Age"] = "86400"
            return response
        # HEAD is GET without the body (RFC 9110): the endpoints are written for GET only.
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        response = self.get_response(request)
        if head:
            request.method = "HEAD"
        if response.status_code >= 400 and not is_api_error(response):
            response = as_api_error(request, response)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response = self.cacheable(request, response)
        if head and not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    def cacheable(self, request, response):
        response["Cache-Control"] = "public, max-age=60"
        last_modified = int(getattr(request, "fnsp_last_modified", STARTED_AT).timestamp())
        response["Last-Modified"] = http_date(last_modified)
        if not response.has_header("ETag"):
            set_response_etag(response)
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )


def is_api_error(response):
    kind = response.get("Content-Type", "")
    return kind.startswith(("application/problem+json", "application/fhir+json"))


def as_api_error(request, response):
    status = response.status_code
    if status == 404:
        return not_found(request)
    if status == 405:
        detail = f"{request.method} is not allowed here; use {response.get('Allow', 'GET')}."
    else:
        detail = HTTPStatus(status).phrase
    error = error_response(request, status, detail)
    if response.has_header("Allow"):
        error["Allow"] = response["Allow"]
    return error


class PublicGZipMiddleware(GZipMiddleware):
    """Compressed responses (a 300 KB page becomes about 17 KB), except with a session: a page
    with an editor's CSRF token must not be compressed along with text a visitor controls
    (BREACH). Public pages carry no token (docs/caching.md)."""

    def process_response(self, request, response):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return response
        return super().process_response(request, response)
