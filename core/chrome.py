"""What every public page shows around its content: the site's name, colours, menu, contact."""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_slug_changed, post_page_move

from core.caching import NATIONAL_ALERTS, add_cache_keys, cache_until, object_key, site_key
from core.colour import HEX_COLOUR
from core.models import (
    AlertSettings,
    ChromeVersion,
    HealthTrust,
    NavigationMenu,
    Region,
    SiteSettings,
)
from core.models.banners import active_banners, next_banner_change
from core.models.settings import DEFAULT_THEME_COLOUR


@dataclass
class Chrome:
    site: Site | None
    settings: SiteSettings | None
    trust: HealthTrust | None
    name: str
    menu: NavigationMenu | None
    menu_is_fallback: bool
    # This site's alert settings, then the portal's (national) when this is not the portal.
    alert_settings: tuple = ()
    # (label, address) of the menu's items (`menu_links`).
    menu_links: tuple = ()

    @property
    def is_portal(self):
        return self.trust is None

    @property
    def home_url(self):
        """The site's front page in the active language, without a query."""
        return reverse("wagtail_serve", args=[""])

    @property
    def theme_colour(self):
        colour = self.settings.theme_colour if self.settings else ""
        # Validated on save, checked again here because it is written into a style attribute.
        return colour if HEX_COLOUR.match(colour or "") else DEFAULT_THEME_COLOUR

    @cached_property
    def alert_banners(self):
        """Banners showing now: national ones first, then this site's."""
        return active_banners(row.banners for row in reversed(self.alert_settings))


def localized_menu(menu_id):
    """The menu in the active locale, else the chosen (Bokmål) one; one query."""
    if not menu_id:
        return None, False
    default = settings.LANGUAGE_CODE
    active = translation.get_language() or default
    candidates = list(
        NavigationMenu.objects.filter(
            translation_key__in=NavigationMenu.objects.filter(pk=menu_id).values("translation_key")
        )
        .filter(locale__language_code__in={active, default})
        .select_related("locale")
    )
    for menu in candidates:
        if menu.locale.language_code == active:
            return menu, False
    chosen = next((menu for menu in candidates if menu.pk == menu_id), None)
    return chosen, chosen is not None


def _related_or_none(site, name):
    try:
        return getattr(site, name)
    except (SiteSettings.DoesNotExist, AlertSettings.DoesNotExist):
        return None


def settings_and_alerts(request, site):
    """This site's settings, and the alert settings of this site and the portal: one query.

    The site's settings are cached on the request as ``SiteSettings.for_request`` does.
    """
    sites = {
        row.pk: row
        for row in Site.objects.filter(Q(pk=site.pk) | Q(is_default_site=True)).select_related(
            "sitesettings", "alertsettings"
        )
    }
    own = _related_or_none(sites.get(site.pk), "sitesettings") or SiteSettings.for_site(site)
    own._request = request
    setattr(request, SiteSettings.get_cache_attr_name(), own)
    ordered = [row for pk, row in sites.items() if pk == site.pk] + [
        row for pk, row in sites.items() if pk != site.pk
    ]
    alerts = tuple(filter(None, (_related_or_none(row, "alertsettings") for row in ordered)))
    return own, alerts


# Each version's entries stay until evicted; a new version makes them unreachable.
CHROME_CACHE_SECONDS = 24 * 60 * 60


def chrome_version():
    """The number in the chrome cache's key: one query, the same for every process."""
    return ChromeVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def request_chrome_version(request):
    """`chrome_version`, read once per request: a page view's site lookup and chrome share it
    (core/routing.py)."""
    if not hasattr(request, "_fnsp_chrome_version"):
        request._fnsp_chrome_version = chrome_version()
    return request._fnsp_chrome_version


def bump_chrome_version(sender, created=False, **kwargs):
    """A change to what some site's chrome shows: every cached chrome is outdated.

    The update is part of the change's transaction, so no process reads the new number
    before the new data. A site's settings being created are not a change: the chrome creates
    them, with their defaults, the first time it is shown (`SiteSettings.for_site`), so no
    chrome was cached without them.
    """
    if sender is SiteSettings and created:
        return
    if ChromeVersion.objects.filter(pk=1).update(number=F("number") + 1):
        return
    try:
        with transaction.atomic():
            ChromeVersion.objects.create(pk=1, number=1)
    except IntegrityError:  # another process created it meanwhile
        ChromeVersion.objects.filter(pk=1).update(number=F("number") + 1)


def bump_on_page_deletion(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_chrome_version(sender)


def connect_chrome_version():
    """Every save or deletion of what the chrome holds raises the version.

    The menu is kept with its links' addresses (`menu_links`), so what changes a page's
    address raises it too: a page's (or an ancestor's) slug changed, a page moved or deleted.
    A banner keeps its links' raw data and finds the pages when shown. The routing's list of
    restricted pages (core/routing.py) shares the version: a view restriction saved or
    deleted, or a page moved (its subtree's paths change), raises it."""
    models = (Site, SiteSettings, AlertSettings, NavigationMenu, HealthTrust, Region)
    for model in (*models, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(bump_chrome_version, sender=model, dispatch_uid=f"fnsp_chrome_{model}")
    post_page_move.connect(bump_chrome_version, dispatch_uid="fnsp_chrome_page_moved")
    page_slug_changed.connect(bump_chrome_version, dispatch_uid="fnsp_chrome_page_slug")
    post_delete.connect(bump_on_page_deletion, dispatch_uid="fnsp_chrome_page_deleted")


def menu_links(request, menu):
    """(label, address) of each item of the menu, as its link block renders it."""
    links = []
    for item in menu.items if menu else ():
        page, url = item.value.get("page"), item.value.get("url")
        address = page.get_url(request) if page else url
        if address:
            links.append((item.value["label"], address))
    return tuple(links)


def _load_chrome(request, site):
    site_settings, alert_settings = settings_and_alerts(request, site)
    trust = HealthTrust.objects.filter(site=site).select_related("region").first()
    name = site_settings.display_name or (trust.name if trust else site.site_name or "FNSP")
    menu, fallback = localized_menu(site_settings.main_navigation_id)
    return Chrome(
        site, site_settings, trust, name, menu, fallback, alert_settings, menu_links(request, menu)
    )


def build_chrome(request):
    site = Site.find_for_request(request)
    if site is None:
        return Chrome(None, None, None, "FNSP", None, False)
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = f"fnsp-chrome:{site.pk}:{language}:{request_chrome_version(request)}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _load_chrome(request, site)
        cache.set(key, chrome, CHROME_CACHE_SECONDS)
    else:
        # As `settings_and_alerts` does: `SiteSettings.for_request` finds it on the request.
        chrome.settings._request = request
        setattr(request, SiteSettings.get_cache_attr_name(), chrome.settings)
    # What the chrome shows, and until when, for the HTTP cache (core/caching.py).
    menu = chrome.menu
    add_cache_keys(request, site_key(site.pk), NATIONAL_ALERTS, menu and object_key(menu))
    change = next_banner_change(row.banners for row in chrome.alert_settings)
    if change:
        cache_until(request, change)
    return chrome
