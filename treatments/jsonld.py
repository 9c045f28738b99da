"""A treatment page as schema.org MedicalWebPage about the MedicalProcedure or MedicalTest
it describes (core/seo.py writes it)."""

from core.seo import SCHEMA_ORG, organisation
from treatments.stages import Kind

# An examination is a test; a treatment and a treatment programme are procedures.
ENTITY_TYPES = {Kind.EXAMINATION: "MedicalTest"}


def medical_entity(treatment, diagnoses=()):
    entity = {
        "@type": ENTITY_TYPES.get(treatment.kind, "MedicalProcedure"),
        "name": treatment.title,
        "description": treatment.summary,
    }
    conditions = [
        {
            "@type": "MedicalCondition",
            "name": diagnosis.name,
            "code": {
                "@type": "MedicalCode",
                "codeValue": diagnosis.icd10,
                "codingSystem": "ICD-10",
            },
        }
        for diagnosis in diagnoses
    ]
    if conditions:
        key = "usedToDiagnose" if entity["@type"] == "MedicalTest" else "indication"
        entity[key] = conditions
    return entity


def medical_web_page(treatment, url, language, trust=None, site=None, modified=None, diagnoses=()):
    """The page at `url` about the national `treatment`; `trust` is the hospital offering it
    on `site` (None on the portal's national page)."""
    entity = medical_entity(treatment, diagnoses)
    data = {
        "@context": SCHEMA_ORG,
        "@type": "MedicalWebPage",
        "name": treatment.title,
        "description": treatment.summary,
        "url": url,
        "inLanguage": language,
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "about": entity,
        "mainEntity": entity,
    }
    if trust is not None:
        data["publisher"] = organisation(trust, site=site)
    if treatment.approved_date:
        data["lastReviewed"] = treatment.approved_date.isoformat()
    if modified:
        data["dateModified"] = modified.isoformat()
    return data
