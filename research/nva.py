"""Import from Nasjonalt vitenarkiv (NVA, api.nva.unit.no): a group's projects and its
researchers' recent results (docs/research.md#nva-import).

What NVA answers is stored apart from the page (`ImportedProject`, `ImportedResult`), so what
editors wrote by hand is never touched. A failed request (network, timeout, 429, an HTTP error,
an answer that is not JSON) or a malformed record is reported and leaves what was stored before
as it was: a project is replaced only by a good answer for it, and a group's results are pruned
only when every search for them succeeded.
"""

import datetime
import json
from dataclasses import dataclass, field
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from research.models import ImportedProject, ImportedResult, Person, ResearchGroupPage
from research.validators import ORCID_PATTERN, orcid_check_digit, split_ids

# How many of a researcher's latest results are asked for, and shown per group.
RESULTS_PER_PERSON = 10
RESULTS_PER_GROUP = 10


class NvaError(Exception):
    """A request to NVA failed; the message says which and why."""


class MalformedRecord(Exception):
    """A record NVA returned lacks what is needed, or has it in the wrong shape."""


@dataclass
class ImportReport:
    groups: int = 0
    projects: int = 0
    results: int = 0
    errors: list = field(default_factory=list)

    def error(self, group, what, problem):
        if isinstance(problem, MalformedRecord):
            problem = f"malformed record: {problem}"
        self.errors.append(f"{group.title}: {what}: {problem}")


@dataclass
class NvaClient:
    """The NVA API at `base_url` (default `settings.NVA_API_URL`)."""

    base_url: str = ""
    timeout: float = 0

    def __post_init__(self):
        self.base_url = (self.base_url or settings.NVA_API_URL).rstrip("/")
        self.timeout = self.timeout or settings.NVA_TIMEOUT

    def get_json(self, path, params=None):
        """GET `path` as JSON, or raise `NvaError`."""
        return get_json(f"{self.base_url}{path}", params, self.timeout)


def get_json(url, params, timeout):
    if params:
        url = f"{url}?{urlencode(params)}"
    request = Request(url, headers={"Accept": "application/json", "User-Agent": "FNSP"})
    try:
        with urlopen(request, timeout=timeout) as response:
            body = response.read()
    except HTTPError as error:
        if error.code == 429:
            wait = error.headers.get("Retry-After")
            raise NvaError(
                f"rate limited (429){f', retry after {wait} s' if wait else ''}"
            ) from error
        raise NvaError(f"HTTP {error.code} from {url}") from error
    except TimeoutError as error:
        raise NvaError(f"timed out after {timeout} s: {url}") from error
    except (URLError, OSError) as error:
        raise NvaError(f"cannot reach {url}: {getattr(error, 'reason', error)}") from error
    try:
        return json.loads(body)
    except ValueError as error:
        raise NvaError(f"not JSON from {url}") from error


def _text(value):
    if not isinstance(value, str) or not value.strip():
        raise MalformedRecord("missing text")
    return value.strip()


def _date(value):
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError as error:
        raise MalformedRecord(f"bad date {value!r}") from error


def _names(organization):
    """An organization's or funding source's names by language: NVA writes `labels` or
    `names`, older answers `name`."""
    organization = organization or {}
    names = organization.get("labels") or organization.get("names") or organization.get("name")
    names = names or {}
    if not isinstance(names, dict):
        raise MalformedRecord("bad organization")
    return {code: text for code, text in names.items() if isinstance(text, str)}


LEXVO = {"nob": "nb", "nno": "nn", "eng": "en", "nor": "nb"}


def parse_project(data):
    """The fields of `ImportedProject` from NVA's `/cristin/project/{id}`."""
    if not isinstance(data, dict):
        raise MalformedRecord("not an object")
    try:
        language = LEXVO.get(str(data.get("language", "")).rsplit("/", 1)[-1], "nb")
        titles = {language: _text(data["title"])}
        for alternative in data.get("alternativeTitles") or []:
            titles.update({k: v for k, v in alternative.items() if isinstance(v, str) and v})
        funding = [
            {"names": _names(item.get("source")), "code": str(item.get("identifier") or "")}
            for item in data.get("funding") or []
        ]
        participants = []
        for contributor in data.get("contributors") or []:
            identity = contributor["identity"]
            participants.append(
                " ".join(
                    part for part in (identity.get("firstName"), identity.get("lastName")) if part
                )
            )
        return {
            "title": titles,
            "start_date": _date(data.get("startDate")),
            "end_date": _date(data.get("endDate")),
            "funding": [item for item in funding if item["names"]],
            "coordinator": _names(data.get("coordinatingInstitution")),
            "participants": [name for name in participants if name],
        }
    except (KeyError, TypeError, AttributeError) as error:
        raise MalformedRecord(f"unexpected shape ({error!r})") from error


def parse_result(hit):
    """The fields of `ImportedResult` from one hit of NVA's `/search/resources`."""
    try:
        description = hit["entityDescription"]
        reference = description.get("reference") or {}
        context = reference.get("publicationContext") or {}
        venue = (
            context.get("name")
            or (context.get("publisher") or {}).get("name")
            or (context.get("series") or {}).get("title")
            or ""
        )
        year = (description.get("publicationDate") or {}).get("year")
        doi = str(reference.get("doi") or "")
        return {
            "result_id": _text(hit.get("identifier") or str(hit["id"]).rsplit("/", 1)[-1]),
            "title": _text(description["mainTitle"])[:1000],
            "year": int(year) if year not in (None, "") else None,
            "venue": str(venue)[:500],
            "doi": doi.removeprefix("https://doi.org/").removeprefix("http://dx.doi.org/")[:200],
        }
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise MalformedRecord(f"unexpected shape ({error!r})") from error


def person_orcid(data):
    """A valid ORCID iD from NVA's `/cristin/person/{id}`, or None."""
    for identifier in data.get("identifiers") or []:
        value = str(identifier.get("value", "")) if isinstance(identifier, dict) else ""
        if (
            identifier.get("type", "").upper() == "ORCID"
            and ORCID_PATTERN.match(value)
            and orcid_check_digit(value.replace("-", "")[:15]) == value[-1]
        ):
            return value
    return None


def import_projects(client, group, report, now):
    for project_id in split_ids(group.nva_project_ids):
        try:
            fields = parse_project(client.get_json(f"/cristin/project/{project_id}"))
        except (NvaError, MalformedRecord) as error:
            report.error(group, f"project {project_id}", error)
            continue
        ImportedProject.objects.update_or_create(
            group_key=group.translation_key,
            project_id=project_id,
            defaults={**fields, "fetched_at": now},
        )
        report.projects += 1
    # Projects the editors took off the page go; a failed request above keeps its old row.
    ImportedProject.objects.filter(group_key=group.translation_key).exclude(
        project_id__in=split_ids(group.nva_project_ids)
    ).delete()


def import_results(client, group, report, now):
    people = Person.objects.filter(memberships__page=group).exclude(nva_id="").distinct()
    found, complete = {}, True
    for person in people:
        try:
            if not person.orcid:
                # Filled only where the editors left it empty.
                orcid = person_orcid(client.get_json(f"/cristin/person/{person.nva_id}"))
                if orcid:
                    Person.objects.filter(pk=person.pk).update(orcid=orcid)
            answer = client.get_json(
                "/search/resources",
                {
                    "contributor": person.nva_id,
                    "results": RESULTS_PER_PERSON,
                    "sort": "publicationDate:desc",
                },
            )
            hits = answer.get("hits") if isinstance(answer, dict) else None
            if not isinstance(hits, list):
                raise MalformedRecord("no list of hits")
        except (NvaError, MalformedRecord) as error:
            report.error(group, f"results of {person.name} ({person.nva_id})", error)
            complete = False
            continue
        for hit in hits:
            try:
                fields = parse_result(hit)
            except MalformedRecord as error:
                report.error(group, f"a result of {person.name}", error)
                complete = False
                continue
            found[fields["result_id"]] = fields
    latest = sorted(found.values(), key=lambda r: (-(r["year"] or 0), r["title"]))
    latest = latest[:RESULTS_PER_GROUP]
    for fields in latest:
        ImportedResult.objects.update_or_create(
            group_key=group.translation_key,
            result_id=fields.pop("result_id"),
            defaults={**fields, "fetched_at": now},
        )
        report.results += 1
    if complete:
        # Only a complete answer says which results are no longer among the latest.
        ImportedResult.objects.filter(group_key=group.translation_key).exclude(
            fetched_at=now
        ).delete()


def import_group(group, report=None, client=None):
    """Import one group's projects and results (its translations share them)."""
    report = report or ImportReport()
    client = client or NvaClient()
    now = timezone.now()
    with transaction.atomic():
        import_projects(client, group, report, now)
        import_results(client, group, report, now)
    report.groups += 1
    return report


def groups_to_import():
    """One page per research group (the original of its translations), with something to
    import."""
    originals = {}
    for group in ResearchGroupPage.objects.order_by("pk"):
        originals.setdefault(group.translation_key, group)
    return [
        group
        for group in originals.values()
        if group.nva_project_ids or group.members.exclude(person__nva_id="").exists()
    ]


def import_all(report=None, client=None):
    report = report or ImportReport()
    client = client or NvaClient()
    for group in groups_to_import():
        import_group(group, report, client)
    return report
