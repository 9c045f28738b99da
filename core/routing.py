"""Wagtail's page view, routed with fewer queries: the request's site from the versioned cache
(core/chrome.py) and the site root in the active language fetched with its specific fields and
locale in one query (Wagtail takes one query for the site, one for the locale and one for the
root's specific row)."""

from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import PageViewRestriction, Site

from core.chrome import CHROME_CACHE_SECONDS, request_chrome_version
from core.sites import ROOT_DEPTH


def find_site(request):
    """`Site.find_for_request`, cached per host, port and chrome version (raised by every save
    or deletion of a site); it leaves the site on the request where Wagtail looks for it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        key = f"fnsp-site:{hostname}:{request.get_port()}:{request_chrome_version(request)}"
        site = cache.get(key)
        if site is None:
            site = Site.find_for_request(request)
            if site is not None:
                cache.set(key, site, CHROME_CACHE_SECONDS)
        request._wagtail_site = site
    return request._wagtail_site


def localized_root(site):
    """`site.root_page.localized.specific`, as Wagtail routes from it: the root's live
    translation in the active language, else the root itself."""
    root = site.root_page
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        language = None
    if language and root.specific_class is not None:
        page = (
            root.specific_class.objects.filter(
                translation_key=root.translation_key, locale__language_code=language
            )
            .select_related("locale")
            .first()
        )
        if page is not None and (page.live or page.pk == root.pk):
            return page
    return root.localized.specific


def restricted_paths(request):
    """The tree paths of every page with a view restriction, cached per chrome version (raised
    by every save or deletion of a restriction and every move of a page: core/chrome.py)."""
    key = f"fnsp-restricted:{request_chrome_version(request)}"
    paths = cache.get(key)
    if paths is None:
        paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())
        cache.set(key, paths, CHROME_CACHE_SECONDS)
    return paths


def mark_unrestricted(request, page):
    """Tell `BasePage.get_view_restrictions` that no restriction covers the routed page, so
    Wagtail's check costs no query, when that is certain: no restricted page's path begins
    its path and neither it nor an ancestor is an alias (their original's restrictions count,
    and the query finds those)."""
    ancestors = routed_ancestors(page)
    if ancestors is None or any(p.alias_of_id for p in (page, *ancestors)):
        return
    if not any(page.path.startswith(path) for path in restricted_paths(request)):
        page._fnsp_unrestricted = True


def route_for_request(request, path):
    """`Page.route_for_request`, from `find_site` and `localized_root`."""
    site = find_site(request)
    if site is None:
        return None
    try:
        route = localized_root(site).route(request, [part for part in path.split("/") if part])
    except Http404:
        return None
    mark_unrestricted(request, route[0])
    return route


def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route_for_request(request, path)
    return views.serve(request, path)


def routed_ancestors(page):
    """The ancestors from the site root (depth 2) down, as routing found them (it keeps each
    page's parent on it), or None if it did not pass them all."""
    chain = []
    while page.depth > ROOT_DEPTH:
        page = page.__dict__.get("_cached_parent_obj")
        if page is None:
            return None
        chain.append(page)
    return chain[::-1]


def routed_site_root(request):
    """The site root, in the language of the page served, that routing passed; or None."""
    route = getattr(request, "_wagtail_route_for_request", None)
    if not route:
        return None
    page = route[0]
    ancestors = routed_ancestors(page)
    if page.depth == ROOT_DEPTH:
        return page
    return ancestors[0] if ancestors else None
