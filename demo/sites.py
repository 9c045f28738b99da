"""The registry, the national portal and every trust's site with its basic pages and menu."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_factories import SiteFactory

from core.factories import NavigationMenuFactory
from core.models import HealthTrust, NavigationMenu, Region, SiteSettings
from core.registry import sync_registry
from demo import site_content
from demo.build import Children, ensure_child, ensure_translation, rich
from demo.data import SAMPLE_NOTE
from demo.data.site_content import besokstider_body
from demo.data.sites import (
    ENGLISH_SITES,
    PORTAL_EMAIL,
    PORTAL_PHONE,
    PORTAL_TITLE,
    PORTAL_TITLE_EN,
    POSTAL_ADDRESS,
    REGION_COLOURS,
    SOCIAL_LINKS,
    TRUST_PHONE,
    VISITING_ADDRESS,
)
from home.factories import (
    ContentPageFactory,
    HospitalHomePageFactory,
    NewsIndexPageFactory,
    PortalHomePageFactory,
)
from home.models import HospitalHomePage, PortalHomePage


def load_registry(report, stdout):
    """Regions and trusts from core/data, as the data migration loads them."""
    sync_registry(Region, HealthTrust)


@transaction.atomic
def load_portal(report, stdout):
    """The portal as the default site at localhost, in Bokmål and English."""
    portal = PortalHomePage.objects.filter(locale=Locale.get_default()).first()
    if portal is None:
        portal = ensure_child(
            PortalHomePageFactory,
            Page.get_first_root_node(),
            "portal",
            report,
            title=PORTAL_TITLE,
            intro=rich(
                "Felles nettløsning for spesialisthelsetjenesten: sykehusene og helseforetakene "
                "i de fire helseregionene. " + SAMPLE_NOTE
            ),
        )
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
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
        title=PORTAL_TITLE_EN,
        intro=rich("The hospitals and health trusts of the four health regions. Sample content."),
    )
    ensure_settings(site, None, report)
    ensure_child(
        NewsIndexPageFactory,
        portal,
        "aktuelt",
        report,
        title="Aktuelt",
        show_in_menus=True,
        intro="Nyheter fra alle sykehus og helseforetak.",
    )


def ensure_settings(site, trust, report):
    """Example contact details and the region's colour, unless the site has its own."""
    site_settings = SiteSettings.for_site(site)
    if site_settings.phone:
        return site_settings
    region = trust.region.slug if trust and trust.region else None
    site_settings.theme_colour = REGION_COLOURS.get(region)
    if trust is None:
        site_settings.phone, site_settings.email = PORTAL_PHONE, PORTAL_EMAIL
    else:
        domain = trust.public_domain.split(".")[0] if trust.public_domain else trust.slug
        site_settings.phone, site_settings.email = TRUST_PHONE, f"postmottak@{domain}.eksempel.no"
    site_settings.visiting_address = VISITING_ADDRESS if trust else ""
    site_settings.postal_address = POSTAL_ADDRESS if trust else ""
    site_settings.social_links = SOCIAL_LINKS
    site_settings.save()
    report.count("site settings")
    return site_settings


def menu_items(pages):
    return [("link", {"label": page.title, "page": page, "url": ""}) for page in pages]


def ensure_menu(trust, pages, site_settings, report):
    title = f"Hovedmeny {trust.name}"
    menu = NavigationMenu.objects.filter(title=title, locale=Locale.get_default()).first()
    if menu is None:
        menu = NavigationMenuFactory(title=title, items=menu_items(pages), site=site_settings.site)
        report.count("navigation menus")
    elif menu.site_id != site_settings.site_id:
        # Menus of demo data from before menus had a site: the trust's webmasters keep it.
        NavigationMenu.objects.filter(translation_key=menu.translation_key).update(
            site=site_settings.site
        )
    if site_settings.main_navigation_id != menu.pk:
        site_settings.main_navigation = menu
        site_settings.save(update_fields=["main_navigation"])
    return menu


def add_to_menu(site, index, position=0):
    """Put a section's index page in the site's menu, and its translations in the menu's
    translations (an English menu reaches the English sections), once each (the later steps'
    sections)."""
    menu = SiteSettings.for_site(site).main_navigation
    if menu is None:
        return
    for translated in menu.get_translations(inclusive=True).select_related("locale"):
        page = index.get_translation_or_none(translated.locale)
        # The stored items name their pages by id: no need to load every page to compare.
        if (
            page is None
            or not page.live
            or any(item["value"].get("page") == page.pk for item in translated.items.raw_data)
        ):
            continue
        place = min(position, len(translated.items))
        translated.items.insert(place, ("link", {"label": page.title, "page": page, "url": ""}))
        translated.save()


def load_hospitals(report, stdout):
    """Every trust's site, with its patient pages, site content, "Om oss" and "Kontakt oss"."""
    trusts = list(HealthTrust.objects.select_related("region", "site").order_by("region", "name"))
    homes = {
        home.slug: home for home in HospitalHomePage.objects.filter(locale=Locale.get_default())
    }
    sites = {site.hostname: site for site in Site.objects.all()}
    for number, trust in enumerate(trusts, start=1):
        with transaction.atomic():
            ensure_hospital(trust, homes.get(trust.slug), sites.get(trust.demo_hostname), report)
        stdout(f"[{number}/{len(trusts)}] {trust.name}")


def ensure_hospital(trust, home, site, report):
    if home is None:
        home = ensure_child(
            HospitalHomePageFactory,
            Page.get_first_root_node(),
            trust.slug,
            report,
            title=trust.name,
            intro=rich(
                f"Velkommen til {trust.name}. Her finner du informasjon om behandlinger, "
                f"kliniske studier, forskning og jobb. {SAMPLE_NOTE}"
            ),
        )
    if site is None:
        site = SiteFactory(
            hostname=trust.demo_hostname,
            port=settings.FNSP_DEMO_PORT,
            site_name=trust.name,
            root_page=home,
        )
        report.count("sites")
    if trust.site_id != site.pk:
        trust.site = site
        trust.save(update_fields=["site"])
    site_settings = ensure_settings(site, trust, report)

    pages = Children(ContentPageFactory, home, report)
    patients = pages.ensure(
        "pasient-og-parorende",
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
        ContentPageFactory,
        patients,
        "besokstider",
        report,
        title="Besøkstider",
        intro="Besøk er viktig for pasientene. Sjekk tidene for avdelingen du skal besøke.",
        body=besokstider_body(),
    )
    # Before "Om oss", so the hospitals' pages keep the order they have always had.
    site_content.ensure_site_content(home, trust, patients, report)
    about = pages.ensure(
        "om-oss",
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
    contact = pages.ensure(
        "kontakt-oss",
        title="Kontakt oss",
        show_in_menus=True,
        intro="Slik kommer du i kontakt med oss.",
        body=[("paragraph", rich(f"Ring sentralbordet eller send oss e-post. {SAMPLE_NOTE}"))],
    )
    menu = ensure_menu(trust, [patients, about, contact], site_settings, report)
    if trust.slug in ENGLISH_SITES:
        ensure_english(trust, home, about, menu, report)


def ensure_english(trust, home, about, menu, report):
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
        menu_en.items = menu_items([about_en])
        menu_en.save()
        report.count("navigation menus")
