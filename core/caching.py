"""The HTTP cache in front of Django (Varnish, deploy/varnish/fnsp.vcl; docs/caching.md).

Varnish decides per request what may come from the cache (anonymous GETs of public URLs);
this sets per response for how long (`s-maxage`) and what it shows: surrogate keys in an
`xkey` header, which Varnish indexes, so that a change purges exactly the responses showing
the changed thing (`purge`, called by the signal handlers in `connect_purges`).
"""

import datetime
import math
from collections import defaultdict
from urllib.error import URLError
from urllib.request import urlopen

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest, logger
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from core.models import AlertSettings, HealthTrust, NavigationMenu, SiteSettings

CACHEABLE_STATUSES = {200, 203, 300, 301, 302, 307, 308, 404, 410}
# Not a page (yet): a new page may be published at a 404's address, a redirect be edited.
SHORT_LIFETIME = 10
# Shown on every site: the portal's alert banners.
NATIONAL_ALERTS = "alerts"
# The portal's home and sections, which list every site's pages; and search results. Any page
# published anywhere may join them (they are few: one per section and query).
NATIONAL_LISTINGS = "national"
SEARCH = "search"


def page_key(page_id):
    return f"p{page_id}"


def site_key(site_id):
    """The site's chrome: its settings, trust, banners (and the menu's own key)."""
    return f"s{site_id}"


def object_key(obj):
    """One object in every language: translations share the key (a local page shows the
    national text in its language, else Bokmål)."""
    ident = getattr(obj, "translation_key", None) or obj.pk
    return f"{obj._meta.label_lower}:{ident}"


def listing_key(model):
    """Any list of `model`'s objects: a new or changed one may join or leave it."""
    return model._meta.label_lower


def cache_until(request, moment):
    """The response to `request` changes at `moment` (a banner's start or end): it may not be
    cached beyond it."""
    current = getattr(request, "fnsp_cache_until", None)
    request.fnsp_cache_until = moment if current is None else min(current, moment)


def seconds_left(request, lifetime):
    """`lifetime`, cut at the response's own moment of change and at the next midnight in
    Oslo: whatever depends on the day (a trial's status, a job's deadline, the coming events)
    changes then, and no page is kept into the next day."""
    now = timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    midnight = datetime.datetime.combine(tomorrow, datetime.time(), timezone.get_current_timezone())
    until = min(filter(None, [midnight, getattr(request, "fnsp_cache_until", None)]))
    return max(0, min(lifetime, math.ceil((until - now).total_seconds())))


def add_cache_keys(request, *keys):
    """Note that the response to `request` shows what `keys` name (false values are left out)."""
    request.__dict__.setdefault("fnsp_cache_keys", set()).update(filter(None, keys))


class XkeyBackend(HTTPBackend):
    """Wagtail's HTTP purge backend (URL purges) that also purges by surrogate key."""

    def purge_keys(self, keys):
        request = PurgeRequest(
            url=f"{self.cache_scheme}://{self.cache_netloc}/",
            headers={"xkey-purge": " ".join(keys)},
        )
        try:
            urlopen(request, timeout=5).close()
        except (URLError, OSError) as error:
            logger.error("Couldn't purge keys %s from %s: %s", keys, self.cache_netloc, error)


def purge_keys(keys):
    for backend in get_backends().values():
        if isinstance(backend, XkeyBackend):
            backend.purge_keys(keys)


def purge(*keys):
    """Purge `keys` from every Varnish once the change is committed (a purge before it would
    let Varnish fetch the old version again). In the request, not in a task: it is one
    request per Varnish whatever the number of keys, and the change shows at once rather
    than after the task worker's next poll (docs/caching.md, "Work after publishing")."""
    keys = sorted(set(filter(None, keys)))
    if keys and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(lambda: purge_keys(keys))


class CacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return response
        control = response.get("Cache-Control", "")
        personal = settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies
        if personal:
            # An editor's page may show drafts and admin links: no cache keeps it, anywhere
            # (a view that said so already keeps its own words).
            if "no-store" not in control:
                add_never_cache_headers(response)
            return response
        if response.status_code not in CACHEABLE_STATUSES or request.path.startswith(
            settings.STATIC_URL
        ):
            # Static files keep whitenoise's lifetime: a deploy changes them, not a purge.
            return response
        if any(word in control for word in ("private", "no-store", "no-cache", "s-maxage")):
            return response
        keys = getattr(request, "fnsp_cache_keys", ())
        if "max-age" in control and not keys:
            # A view's own short lifetime (the API's) stands where nothing would purge it.
            return response
        if keys:
            response["xkey"] = " ".join(sorted(keys))
        lifetime = settings.FNSP_CACHE_SECONDS if response.status_code == 200 else SHORT_LIFETIME
        lifetime = seconds_left(request, lifetime)
        # Browsers ask again each time (purges cannot reach them); Varnish keeps the page.
        patch_cache_control(response, s_maxage=lifetime)
        if "max-age" not in control:
            patch_cache_control(response, max_age=0)
        return response


def referrers(instance):
    """Keys of what links to `instance`, from Wagtail's reference index: pages with a link or
    chooser to it, menus listing it (they show its title)."""
    by_type = defaultdict(list)
    for type_id, object_id in ReferenceIndex.get_references_to(instance).values_list(
        "base_content_type", "object_id"
    ):
        by_type[type_id].append(object_id)
    keys = set()
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            keys.update(page_key(pk) for pk in ids)
        else:
            keys.update(object_key(obj) for obj in model._default_manager.filter(pk__in=ids))
    return keys


def page_keys(page, *more):
    """A page changed: the page; its ancestors, whose listings show their descendants (a home
    page its latest news, a section its pages); whatever links to it; any list of its kind;
    the portal's listings and search."""
    ancestors = page.get_ancestors().values_list("pk", flat=True)
    return [
        page_key(page.pk),
        *(page_key(pk) for pk in ancestors),
        *referrers(page),
        listing_key(page.specific_class),
        NATIONAL_LISTINGS,
        SEARCH,
        *more,
    ]


def page_changed(instance, **kwargs):
    """Published or unpublished; unpublished also its site's chrome (links to it vanish)."""
    site = None if instance.live else instance.get_site()
    purge(*page_keys(instance, site and site_key(site.pk)))


def page_moved(instance, parent_page_before, parent_page_after, **kwargs):
    site = instance.get_site()
    purge(*page_keys(instance, page_key(parent_page_before.pk), site and site_key(site.pk)))


def page_deleted(instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        site = instance.get_site()
        purge(*page_keys(instance, site and site_key(site.pk)))


def object_changed(instance, **kwargs):
    """A snippet with drafts published, unpublished or deleted: every response showing it or
    listing its kind."""
    purge(object_key(instance), listing_key(type(instance)), SEARCH, *referrers(instance))


def restriction_changed(instance, **kwargs):
    """A page's view restriction added, changed or removed: the page and its descendants leave
    or join the public (their copies, the listings and sitemaps showing them)."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:  # deleted with its page, whose deletion purges
        return
    descendants = page.get_descendants().values_list("pk", flat=True)
    purge(*page_keys(page, *(page_key(pk) for pk in descendants)))


def site_changed(instance, **kwargs):
    """A site's host name or port: its absolute addresses (robots.txt, the sitemap)."""
    purge(site_key(instance.pk))


def site_setting_changed(instance, **kwargs):
    national = isinstance(instance, AlertSettings) and instance.site.is_default_site
    purge(site_key(instance.site_id), national and NATIONAL_ALERTS)


def trust_changed(instance, **kwargs):
    purge(instance.site_id and site_key(instance.site_id), NATIONAL_LISTINGS)


def connect_purges():
    page_published.connect(page_changed, dispatch_uid="fnsp_purge_published")
    page_unpublished.connect(page_changed, dispatch_uid="fnsp_purge_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="fnsp_purge_moved")
    pre_delete.connect(page_deleted, dispatch_uid="fnsp_purge_deleted")
    published.connect(object_changed, dispatch_uid="fnsp_purge_object_published")
    unpublished.connect(object_changed, dispatch_uid="fnsp_purge_object_unpublished")
    for model in (SiteSettings, AlertSettings):
        post_save.connect(site_setting_changed, sender=model, dispatch_uid=f"fnsp_purge_{model}")
        post_delete.connect(site_setting_changed, sender=model, dispatch_uid=f"fnsp_pd_{model}")
    # A menu has no drafts: each save is what the sites show.
    post_save.connect(object_changed, sender=NavigationMenu, dispatch_uid="fnsp_purge_menu")
    post_delete.connect(object_changed, sender=NavigationMenu, dispatch_uid="fnsp_pd_menu")
    post_save.connect(trust_changed, sender=HealthTrust, dispatch_uid="fnsp_purge_trust")
    post_save.connect(site_changed, sender=Site, dispatch_uid="fnsp_purge_site")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed, sender=PageViewRestriction, dispatch_uid=f"fnsp_pvr_{signal}"
        )
