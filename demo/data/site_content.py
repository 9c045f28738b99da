"""The hospitals' patient pages, and the locations, departments and news of those that have them."""

from demo.build import rich
from demo.data import SAMPLE, SAMPLE_NOTE
from home.models import DepartmentPage

# Hospitals with full demo content: their locations with approximate town coordinates.
CONTENT_SITES = {
    "oslo-universitetssykehus": [
        ("Rikshospitalet", 59.949, 10.712),
        ("Ullevål", 59.936, 10.737),
        ("Radiumhospitalet", 59.930, 10.662),
        ("Aker", 59.941, 10.796),
    ],
    "ahus": [("Nordbyhagen", 59.932, 11.044), ("Kongsvinger", 60.192, 11.997)],
    "sykehuset-innlandet": [
        ("Lillehammer", 61.118, 10.462),
        ("Hamar", 60.796, 11.070),
        ("Gjøvik", 60.796, 10.690),
    ],
    "sshf": [
        ("Kristiansand", 58.161, 8.017),
        ("Arendal", 58.469, 8.745),
        ("Flekkefjord", 58.297, 6.661),
    ],
    "helse-stavanger": [("Våland", 58.957, 5.729), ("Sandnes", 58.852, 5.736)],
    "helse-bergen": [
        ("Haukeland", 60.373, 5.358),
        ("Voss sjukehus", 60.628, 6.418),
        ("Kysthospitalet i Hagevik", 60.271, 5.310),
    ],
    "helse-forde": [("Førde sentralsjukehus", 61.455, 5.861), ("Lærdal sjukehus", 61.097, 7.478)],
    "helse-mr": [
        ("Ålesund", 62.460, 6.328),
        ("Molde", 62.737, 7.165),
        ("Kristiansund", 63.111, 7.730),
    ],
    "stolav": [("Øya", 63.421, 10.388), ("Orkdal", 63.302, 9.838), ("Røros", 62.575, 11.386)],
    "nordlandssykehuset": [
        ("Bodø", 67.282, 14.396),
        ("Vesterålen", 68.698, 15.416),
        ("Lofoten", 68.232, 14.567),
    ],
    "unn": [("Tromsø", 69.681, 18.979), ("Harstad", 68.796, 16.535), ("Narvik", 68.436, 17.425)],
    "finnmarkssykehuset": [("Hammerfest", 70.665, 23.682), ("Kirkenes", 69.726, 30.045)],
}
DEPARTMENTS = [
    ("Akuttmottaket", DepartmentPage.Kind.DEPARTMENT),
    ("Barne- og ungdomsklinikken", DepartmentPage.Kind.DEPARTMENT),
    ("Fødeavdelingen", DepartmentPage.Kind.DEPARTMENT),
    ("Hjerteavdelingen", DepartmentPage.Kind.DEPARTMENT),
    ("Kreftpoliklinikken", DepartmentPage.Kind.OUTPATIENT_CLINIC),
    ("Medisinsk avdeling", DepartmentPage.Kind.DEPARTMENT),
    ("Nevrologisk avdeling", DepartmentPage.Kind.DEPARTMENT),
    ("Ortopedisk poliklinikk", DepartmentPage.Kind.OUTPATIENT_CLINIC),
    ("Øre-nese-hals-poliklinikken", DepartmentPage.Kind.OUTPATIENT_CLINIC),
    ("Øyeavdelingen", DepartmentPage.Kind.DEPARTMENT),
]
NEWS = [
    ("Nytt pasienthotell åpner", ["Pasienthotell", "Bygg"]),
    ("Kortere ventetid på hofteoperasjoner", ["Ventetid", "Ortopedi"]),
    ("Forskere får midler til kreftstudie", ["Forskning", "Kreft"]),
    ("Slik blir parkeringen i sommer", ["Parkering"]),
    ("Nye besøksregler på barneavdelingen", ["Besøk", "Barn"]),
]


def besokstider_body():
    """The blocks of a new "Besøkstider" page, on every site."""
    return [
        (
            "paragraph",
            rich(
                "Ordinær besøkstid er hver dag kl. 12.00–20.00. Enkelte avdelinger har egne "
                f"tider.\n\nTa kontakt med avdelingen før du kommer. {SAMPLE_NOTE}"
            ),
        ),
        (
            "table",
            {
                "data": [
                    ["Dag", "Besøkstid"],
                    ["Mandag–fredag", "16.00–19.30"],
                    ["Lørdag og søndag", "12.00–18.00"],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Ordinære besøkstider",
            },
        ),
        (
            "warning",
            {"heading": "Smitte", "text": rich("Ikke kom på besøk hvis du er syk.")},
        ),
    ]


def parkering_body():
    return [
        ("paragraph", rich(f"Det er parkeringshus ved alle våre steder. {SAMPLE}")),
        (
            "table",
            {
                "data": [["Tid", "Pris"], ["Første time", "30 kr"], ["Døgn", "150 kr"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Parkeringspriser (eksempel)",
            },
        ),
        ("fact_box", {"heading": "HC-parkering", "text": rich("Gratis med gyldig HC-kort.")}),
        (
            "warning",
            {"heading": "Bomring", "text": rich("Det er bomstasjon ved innkjøringen.")},
        ),
    ]


def pasientreiser_body(departments):
    """Every kind of block, ending with a contact card of the hospital's first department."""
    cards = [("contact_card", {"department": department}) for department in departments[:1]]
    return [
        ("paragraph", rich(f"Pasientreiser dekker reise til og fra behandling. {SAMPLE}")),
        (
            "accordion",
            {
                "heading": "Vanlige spørsmål",
                "items": [
                    {"title": "Hvem får dekket reisen?", "text": rich("De fleste pasienter.")},
                    {"title": "Hvordan søker jeg?", "text": rich("Søk innen seks måneder.")},
                ],
            },
        ),
        (
            "call_to_action",
            {
                "heading": "Søk om refusjon",
                "text": "Søk digitalt på helsenorge.no.",
                "link": {
                    "label": "Søk om pasientreise",
                    "page": None,
                    "url": "https://www.helsenorge.no/pasientreiser/",
                },
            },
        ),
        (
            "contact_card",
            {
                "title": "Pasientreiser (eksempel)",
                "phone": "800 00 001",
                "phone_hours": "Mandag–fredag 08.00–15.30",
                "reporting_point": "",
            },
        ),
        ("quote", {"quote": "Det var enkelt å søke.", "attribution": "Pasient (eksempel)"}),
        *cards,
    ]
