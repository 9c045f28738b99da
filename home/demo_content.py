"""Demo site content: locations, departments, news and 'Pasient og pårørende' pages.

Called by ``home.demo`` for the hospitals in CONTENT_SITES. Like the rest of the demo, every
page is looked up by slug and created only when missing, so a second run changes nothing.
Addresses and phone numbers are examples, never a trust's real contact details.
"""

import datetime
import io
from decimal import Decimal

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from core.models import AlertSettings
from home.groups import site_collection
from home.models import (
    ContentPage,
    DepartmentIndexPage,
    DepartmentLocation,
    DepartmentPage,
    LocationIndexPage,
    LocationPage,
    NewsIndexPage,
    NewsPage,
    VisitingHours,
    VisitingHoursException,
)

SAMPLE = "Eksempelinnhold."
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


def rich(text):
    return "".join(f"<p>{paragraph}</p>" for paragraph in text.split("\n\n"))


def demo_image(trust, report):
    """One small generated picture per site, in the site's own collection."""
    Image = get_image_model()
    title = f"Eksempelbilde {trust.name}"
    collection = site_collection(trust.name)
    existing = Image.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", (640, 360), (0, 87, 138))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((180, 110, 460, 300), fill=(240, 244, 248))
    draw.rectangle((290, 150, 350, 260), fill=(200, 30, 30))
    draw.rectangle((265, 175, 375, 235), fill=(200, 30, 30))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = Image(title=title, collection=collection)
    image.file = ImageFile(buffer, name=f"eksempel-{trust.slug}.png")
    image.save()
    report.count("images")
    return image


def ensure_locations(home, trust, ensure_child, report):
    index = ensure_child(
        home,
        LocationIndexPage,
        "steder",
        report,
        title="Steder",
        show_in_menus=True,
        intro=f"Her finner du stedene til {trust.name}. {SAMPLE}",
    )
    locations = []
    for n, (name, lat, lon) in enumerate(CONTENT_SITES[trust.slug], start=1):
        locations.append(
            ensure_child(
                index,
                LocationPage,
                slugify_no(name),
                report,
                title=name,
                intro=f"Praktisk informasjon om {name}. {SAMPLE}",
                visiting_address=f"Eksempelveien {n}\n0000 Eksempelby",
                postal_address=f"Postboks {n}\n0000 Eksempelby",
                latitude=Decimal(str(lat)),
                longitude=Decimal(str(lon)),
                opening_hours="Hovedinngangen er åpen hele døgnet. Resepsjonen: 07.30–15.30.",
                parking=rich(
                    "Parkeringshus ved hovedinngangen. Betal med app eller i automat. "
                    "Korttidsparkering for henting og levering."
                ),
                public_transport=rich("Buss til holdeplassen «Sykehuset», 2 minutter å gå."),
                accessibility=rich(
                    "Trinnfri inngang og heis til alle etasjer. HC-parkering ved inngangen. "
                    "Rullestol kan lånes i resepsjonen."
                ),
            )
        )
    return locations


def slugify_no(text):
    return slugify(text.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a"})))


def ensure_departments(home, trust, locations, ensure_child, report):
    index = ensure_child(
        home,
        DepartmentIndexPage,
        "avdelinger",
        report,
        title="Avdelinger",
        show_in_menus=True,
        intro=f"Avdelinger og poliklinikker ved {trust.name}, A–Å. {SAMPLE}",
    )
    count = 5 + len(trust.slug) % 6  # 5–10 per hospital, stable between runs
    departments = []
    for n, (title, kind) in enumerate(DEPARTMENTS[:count]):
        places = [locations[n % len(locations)]]
        if n % 3 == 0 and len(locations) > 1:
            places.append(locations[(n + 1) % len(locations)])

        def prepare(page, places=places, n=n):
            page.department_locations = [
                DepartmentLocation(
                    location=place,
                    reporting_point=f"Resepsjonen, {n % 4 + 1}. etasje, inngang {'ABCD'[n % 4]}",
                )
                for place in places
            ]
            page.visiting_hours = [
                VisitingHours(
                    weekday=day,
                    opens=datetime.time(12 if day >= 5 else 16),
                    closes=datetime.time(18 if day >= 5 else 19, 30 if day < 5 else 0),
                )
                for day in range(7)
            ]
            page.visiting_exceptions = [
                VisitingHoursException(
                    date=datetime.date(timezone.localdate().year, 12, 24),
                    opens=datetime.time(12),
                    closes=datetime.time(20),
                    note="Julaften: utvidet besøkstid",
                )
            ]

        departments.append(
            ensure_child(
                index,
                DepartmentPage,
                slugify_no(title),
                report,
                prepare=prepare,
                title=title,
                kind=kind,
                intro=f"{title} ved {trust.name}. {SAMPLE}",
                phone=f"22 00 {10 + n:02d} 00",
                phone_hours="Mandag–fredag 08.00–15.00",
                email=f"{slugify_no(title)}@{trust.slug}.eksempel.no",
                visiting_note=(
                    "Barn under 12 år må være i følge med en voksen. Ring gjerne før du kommer."
                ),
                staff_contacts=[
                    (
                        "person",
                        {
                            "name": "Kari Eksempel",
                            "role": "Avdelingsleder",
                            "phone": "",
                            "email": "",
                        },
                    ),
                ],
            )
        )
    return departments


def ensure_news(home, trust, image, ensure_child, report):
    index = ensure_child(
        home,
        NewsIndexPage,
        "aktuelt",
        report,
        title="Aktuelt",
        show_in_menus=True,
        intro=f"Nyheter fra {trust.name}. {SAMPLE}",
    )
    today = timezone.localdate()
    for n, (title, tags) in enumerate(NEWS):

        def prepare(page, tags=tags):
            page.tags.add(*tags)

        ensure_child(
            index,
            NewsPage,
            slugify_no(title),
            report,
            prepare=prepare,
            title=title,
            date=today - datetime.timedelta(days=7 * n + len(trust.slug) % 5),
            lead=f"{title} ved {trust.name}. {SAMPLE}",
            image=image if n % 2 == 0 else None,
            image_alt="Tegning av et sykehusbygg med rødt kors" if n % 2 == 0 else "",
            author="Kommunikasjonsavdelingen",
            body=[("paragraph", rich(f"Dette er en eksempelnyhet. {SAMPLE}"))],
        )
    return index


def patient_pages(patients, departments, ensure_child, report):
    """Parkering and Pasientreiser under 'Pasient og pårørende', built from the blocks."""
    ensure_child(
        patients,
        ContentPage,
        "parkering",
        report,
        title="Parkering",
        intro="Slik parkerer du når du skal til oss.",
        body=[
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
        ],
    )
    cards = [("contact_card", {"department": department}) for department in departments[:1]]
    ensure_child(
        patients,
        ContentPage,
        "pasientreiser",
        report,
        title="Pasientreiser",
        intro="Du kan få dekket reiseutgifter når du skal til behandling.",
        body=[
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
        ],
    )


def besokstider_body(note):
    """The blocks of a newly created 'Besøkstider' page (existing ones are left alone)."""
    return [
        (
            "paragraph",
            rich(
                "Ordinær besøkstid er hver dag kl. 12.00–20.00. Enkelte avdelinger har egne "
                f"tider.\n\nTa kontakt med avdelingen før du kommer. {note}"
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


def demo_banner(site, report):
    """An information banner on one demo site, for a year from when the demo was loaded."""
    settings, created = AlertSettings.objects.get_or_create(site=site)
    if not created:
        return
    now = timezone.now()
    settings.banners = [
        (
            "banner",
            {
                "message": "Eksempel: Nytt parkeringshus åpner i høst. Følg skiltingen.",
                "level": "info",
                "link": "",
                "start": now,
                "end": now + datetime.timedelta(days=365),
            },
        )
    ]
    settings.save()
    report.count("alert banners")


def ensure_site_content(home, trust, patients, ensure_child, report):
    if trust.slug not in CONTENT_SITES:
        return
    locations = ensure_locations(home, trust, ensure_child, report)
    departments = ensure_departments(home, trust, locations, ensure_child, report)
    ensure_news(home, trust, demo_image(trust, report), ensure_child, report)
    patient_pages(patients, departments, ensure_child, report)
    if trust.slug == "helse-bergen":
        demo_banner(trust.site, report)
