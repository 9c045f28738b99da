"""A trial as schema.org MedicalTrial JSON-LD (core/seo.py writes it)."""

from core.seo import SCHEMA_ORG, organisation
from trials.status import Status

# schema.org's MedicalStudyStatus for ours.
STUDY_STATUS = {
    Status.OPEN: "Recruiting",
    Status.PLANNED: "NotYetRecruiting",
    Status.CLOSED: "ActiveNotRecruiting",
    Status.SUSPENDED: "Suspended",
    Status.WITHDRAWN: "Withdrawn",
}
REGISTRIES = [
    ("nct_number", "ClinicalTrials.gov"),
    ("eu_ct_number", "EU CT"),
    ("rek_number", "REK"),
    ("cristin_project_id", "Cristin"),
]


def condition(diagnosis):
    return {
        "@type": "MedicalCondition",
        "name": diagnosis.name,
        "code": {"@type": "MedicalCode", "codeValue": diagnosis.icd10, "codingSystem": "ICD-10"},
    }


def medical_trial(trial, url, status, diagnoses, participating):
    data = {
        "@context": SCHEMA_ORG,
        "@type": "MedicalTrial",
        "name": trial.title,
        "description": trial.summary,
        "url": url,
        "inLanguage": trial.locale.language_code,
        "status": f"https://schema.org/{STUDY_STATUS[status]}",
        "sponsor": organisation(trial.responsible_trust),
        "startDate": trial.inclusion_start.isoformat(),
    }
    if trial.scientific_title:
        data["alternateName"] = trial.scientific_title
    if trial.inclusion_end:
        data["endDate"] = trial.inclusion_end.isoformat()
    if trial.phase:
        data["phase"] = trial.get_phase_display()
    if diagnoses:
        data["healthCondition"] = [condition(diagnosis) for diagnosis in diagnoses]
    if participating:
        data["studyLocation"] = [
            {"@type": "Hospital", "name": trust.name} for trust in participating
        ]
    identifiers = [
        {"@type": "PropertyValue", "propertyID": name, "value": getattr(trial, field)}
        for field, name in REGISTRIES
        if getattr(trial, field)
    ]
    if identifiers:
        data["identifier"] = identifiers
    return data
