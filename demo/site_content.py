"""Locations, departments, news and more patient pages, on the hospitals in CONTENT_SITES."""

import datetime
import io
from decimal import Decimal

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail_factories import ImageFactory

from core.models import AlertSettings
from demo.build import Children, ensure_child, rich
from demo.data import SAMPLE
from demo.data.site_content import (
    CONTENT_SITES,
    DEPARTMENTS,
    NEWS,
    parkering_body,
    pasientreiser_body,
)
from home.factories import (
    ContentPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from home.groups import site_collection
from home.models import DepartmentLocation, VisitingHours, VisitingHoursException


def ensure_site_content(home, trust, patients, report):
    if trust.slug not in CONTENT_SITES:
        return
    locations = ensure_locations(home, trust, report)
    departments = ensure_departments(home, trust, locations, report)
    ensure_news(home, trust, demo_image(trust, report), report)
    ensure_child(
        ContentPageFactory,
        patients,
        "parkering",
        report,
        title="Parkering",
        intro="Slik parkerer du når du skal til oss.",
        body=parkering_body(),
    )
    ensure_child(
        ContentPageFactory,
        patients,
        "pasientreiser",
        report,
        title="Pasientreiser",
        intro="Du kan få dekket reiseutgifter når du skal til behandling.",
        body=pasientreiser_body(departments),
    )
    if trust.slug == "helse-bergen":
        demo_banner(trust.site, report)


def slugify_no(text):
    return slugify(text.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a"})))


def demo_image(trust, report):
    """One small generated picture per site, in the site's own collection."""
    title = f"Eksempelbilde {trust.name}"
    collection = site_collection(trust.name)
    existing = get_image_model().objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", (640, 360), (0, 87, 138))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((180, 110, 460, 300), fill=(240, 244, 248))
    draw.rectangle((290, 150, 350, 260), fill=(200, 30, 30))
    draw.rectangle((265, 175, 375, 235), fill=(200, 30, 30))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = ImageFactory(
        title=title,
        collection=collection,
        file=ImageFile(buffer, name=f"eksempel-{trust.slug}.png"),
    )
    report.count("images")
    return image


def ensure_locations(home, trust, report):
    index = ensure_child(
        LocationIndexPageFactory,
        home,
        "steder",
        report,
        title="Steder",
        show_in_menus=True,
        intro=f"Her finner du stedene til {trust.name}. {SAMPLE}",
    )
    locations = Children(LocationPageFactory, index, report)
    return [
        locations.ensure(
            slugify_no(name),
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
        for n, (name, lat, lon) in enumerate(CONTENT_SITES[trust.slug], start=1)
    ]


def ensure_departments(home, trust, locations, report):
    index = ensure_child(
        DepartmentIndexPageFactory,
        home,
        "avdelinger",
        report,
        title="Avdelinger",
        show_in_menus=True,
        intro=f"Avdelinger og poliklinikker ved {trust.name}, A–Å. {SAMPLE}",
    )
    count = 5 + len(trust.slug) % 6  # 5–10 per hospital, stable between runs
    # The coming Christmas Eve: a past one would not be shown (only coming exceptions are).
    today = timezone.localdate()
    christmas_eve = datetime.date(today.year, 12, 24)
    if christmas_eve < today:
        christmas_eve = christmas_eve.replace(year=today.year + 1)
    pages = Children(DepartmentPageFactory, index, report)
    departments = []
    for n, (title, kind) in enumerate(DEPARTMENTS[:count]):
        reporting_point = f"Resepsjonen, {n % 4 + 1}. etasje, inngang {'ABCD'[n % 4]}"
        places = [locations[n % len(locations)]]
        if n % 3 == 0 and len(locations) > 1:
            places.append(locations[(n + 1) % len(locations)])
        departments.append(
            pages.ensure(
                slugify_no(title),
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
                department_locations=[
                    DepartmentLocation(
                        location=place,
                        reporting_point=reporting_point,
                    )
                    for place in places
                ],
                visiting_hours=[
                    VisitingHours(
                        weekday=day,
                        opens=datetime.time(12 if day >= 5 else 16),
                        closes=datetime.time(18 if day >= 5 else 19, 30 if day < 5 else 0),
                    )
                    for day in range(7)
                ],
                visiting_exceptions=[
                    VisitingHoursException(
                        date=christmas_eve,
                        opens=datetime.time(12),
                        closes=datetime.time(20),
                        note="Julaften: utvidet besøkstid",
                    )
                ],
            )
        )
    return departments


def ensure_news(home, trust, image, report):
    index = ensure_child(
        NewsIndexPageFactory,
        home,
        "aktuelt",
        report,
        title="Aktuelt",
        show_in_menus=True,
        intro=f"Nyheter fra {trust.name}. {SAMPLE}",
    )
    news = Children(NewsPageFactory, index, report)
    today = timezone.localdate()
    for n, (title, tags) in enumerate(NEWS):
        news.ensure(
            slugify_no(title),
            title=title,
            tags=tags,
            date=today - datetime.timedelta(days=7 * n + len(trust.slug) % 5),
            lead=f"{title} ved {trust.name}. {SAMPLE}",
            image=image if n % 2 == 0 else None,
            image_alt="Tegning av et sykehusbygg med rødt kors" if n % 2 == 0 else "",
            author="Kommunikasjonsavdelingen",
            body=[("paragraph", rich(f"Dette er en eksempelnyhet. {SAMPLE}"))],
        )


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
