from django.conf import settings
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date

from core.api import STARTED_AT, problem
from trials.fhir import outcome

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
        detail = "The address contains a NUL character (%00)."
        if request.path.startswith("/api/fhir/"):
            return outcome(400, detail)
        return problem(request, 400, detail)


def has_nul(request):
    return "\x00" in request.path or any(
        "\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in values
    )


class OpenDataMiddleware:
    """HTTP behaviour of the open-data API: CORS for anyone, caching and conditional GET.

    Views note the newest modification of what they return on the request
    (`fnsp_last_modified`); this turns it into Last-Modified and answers 304s.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.get_response(request)
        for name, value in CORS_HEADERS.items():
            response[name] = value
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response["Cache-Control"] = "public, max-age=60"
        last_modified = int(getattr(request, "fnsp_last_modified", STARTED_AT).timestamp())
        response["Last-Modified"] = http_date(last_modified)
        if not response.has_header("ETag"):
            set_response_etag(response)
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )


class PublicGZipMiddleware(GZipMiddleware):
    """Compressed responses (a 300 KB page becomes about 17 KB), except with a session: a page
    with an editor's CSRF token must not be compressed along with text a visitor controls
    (BREACH). Public pages carry no token (docs/caching.md)."""

    def process_response(self, request, response):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return response
        return super().process_response(request, response)
