"""The DCAT-AP-NO 2.0 description of the open data (JSON-LD), checked in the tests against the
official SHACL shapes. Every IRI is built on the portal's root URL, so a dataset has the same IRI
whichever site's host answers."""

from django.conf import settings
from django.urls import reverse

from core.api import ATTRIBUTION
from core.sites import portal_root_url

# Controlled vocabularies DCAT-AP-NO requires: the EU Publications Office's authority tables.
EU = "http://publications.europa.eu/resource/authority/"
LICENCE = EU + "licence/NLOD_2_0"
FILE_TYPES = {"json": EU + "file-type/JSON", "csv": EU + "file-type/CSV"}
IANA = "https://www.iana.org/assignments/media-types/"
BRREG = "https://data.brreg.no/enhetsregisteret/api/enheter/"
FHIR_R4 = "http://hl7.org/fhir/R4"


def catalog_data(request):
    root = portal_root_url(request)

    def url(name, *args):
        return root + reverse(name, args=args)

    api_root = url("open-api:index")
    publisher_name, orgnr = settings.OPEN_DATA_PUBLISHER
    publisher = {
        "@id": BRREG + orgnr,
        "@type": "foaf:Agent",
        "foaf:name": publisher_name,
        "dct:identifier": orgnr,
    }
    contact = {
        "@type": "vcard:Organization",
        "vcard:fn": publisher_name,
        "vcard:hasEmail": {"@id": f"mailto:{settings.OPEN_DATA_CONTACT_EMAIL}"},
    }
    service_ids = {"open": api_root + "#service", "fhir": root + "/api/fhir/#service"}

    def nb(text):
        return {"@language": "nb", "@value": text}

    def distribution(access, file_type, media_type, service="open", standard=None):
        found = {
            "@type": "dcat:Distribution",
            "dcat:accessURL": {"@id": access},
            "dct:format": {"@id": FILE_TYPES[file_type]},
            "dcat:mediaType": {"@id": IANA + media_type, "@type": "dct:MediaType"},
            "dct:license": {"@id": LICENCE},
            "dcat:accessService": {"@id": service_ids[service]},
        }
        if standard:
            found["dct:conformsTo"] = standard
        return found

    def dataset(key, title, description, themes, keywords, distributions):
        iri = f"{api_root}{key}#dataset"
        return {
            "@id": iri,
            "@type": "dcat:Dataset",
            "dct:identifier": iri,
            "dct:title": nb(title),
            "dct:description": nb(description),
            "dcat:theme": [{"@id": f"{EU}data-theme/{theme}"} for theme in themes],
            "dcat:keyword": [nb(keyword) for keyword in keywords],
            "dct:publisher": publisher,
            "dcat:contactPoint": contact,
            "dct:license": {"@id": LICENCE},
            "dcat:distribution": distributions,
        }

    fhir_standard = {"@id": FHIR_R4, "@type": "dct:Standard", "dct:title": "HL7 FHIR R4"}
    datasets = [
        dataset(
            "hospitals",
            "Sykehus og helseforetak",
            "Nettstedene i spesialisthelsetjenesten med region og type.",
            ["HEAL", "GOVE"],
            ["sykehus", "helseforetak"],
            [distribution(url("open-api:hospitals"), "json", "application/json")],
        ),
        dataset(
            "treatments",
            "Nasjonal pasientinformasjon om behandlinger",
            "Behandlinger og undersøkelser med pasientforløp og hvor de tilbys.",
            ["HEAL"],
            ["behandling", "pasientforløp"],
            [distribution(url("open-api:treatment_list"), "json", "application/json")],
        ),
        dataset(
            "trials",
            "Kliniske studier",
            "Kliniske studier ved norske sykehus med status for inklusjon.",
            ["HEAL", "TECH"],
            ["kliniske studier", "forskning"],
            [
                distribution(url("open-api:trial_list"), "json", "application/json"),
                distribution(url("open-api:trial_csv"), "csv", "text/csv"),
                distribution(
                    url("fhir-researchstudy-list"),
                    "json",
                    "application/fhir+json",
                    service="fhir",
                    standard=fhir_standard,
                ),
            ],
        ),
        dataset(
            "jobs",
            "Ledige stillinger",
            "Utlyste stillinger ved sykehusene med søknadsfrist, stillingstype og yrke.",
            ["HEAL", "ECON"],
            ["stillinger", "jobb"],
            [distribution(url("open-api:job_list"), "json", "application/json")],
        ),
        dataset(
            "events",
            "Kurs og arrangementer",
            "Kommende kurs og arrangementer ved sykehusene, for helsepersonell og pasienter.",
            ["HEAL", "EDUC"],
            ["kurs", "arrangementer"],
            [distribution(url("open-api:event_list"), "json", "application/json")],
        ),
    ]
    dataset_ids = [{"@id": d["@id"]} for d in datasets]
    services = [
        {
            "@id": service_ids["open"],
            "@type": "dcat:DataService",
            "dct:identifier": service_ids["open"],
            "dct:title": nb("Åpne data fra spesialisthelsetjenesten (API)"),
            "dct:description": nb("Lese-API med JSON og CSV, beskrevet med OpenAPI 3."),
            "dcat:endpointURL": {"@id": api_root},
            "dcat:endpointDescription": {"@id": url("open-api:openapi-json")},
            "dcat:servesDataset": dataset_ids,
            "dct:publisher": publisher,
            "dcat:contactPoint": contact,
            "dct:license": {"@id": LICENCE},
        },
        {
            "@id": service_ids["fhir"],
            "@type": "dcat:DataService",
            "dct:identifier": service_ids["fhir"],
            "dct:title": nb("Kliniske studier som HL7 FHIR R4 (ResearchStudy)"),
            "dct:description": nb("FHIR-søk og -lesing av kliniske studier."),
            "dcat:endpointURL": {"@id": root + "/api/fhir/"},
            "dcat:endpointDescription": {"@id": url("fhir-metadata")},
            "dct:conformsTo": fhir_standard,
            "dcat:servesDataset": [{"@id": datasets[2]["@id"]}],
            "dct:publisher": publisher,
            "dcat:contactPoint": contact,
            "dct:license": {"@id": LICENCE},
        },
    ]
    catalog_iri = url("open-api:catalog")
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
        },
        "@id": catalog_iri,
        "@type": "dcat:Catalog",
        "dct:identifier": catalog_iri,
        "dct:title": nb("Åpne data fra spesialisthelsetjenesten"),
        "dct:description": nb(ATTRIBUTION),
        "dct:publisher": publisher,
        "dct:license": {"@id": LICENCE},
        "dcat:dataset": datasets,
        "dcat:service": services,
    }
