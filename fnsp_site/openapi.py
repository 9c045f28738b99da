"""The OpenAPI document as a contract a reuser can test against: every error response, every
parameter's allowed values, and each response's real media type.

django-ninja documents what the code's types say; what the views check by hand (a slug that
must exist, an ICD-10 code, the statuses) is added here, from the same sources the views check
against, so the document and the checks cannot disagree. Values that live in the database
(regions, hospitals, categories…) are read when the document is requested."""

from django.conf import settings

from careers.choices import Audience, PositionType
from careers.models import Profession
from core.api import LICENCE_URL
from core.models import HealthTrust, Region
from treatments.models import Category, Treatment
from treatments.stages import Kind
from treatments.validators import ICD10
from trials.status import Status

PROBLEM = {"$ref": "#/components/schemas/Problem"}
PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "required": ["type", "title", "status", "detail", "instance"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["parameter", "message"],
                "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}
ERRORS = {
    "400": "A parameter is malformed, out of range or not one of its allowed values.",
    "404": "Nothing is published with this id.",
    "405": "Only GET, HEAD and OPTIONS are answered.",
}
LOCAL_TIME = {
    "type": "string",
    "pattern": r"^\d{2}:\d{2}:\d{2}$",
    "description": "Local time in Norway (Europe/Oslo), HH:MM:SS, without an offset.",
}
# What each response really is where it is not JSON.
MEDIA_TYPES = {
    "/trials.csv": ("text/csv", {"type": "string"}),
    "/catalog": ("application/ld+json", {"type": "object"}),
}


def slugs(model, queryset=None):
    rows = queryset if queryset is not None else model.objects.all()
    return sorted(set(rows.values_list("slug", flat=True)))


def allowed_values(path):
    """Each query parameter's allowed values; `hospital` on /treatments is a trust with a site,
    elsewhere any trust."""
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    hospitals = slugs(HealthTrust)
    return {
        "status": list(Status.values),
        "kind": list(Kind.values),
        "locale": languages,
        "type": list(PositionType.values),
        "audience": list(Audience.values),
        "region": slugs(Region),
        "hospital": slugs(HealthTrust, HealthTrust.objects.with_site())
        if path.endswith("/treatments")
        else hospitals,
        "category": slugs(Category),
        "profession": slugs(Profession),
        "treatment": slugs(Treatment),
    }


def constrain(parameter, path):
    schema = parameter["schema"]
    if parameter["in"] != "query" or "anyOf" not in schema:
        return
    # An optional query parameter is a string when given ("null" is no value a URL can carry),
    # and an empty one is the same as none: ?region= filters nothing, as on the web pages.
    parameter["allowEmptyValue"] = True
    constrained = {"type": "string"}
    if "title" in schema:
        constrained["title"] = schema["title"]
    name = parameter["name"]
    values = allowed_values(path).get(name)
    if values is not None:
        constrained["enum"] = values
    elif name == "icd10":
        constrained["pattern"] = ICD10.pattern
        parameter["description"] = "An ICD-10 code or its beginning (C50 matches C50.9)."
    elif name == "modified_since":
        constrained = {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "format": "date-time"},
            ]
        }
        parameter["description"] = "A date (its start in Norwegian time) or an RFC 3339 date-time."
    else:
        # Every address with a NUL is refused (fnsp_site.middleware), whatever the parameter.
        constrained["pattern"] = "^[^\\u0000]*$"
    parameter["schema"] = constrained


def local_times(node):
    """Times of day in the data are local (the events' occurrences), so not RFC 3339 `time`."""
    if isinstance(node, dict):
        if node.get("format") == "time":
            return dict(LOCAL_TIME)
        return {key: local_times(value) for key, value in node.items()}
    if isinstance(node, list):
        return [local_times(value) for value in node]
    return node


def contract(schema):
    schema = local_times(schema)
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    schema["info"]["license"] = {"name": "NLOD 2.0", "url": LICENCE_URL}
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            operation["responses"] = {str(k): v for k, v in operation["responses"].items()}
            for parameter in operation.get("parameters", []):
                constrain(parameter, path)
            for suffix, (media_type, body) in MEDIA_TYPES.items():
                if path.endswith(suffix):
                    operation["responses"]["200"]["content"] = {media_type: {"schema": body}}
            for status, text in ERRORS.items():
                if status == "404" and "{" not in path:
                    continue
                if status == "400" and not operation.get("parameters"):
                    continue
                operation["responses"][status] = {
                    "description": text,
                    "content": {"application/problem+json": {"schema": PROBLEM}},
                }
    return schema
