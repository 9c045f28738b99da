"""Demo content for every site: idempotent, marked as sample content.

Every object is looked up by a stable key (slug, hostname, title) and created only when
missing, so a second run changes nothing. Other apps add their demo content through the
``fnsp_load_demo`` hook, called after the sites exist.
"""

import os
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail import hooks
from wagtail.models import Locale, Page, Site

from core.models import HealthTrust, NavigationMenu, Region, SiteSettings
from core.registry import sync_registry
from home.demo_content import besokstider_body, ensure_site_content
from home.groups import sync_site_groups
from home.models import ContentPage, HospitalHomePage, NewsIndexPage, PortalHomePage

DEMO_HOOK = "fnsp_load_demo"
SAMPLE_NOTE = (
    "Eksempelinnhold: denne teksten er laget for demonstrasjon og er ikke ekte informasjon."
)
PORTAL_TITLE = "Spesialisthelsetjenesten"
REGION_COLOURS = {
    "helse-sor-ost": "#00578a",
    "helse-vest": "#004f59",
    "helse-midt-norge": "#2b5d2b",
    "helse-nord": "#1f4e79",
    None: "#3d3d8f",
}
# Sites that get an English version of their home and "Om oss" page in the demo (the
# research demo translates the research groups of these university hospitals).
ENGLISH_SITES = {
    "oslo-universitetssykehus",
    "helse-bergen",
    "stolav",
    "unn",
    "ahus",
    "helse-stavanger",
}


@dataclass
class DemoReport:
    created: dict = field(default_factory=dict)

    def count(self, what):
        self.created[what] = self.created.get(what, 0) + 1

    def summary(self):
        if not self.created:
            return "nothing new (demo data was already complete)"
        return ", ".join(f"{n} {what}" for what, n in sorted(self.created.items()))


def publish(page):
    page.save_revision().publish()
    return page


def rich(text):
    return "".join(f"<p>{paragraph}</p>" for paragraph in text.split("\n\n"))


def ensure_child(parent, model, slug, report, prepare=None, **fields):
    """The child page with this slug; created and published only when missing.

    `prepare(page)` sets what the constructor cannot, such as child rows and tags.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    if prepare:
        prepare(page)
    parent.add_child(instance=page)
    report.count("pages")
    return publish(page)


def ensure_translation(page, locale, report, **fields):
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    report.count("translated pages")
    return publish(translated)


def ensure_portal(report):
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    portal = PortalHomePage.objects.filter(locale=Locale.get_default()).first()
    if portal is None:
        portal = ensure_child(
            root,
            PortalHomePage,
            "portal",
            report,
            title=PORTAL_TITLE,
            intro=rich(
                "Felles nettløsning for spesialisthelsetjenesten: sykehusene og helseforetakene "
                "i de fire helseregionene. " + SAMPLE_NOTE
            ),
        )
    if site is None:
        site = Site(is_default_site=True)
    if (site.hostname, site.port, site.root_page_id) != (
        "localhost",
        settings.FNSP_DEMO_PORT,
        portal.pk,
    ):
        previous_root = site.root_page_id
        site.hostname, site.port, site.root_page = "localhost", settings.FNSP_DEMO_PORT, portal
        site.site_name = PORTAL_TITLE
        site.save()
        report.count("sites configured")
        # Wagtail's installer leaves a bare "Welcome" page; it has no place on the platform.
        if previous_root and previous_root != portal.pk:
            welcome = Page.objects.filter(pk=previous_root, content_type__model="page").first()
            if welcome and not welcome.get_children().exists():
                welcome.delete()
    ensure_translation(
        portal,
        Locale.objects.get(language_code="en"),
        report,
        title="Specialist health service in Norway",
        intro=rich("The hospitals and health trusts of the four health regions. Sample content."),
    )
    ensure_settings(site, None, "#3d3d8f", "postmottak@fnsp.eksempel.no", report)
    ensure_child(
        portal,
        NewsIndexPage,
        "aktuelt",
        report,
        title="Aktuelt",
        show_in_menus=True,
        intro="Nyheter fra alle sykehus og helseforetak.",
    )
    return portal


def ensure_settings(site, trust, colour, email, report):
    site_settings = SiteSettings.for_site(site)
    if site_settings.phone:
        return site_settings
    site_settings.theme_colour = colour
    site_settings.phone = "800 00 000" if trust is None else "22 00 00 00"
    site_settings.email = email
    site_settings.visiting_address = "Eksempelveien 1\n0000 Eksempelby" if trust else ""
    site_settings.postal_address = "Postboks 1\n0000 Eksempelby" if trust else ""
    site_settings.social_links = [
        ("social", {"service": "facebook", "url": "https://www.facebook.com/"}),
    ]
    site_settings.save()
    report.count("site settings")
    return site_settings


def ensure_menu(trust, pages, site_settings, report):
    title = f"Hovedmeny {trust.name}"
    menu = NavigationMenu.objects.filter(title=title, locale=Locale.get_default()).first()
    if menu is None:
        menu = NavigationMenu.objects.create(
            title=title,
            items=[("link", {"label": page.title, "page": page, "url": ""}) for page in pages],
        )
        report.count("navigation menus")
    if site_settings.main_navigation_id != menu.pk:
        site_settings.main_navigation = menu
        site_settings.save(update_fields=["main_navigation"])
    return menu


def ensure_hospital(trust, report):
    root = Page.get_first_root_node()
    home = HospitalHomePage.objects.filter(slug=trust.slug, locale=Locale.get_default()).first()
    if home is None:
        home = ensure_child(
            root,
            HospitalHomePage,
            trust.slug,
            report,
            title=trust.name,
            intro=rich(
                f"Velkommen til {trust.name}. Her finner du informasjon om behandlinger, "
                f"kliniske studier, forskning og jobb. {SAMPLE_NOTE}"
            ),
        )
    hostname = trust.demo_hostname
    site = Site.objects.filter(hostname=hostname).first()
    if site is None:
        site = Site.objects.create(
            hostname=hostname,
            port=settings.FNSP_DEMO_PORT,
            site_name=trust.name,
            root_page=home,
        )
        report.count("sites")
    if trust.site_id != site.pk:
        trust.site = site
        trust.save(update_fields=["site"])
    colour = REGION_COLOURS.get(trust.region.slug if trust.region else None)
    domain = trust.public_domain.split(".")[0] if trust.public_domain else trust.slug
    site_settings = ensure_settings(site, trust, colour, f"postmottak@{domain}.eksempel.no", report)

    patients = ensure_child(
        home,
        ContentPage,
        "pasient-og-parorende",
        report,
        title="Pasient og pårørende",
        show_in_menus=True,
        intro="Praktisk informasjon før, under og etter et opphold hos oss.",
        body=[
            (
                "paragraph",
                rich(f"Her samler vi informasjon for pasienter og pårørende. {SAMPLE_NOTE}"),
            )
        ],
    )
    ensure_child(
        patients,
        ContentPage,
        "besokstider",
        report,
        title="Besøkstider",
        intro="Besøk er viktig for pasientene. Sjekk tidene for avdelingen du skal besøke.",
        body=besokstider_body(SAMPLE_NOTE),
    )
    ensure_site_content(home, trust, patients, ensure_child, report)
    about = ensure_child(
        home,
        ContentPage,
        "om-oss",
        report,
        title="Om oss",
        show_in_menus=True,
        intro=f"{trust.name} er en del av spesialisthelsetjenesten.",
        body=[
            (
                "paragraph",
                rich(f"Vi gir spesialiserte helsetjenester til befolkningen. {SAMPLE_NOTE}"),
            )
        ],
    )
    contact = ensure_child(
        home,
        ContentPage,
        "kontakt-oss",
        report,
        title="Kontakt oss",
        show_in_menus=True,
        intro="Slik kommer du i kontakt med oss.",
        body=[("paragraph", rich(f"Ring sentralbordet eller send oss e-post. {SAMPLE_NOTE}"))],
    )
    menu = ensure_menu(trust, [patients, about, contact], site_settings, report)

    if trust.slug in ENGLISH_SITES:
        english = Locale.objects.get(language_code="en")
        ensure_translation(
            home,
            english,
            report,
            title=trust.name,
            intro=rich(f"Welcome to {trust.name}. Sample content for demonstration."),
        )
        about_en = ensure_translation(
            about,
            english,
            report,
            title="About us",
            slug="about-us",
            intro=f"{trust.name} is part of the Norwegian specialist health service.",
            body=[("paragraph", rich("We provide specialised health care. Sample content."))],
        )
        if not menu.get_translation_or_none(english):
            menu_en = menu.copy_for_translation(english)
            menu_en.title = f"Main menu {trust.name}"
            menu_en.items = [("link", {"label": "About us", "page": about_en, "url": ""})]
            menu_en.save()
            report.count("navigation menus")


def add_to_menu(site, index, position=0):
    """Put a section's index page in the site's menu, once (domain apps' demo loaders)."""
    menu = SiteSettings.for_site(site).main_navigation
    if menu is None or any(
        item.value["page"] and item.value["page"].pk == index.pk for item in menu.items
    ):
        return
    menu.items.insert(position, ("link", {"label": index.title, "page": index, "url": ""}))
    menu.save()


def ensure_admin(stdout):
    User = get_user_model()
    password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
    user = User.objects.filter(username="admin").first()
    if user is None:
        password = password or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@fnsp.eksempel.no", password)
        stdout(f"Superuser 'admin' created with password: {password}")
    elif password and not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
        stdout("Superuser 'admin' password set from DJANGO_SUPERUSER_PASSWORD.")
    else:
        stdout("Superuser 'admin' exists; its password is unchanged.")


def load_demo(stdout=print):
    """Build every site; return a DemoReport. Safe to run again."""
    report = DemoReport()
    sync_registry(Region, HealthTrust)
    with transaction.atomic():
        ensure_portal(report)
    trusts = list(HealthTrust.objects.select_related("region", "site").order_by("region", "name"))
    for index, trust in enumerate(trusts, start=1):
        with transaction.atomic():
            ensure_hospital(trust, report)
        stdout(f"[{index}/{len(trusts)}] {trust.name}")
    for loader in hooks.get_hooks(DEMO_HOOK):
        loader(report, stdout)
    groups = sync_site_groups()
    stdout(f"Editor groups: {len(groups.sites)} sites, {groups.groups_created} groups created.")
    ensure_admin(stdout)
    return report
