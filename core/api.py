"""What every open-data endpoint shares: paging (django-ninja's pagination with links to the
next and previous page), errors as problem+json, the reference to a hospital, modification
times."""

import datetime
import html
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Literal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import strip_tags
from ninja import Field, Path, Query, Schema
from ninja.pagination import PaginationBase, paginate
from wagtail.rich_text import expand_db_html

from core.models.tombstones import RETENTION
from core.tombstones import removed

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# The signed 64-bit range of PostgreSQL's bigint and SQLite's INTEGER: a larger offset or id
# would make the database fail (a 500), so it is refused as a 400 first.
MAX_INTEGER = 2**63 - 1
LICENCE_NAME = "Norsk lisens for offentlige data (NLOD) 2.0"
LICENCE_URL = "https://data.norge.no/nlod/no/2.0"
ATTRIBUTION = (
    "Inneholder data under Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av "
    "spesialisthelsetjenesten (FNSP)."
)
LICENCE = {"name": LICENCE_NAME, "url": LICENCE_URL, "attribution": ATTRIBUTION}
# Documents that describe the API change only when the code is deployed.
STARTED_AT = timezone.now().replace(microsecond=0)


class ApiError(Exception):
    """A client error reported as RFC 9457 problem details."""

    def __init__(self, status, detail, errors=None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []


def problem(request, status, detail, errors=None):
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.path,
    }
    if errors:
        body["errors"] = errors
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/problem+json; charset=utf-8"
    return response


class LicenceOut(Schema):
    name: str
    url: str
    attribution: str


class RegionOut(Schema):
    slug: str
    name: str


class HospitalRef(Schema):
    slug: str
    name: str
    region: RegionOut | None


def hospital_ref(trust):
    """A trust as every endpoint refers to it (its region loaded with it)."""
    if trust is None:
        return None
    region = trust.region
    return {
        "slug": trust.slug,
        "name": trust.name,
        "region": {"slug": region.slug, "name": region.name} if region else None,
    }


@dataclass
class Rows:
    """What a paginated endpoint returns: every matching row (a queryset or a list), and how
    one page of them becomes output, so that what each row shows is loaded for that page only."""

    rows: Any
    build: Callable[[list], list] = list


class Paging(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Rows per page.")
    offset: int = Field(0, ge=0, le=MAX_INTEGER, description="Rows to skip.")


def id_in_path(description):
    """A path's id: a positive number the database can hold, else a 400."""
    return Path(..., ge=1, le=MAX_INTEGER, description=description)


class LinkedPages(PaginationBase):
    """`limit` and `offset`, answered with the total `count` and absolute `next` and
    `previous` links that keep the other query parameters."""

    Input = Paging

    class Output(Schema):
        count: int
        next: str | None
        previous: str | None
        results: list[Any]

    items_attribute = "results"

    def paginate_queryset(self, queryset, pagination, request, **params):
        found = queryset if isinstance(queryset, Rows) else Rows(queryset)
        limit, offset = pagination.limit, pagination.offset
        count = self._items_count(found.rows)
        return {
            **page_links(request, count, limit, offset),
            "results": found.build(list(found.rows[offset : offset + limit])),
        }


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


class SinceFilter(Schema):
    modified_since: str | None = Field(
        None,
        description="Only what changed at or after this ISO 8601 date or date-time "
        "(a date means its start in Norwegian time).",
    )


class TombstoneOut(Schema):
    id: int
    reason: Literal["unpublished", "deleted"]
    removed_at: datetime.datetime


def removals_endpoint(router, collection, what, note=""):
    """`/<collection>/deleted` on `router`: what was published there and is gone, newest
    first; registered before `/<collection>/{id}`, which would otherwise take the path."""

    @router.get(
        f"/{collection}/deleted",
        response=list[TombstoneOut],
        summary=f"{what} unpublished or deleted",
        description=(
            f"{what} that were published and are gone, newest first, kept for "
            f"{RETENTION.days} days: with `modified_since`, what a reuser syncing "
            f"`/{collection}` with the same value must drop. {note}"
        ).strip(),
        url_name=f"{collection}_removals",
        operation_id=f"{collection}_removals",
    )
    @paginate(LinkedPages)
    def removals(request, filters: Query[SinceFilter]):
        return removed_rows(request, collection, filters.modified_since)


def removed_rows(request, collection, modified_since):
    """A collection's `deleted` feed. Removals are kept for RETENTION; an older
    `modified_since` cannot be answered completely."""
    since = parse_since(modified_since)
    if since is not None and since < timezone.now() - RETENTION:
        raise ApiError(
            400,
            f"Removals are kept for {RETENTION.days} days; for an older modified_since, "
            "fetch the whole collection again.",
        )
    rows = removed(collection, since)
    set_last_modified(request, latest_removal(collection))
    return Rows(
        rows,
        lambda page: [
            {"id": t.object_id, "reason": t.reason, "removed_at": t.removed_at} for t in page
        ],
    )


def latest_removal(collection):
    newest = removed(collection).first()
    return newest and newest.removed_at


def newest(*moments):
    return max(filter(None, moments), default=None)


def timestamp(moment):
    """A date-time as the JSON responses write it (UTC, milliseconds, `Z`)."""
    return DjangoJSONEncoder().default(moment) if moment else ""


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
