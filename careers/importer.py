"""Import of vacancies from a recruitment system's feed (formats: docs/careers.md).

Reading and parsing fail for the whole feed (`FeedError`); validation fails per record
(`RecordError`), so one bad record is reported and the rest still imports. `apply_records`
writes everything in one transaction.
"""

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator, slugify

from careers.models import JobPage, PositionType, Profession
from careers.models.common import SUMMARY_MAX_LENGTH, validate_https
from core.validators import validate_phone

FORMAT = "fnsp-jobs/1"
TIMEOUT_SECONDS = 20
MAX_FEED_BYTES = 20 * 1024 * 1024

# schema.org/Google employmentType → position type; the first match in this order wins.
EMPLOYMENT_TYPES = [
    ("INTERN", PositionType.SUMMER),
    ("TEMPORARY", PositionType.SUBSTITUTE),
    ("CONTRACTOR", PositionType.FIXED_TERM),
    ("FULL_TIME", PositionType.PERMANENT),
    ("PART_TIME", PositionType.PERMANENT),
]


class FeedError(Exception):
    """The feed as a whole cannot be used; nothing is changed."""


class RecordError(Exception):
    """One record is invalid; it is skipped and reported."""


@dataclass
class JobRecord:
    external_id: str
    title: str
    department: str
    location: str
    position_type: str
    profession: Profession | None
    percentage: int
    positions: int
    deadline: date
    start_date: date | None
    summary: str
    body: str
    apply_url: str
    contacts: list = field(default_factory=list)

    def values(self):
        """The page fields this record sets, comparable with `page_values`."""
        return {
            "title": self.title,
            "department": self.department,
            "location": self.location,
            "position_type": self.position_type,
            "profession_id": self.profession.pk if self.profession else None,
            "percentage": self.percentage,
            "positions": self.positions,
            "deadline": self.deadline,
            "start_date": self.start_date,
            "summary": self.summary,
            "body": self.body,
            "apply_url": self.apply_url,
            "contacts": self.contacts,
        }


@dataclass
class Rejection:
    position: int
    external_id: str
    reason: str


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    unpublished: int = 0
    rejected: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def __str__(self):
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.unpublished} unpublished, {len(self.rejected)} rejected"
        )


# Reading and parsing


def read_feed(source):
    """The feed's text from a local file or an http(s) URL."""
    if re.match(r"^https?://", source):
        request = urllib.request.Request(source, headers={"User-Agent": "FNSP import_jobs"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                raw = response.read(MAX_FEED_BYTES + 1)
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise FeedError(f"Could not fetch {source}: {error}") from error
    else:
        try:
            raw = Path(source).read_bytes()
        except OSError as error:
            raise FeedError(f"Could not read {source}: {error.strerror or error}") from error
    if len(raw) > MAX_FEED_BYTES:
        raise FeedError(f"The feed is larger than {MAX_FEED_BYTES // (1024 * 1024)} MB.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FeedError(f"The feed is not UTF-8: {error}") from error


def _is_job_posting(node):
    kind = node.get("@type") if isinstance(node, dict) else None
    return kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind)


def parse_feed(text):
    """(format name, list of raw records) of a feed in either supported format."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FeedError(
            f"The feed is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})."
        ) from error
    if isinstance(data, dict) and "format" in data:
        if data["format"] != FORMAT:
            raise FeedError(f"Unknown feed format {data['format']!r}; expected {FORMAT!r}.")
        if not isinstance(data.get("jobs"), list):
            raise FeedError('The feed has no list "jobs".')
        return "fnsp", data["jobs"]
    if isinstance(data, dict) and "@graph" in data:
        nodes = data["@graph"]
    elif isinstance(data, list):
        nodes = data
    elif isinstance(data, dict) and "@type" in data:
        nodes = [data]
    else:
        raise FeedError(
            f'Unknown feed: expected {{"format": "{FORMAT}", "jobs": [...]}} or schema.org '
            "JobPosting JSON-LD."
        )
    if not isinstance(nodes, list):
        raise FeedError('"@graph" must be a list.')
    # Other nodes of a graph (the organisation, say) are context, not records.
    return "json-ld", [node for node in nodes if _is_job_posting(node)]


# Validation of one record


def _text(record, key, label=None, required=True, max_length=255):
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RecordError(f"{label or key} is missing")
        return ""
    if not isinstance(value, str | int):
        raise RecordError(f"{label or key} must be text")
    value = str(value).strip()
    if len(value) > max_length:
        raise RecordError(f"{label or key} is longer than {max_length} characters")
    return value


def _date(value, label, required=True):
    if value in (None, ""):
        if required:
            raise RecordError(f"{label} is missing")
        return None
    if isinstance(value, str):
        try:
            moment = parse_datetime(value)
            if moment is not None:
                if timezone.is_aware(moment):
                    return timezone.localtime(moment).date()
                return moment.date()
            day = parse_date(value)
        except ValueError:
            day = None
        if day is not None:
            return day
    raise RecordError(f"{label} {value!r} is not a date (YYYY-MM-DD)")


def _whole(value, label, default, low, high):
    if value in (None, ""):
        return default
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise RecordError(f"{label} {value!r} is not a whole number")
    try:
        number = int(value)
    except ValueError:
        raise RecordError(f"{label} {value!r} is not a whole number") from None
    if not low <= number <= high:
        raise RecordError(f"{label} {number} is not between {low} and {high}")
    return number


def _https(value, label):
    if not isinstance(value, str) or not value:
        raise RecordError(f"{label} is missing")
    try:
        validate_https(value)
    except ValidationError:
        raise RecordError(f"{label} {value!r} is not an https URL") from None
    return value


def _paragraphs(text):
    """Plain text (tags removed: feeds are not trusted with HTML) as rich-text paragraphs."""
    plain = strip_tags(re.sub(r"(?i)</p>|<br\s*/?>", "\n\n", text or ""))
    parts = [" ".join(part.split()) for part in re.split(r"\n\s*\n", plain)]
    return "".join(f"<p>{escape(part)}</p>" for part in parts if part)


def _contact(raw, label):
    if not isinstance(raw, dict):
        raise RecordError(f"{label} must be an object")
    contact = {
        "name": _text(raw, "name", f"{label} name", max_length=120),
        "role": _text(raw, "role", required=False, max_length=120),
        "phone": _text(raw, "phone", required=False, max_length=40),
        "email": _text(raw, "email", required=False, max_length=254),
    }
    if contact["email"] and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", contact["email"]):
        raise RecordError(f"{label} e-mail {contact['email']!r} is not an e-mail address")
    if contact["phone"]:
        try:
            validate_phone(contact["phone"])
        except ValidationError:
            raise RecordError(f"{label} phone {contact['phone']!r} is not a phone number") from None
    return contact


def _profession(value, professions, strict):
    if not value:
        return None
    key = str(value).strip().lower()
    found = professions.get(key)
    if found is None and strict:
        raise RecordError(f"unknown profession {value!r}")
    return found


def validate_fnsp(record, professions):
    if not isinstance(record, dict):
        raise RecordError("a record must be an object")
    position_type = _text(record, "position_type")
    if position_type not in PositionType.values:
        raise RecordError(
            f"position_type {position_type!r} is not one of {', '.join(PositionType.values)}"
        )
    contacts = record.get("contacts") or []
    if not isinstance(contacts, list):
        raise RecordError("contacts must be a list")
    return JobRecord(
        external_id=_text(record, "id", max_length=100),
        title=_text(record, "title"),
        department=_text(record, "department", max_length=150),
        location=_text(record, "location", max_length=150),
        position_type=position_type,
        profession=_profession(record.get("profession"), professions, strict=True),
        percentage=_whole(record.get("percentage"), "percentage", 100, 1, 100),
        positions=_whole(record.get("positions"), "positions", 1, 1, 1000),
        deadline=_date(record.get("deadline"), "deadline"),
        start_date=_date(record.get("start_date"), "start_date", required=False),
        summary=_text(record, "summary", max_length=SUMMARY_MAX_LENGTH),
        body=_paragraphs(_text(record, "description", required=False, max_length=100_000)),
        apply_url=_https(record.get("apply_url"), "apply_url"),
        contacts=[_contact(c, f"contact {n}") for n, c in enumerate(contacts, start=1)],
    )


def _first(value):
    return value[0] if isinstance(value, list) and value else value


def _identifier(node):
    value = _first(node.get("identifier"))
    if isinstance(value, dict):
        value = value.get("value")
    if value in (None, "") or not isinstance(value, str | int):
        raise RecordError("identifier is missing")
    return str(value).strip()


def _locality(node):
    place = _first(node.get("jobLocation"))
    address = place.get("address") if isinstance(place, dict) else None
    if isinstance(address, str):
        return address
    if isinstance(address, dict):
        return address.get("addressLocality") or address.get("streetAddress")
    return None


def _position_type(node):
    raw = node.get("employmentType") or []
    kinds = {str(kind).upper() for kind in (raw if isinstance(raw, list) else [raw])}
    for kind, position_type in EMPLOYMENT_TYPES:
        if kind in kinds:
            return position_type
    raise RecordError(
        f"employmentType {raw!r} has none of {', '.join(k for k, _ in EMPLOYMENT_TYPES)}"
    )


def validate_json_ld(node, professions):
    organisation = node.get("hiringOrganization") or {}
    organisation = organisation if isinstance(organisation, dict) else {}
    unit = node.get("employmentUnit") or organisation.get("department") or {}
    department = unit.get("name") if isinstance(unit, dict) else None
    description = node.get("description") if isinstance(node.get("description"), str) else ""
    plain = " ".join(strip_tags(description).split())
    summary = node.get("disambiguatingDescription") or Truncator(plain).chars(SUMMARY_MAX_LENGTH)
    hours = re.search(r"(\d{1,3})\s*%", str(node.get("workHours") or ""))
    contacts = node.get("applicationContact") or []
    contacts = contacts if isinstance(contacts, list) else [contacts]
    return JobRecord(
        external_id=_identifier(node)[:100],
        title=_text(node, "title"),
        department=_text(
            {"department": department or organisation.get("name")},
            "department",
            "employmentUnit",
            max_length=150,
        ),
        location=_text({"location": _locality(node)}, "location", "jobLocation", max_length=150),
        position_type=_position_type(node),
        profession=_profession(_first(node.get("occupationalCategory")), professions, False),
        percentage=_whole(hours.group(1) if hours else None, "workHours", 100, 1, 100),
        positions=_whole(node.get("totalJobOpenings"), "totalJobOpenings", 1, 1, 1000),
        deadline=_date(node.get("validThrough"), "validThrough"),
        start_date=_start_date(node.get("jobStartDate")),
        summary=_text({"summary": summary}, "summary", "description", SUMMARY_MAX_LENGTH),
        body=_paragraphs(description),
        apply_url=_https(node.get("url"), "url"),
        contacts=[
            _contact(
                {
                    "name": c.get("name") if isinstance(c, dict) else None,
                    "role": c.get("contactType") if isinstance(c, dict) else None,
                    "phone": c.get("telephone") if isinstance(c, dict) else None,
                    "email": c.get("email") if isinstance(c, dict) else None,
                },
                f"applicationContact {n}",
            )
            for n, c in enumerate(contacts, start=1)
        ],
    )


def _start_date(value):
    # jobStartDate may be text such as "Etter avtale" (by agreement): no date then.
    try:
        return _date(value, "jobStartDate", required=False)
    except RecordError:
        return None


def validate(kind, raw_records):
    """Valid JobRecords and Rejections, in feed order; a repeated id is rejected."""
    professions = {}
    for profession in Profession.objects.all():
        professions[profession.slug.lower()] = profession
        professions[profession.name.lower()] = profession
    validator = validate_fnsp if kind == "fnsp" else validate_json_ld
    records, rejections, seen = [], [], set()
    for position, raw in enumerate(raw_records, start=1):
        raw_id = (
            raw.get("id" if kind == "fnsp" else "identifier") if isinstance(raw, dict) else None
        )
        try:
            record = validator(raw, professions)
            if record.external_id in seen:
                raise RecordError(f"id {record.external_id!r} appears more than once")
        except RecordError as error:
            rejections.append(Rejection(position, _loose_id(raw_id), str(error)))
            continue
        seen.add(record.external_id)
        records.append(record)
    return records, rejections


def _loose_id(value):
    """Best-effort id of a rejected record, so its existing job is not unpublished."""
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("value")
    return str(value).strip() if isinstance(value, str | int) else ""


# Writing


def page_values(job):
    return {
        "title": job.title,
        "department": job.department,
        "location": job.location,
        "position_type": job.position_type,
        "profession_id": job.profession_id,
        "percentage": job.percentage,
        "positions": job.positions,
        "deadline": job.deadline,
        "start_date": job.start_date,
        "summary": job.summary,
        "body": job.body,
        "apply_url": job.apply_url,
        "contacts": [
            {name: block.value.get(name) or "" for name in ("name", "role", "phone", "email")}
            for block in job.contacts
        ],
    }


def _assign(job, record):
    for name, value in record.values().items():
        if name == "contacts":
            job.contacts = [("contact", contact) for contact in value]
        else:
            setattr(job, name, value)


def _unique_slug(index_page, record):
    base = slugify(f"{record.title}-{record.external_id}")[:70].strip("-") or "stilling"
    taken = set(
        index_page.get_children().filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def apply_records(index_page, site_root, records, rejections, progress=None):
    """Create, update and unpublish the site's imported jobs; all or nothing."""
    summary = ImportSummary(rejected=list(rejections))
    today = timezone.localdate()
    total = len(records)
    with transaction.atomic():
        existing = {
            job.external_id: job
            for job in JobPage.objects.descendant_of(site_root).exclude(external_id="")
        }
        for number, record in enumerate(records, start=1):
            job = existing.get(record.external_id)
            if job is None:
                job = JobPage(external_id=record.external_id, slug=_unique_slug(index_page, record))
                _assign(job, record)
                index_page.add_child(instance=job)
                job.save_revision().publish()
                summary.created += 1
                action = "created"
                if record.deadline < today:
                    summary.warnings.append(
                        f"{record.external_id}: the deadline {record.deadline} is before today; "
                        "the job is created but not listed"
                    )
            elif page_values(job) != record.values() or not job.live:
                _assign(job, record)
                job.save_revision().publish()
                summary.updated += 1
                action = "updated"
            else:
                summary.unchanged += 1
                action = "unchanged"
            if progress:
                progress(f"[{number}/{total}] {action}: {record.external_id} {record.title}")
        # A record that was rejected keeps its previous job as it was, not unpublished.
        in_feed = {record.external_id for record in records} | {
            rejection.external_id for rejection in rejections if rejection.external_id
        }
        for external_id, job in sorted(existing.items()):
            if job.live and external_id not in in_feed:
                job.unpublish()
                summary.unpublished += 1
                if progress:
                    progress(f"unpublished: {external_id} {job.title}")
    return summary
