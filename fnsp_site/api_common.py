"""What every open-data endpoint shares: paging, errors as problem+json, modification times."""

import datetime
import html

from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import strip_tags
from ninja import Schema
from wagtail.rich_text import expand_db_html

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
LICENCE_NAME = "Norsk lisens for offentlige data (NLOD) 2.0"
LICENCE_URL = "https://data.norge.no/nlod/no/2.0"
ATTRIBUTION = (
    "Inneholder data under Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av "
    "spesialisthelsetjenesten (FNSP)."
)
# Documents that describe the API change only when the code is deployed.
STARTED_AT = timezone.now().replace(microsecond=0)


class ApiError(Exception):
    """A client error reported as RFC 9457 problem details."""

    def __init__(self, status, detail, errors=None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []


TITLES = {400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}


def problem(request, status, detail, errors=None):
    body = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "instance": request.path,
    }
    if errors:
        body["errors"] = errors
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/problem+json; charset=utf-8"
    return response


class Page(Schema):
    count: int
    next: str | None
    previous: str | None


def paging(request: HttpRequest):
    """(limit, offset) from the query string; out-of-range values are a 400, not a clamp."""
    limit = _int_param(request, "limit", DEFAULT_LIMIT)
    offset = _int_param(request, "offset", 0)
    if not 1 <= limit <= MAX_LIMIT:
        raise ApiError(400, f"limit must be between 1 and {MAX_LIMIT}.")
    if offset < 0:
        raise ApiError(400, "offset must be 0 or more.")
    return limit, offset


def _int_param(request, name, default):
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        raise ApiError(400, f"{name} must be a whole number, not {raw[:40]!r}.") from None


def page_links(request, count, limit, offset):
    def link(new_offset):
        query = request.GET.copy()
        query["limit"], query["offset"] = str(limit), str(new_offset)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": count,
        "next": link(offset + limit) if offset + limit < count else None,
        "previous": link(max(offset - limit, 0)) if offset > 0 else None,
    }


def parse_since(value: str | None, name="modified_since"):
    """An ISO 8601 date or date-time; a date means its start in Norwegian time."""
    if not value:
        return None
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                raise ValueError
            moment = datetime.datetime.combine(day, datetime.time.min)
    except ValueError:
        raise ApiError(400, f"{name} must be an ISO 8601 date or date-time.") from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def choice(value: str | None, allowed, name):
    if value in (None, ""):
        return None
    if value not in allowed:
        shown = ", ".join(sorted(allowed)[:12])
        raise ApiError(400, f"Unknown {name} {value[:60]!r}. Allowed values: {shown}.")
    return value


def set_last_modified(request, moment):
    """Views record the newest modification of what they return; the middleware sends it."""
    request.fnsp_last_modified = moment or STARTED_AT


def absolute(request, url: str | None) -> str | None:
    if not url:
        return None
    return url if url.startswith("http") else request.build_absolute_uri(url)


def text_of(rich_text: str) -> str:
    """Plain text of stored rich text (internal links expanded, tags and entities removed)."""
    return " ".join(html.unescape(strip_tags(expand_db_html(rich_text or ""))).split())
