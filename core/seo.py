"""What search engines and link previews read (docs/seo.md): each site's sitemap.xml and
robots.txt, a page's description, and schema.org JSON-LD built as plain dicts by each app and
written by `ld_json_script`."""

import json
from itertools import groupby

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from core.caching import add_cache_keys, page_key, site_key
from core.routing import find_site
from core.sites import ROOT_DEPTH, below, site_paths
from core.text import plain_description

SCHEMA_ORG = "https://schema.org"
LANGUAGE_ORDER = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
# Open Graph wants a territory with the language.
OG_LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB", "se": "se_NO"}
# Where robots have nothing to find: the admin, the feedback form's target, patients' personal
# links; and in every language search results (endless, thin pages) and staff's share pages.
DISALLOWED = ["/admin/", "/tilbakemelding/", "/i/"]
DISALLOWED_IN_EVERY_LANGUAGE = ["/sok/", "/del/"]

# As Django's json_script: nothing in the data can close the script element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def ld_json_script(data):
    """A dict as a `<script type="application/ld+json">` element; empty for no data. A data
    block, not a script: the Content-Security-Policy's script-src does not apply to it."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def postal_address(text, country="NO"):
    """A free-text address (lines) as a schema.org PostalAddress."""
    lines = [line.strip(" ,") for line in (text or "").splitlines() if line.strip(" ,")]
    address = {"@type": "PostalAddress", "addressCountry": country}
    if lines:
        address["streetAddress"] = lines[0]
    if len(lines) > 1:
        # "5021 Bergen": the postcode and the town.
        code, _space, town = lines[-1].partition(" ")
        if code.isdigit() and town:
            address["postalCode"] = code
            address["addressLocality"] = town
        else:
            address["addressLocality"] = lines[-1]
    return address


def organisation(trust, fallback_name="", site=None):
    """The health trust as a schema.org Organization (a name only when there is none); `site`
    is its site where the caller has it (the request's), saving the query for it."""
    if trust is None:
        return {"@type": "Organization", "name": fallback_name}
    data = {"@type": "Organization", "name": trust.name}
    if trust.site_id:
        site = site if site is not None and site.pk == trust.site_id else trust.site
        data["url"] = site.root_url + "/"
    return data


class SiteSitemap(Sitemap):
    """Wagtail's sitemap of the request's site in every language: each page once per live
    translation, with the others (and `x-default`, the Bokmål one) as hreflang alternates.
    Only live pages outside any view restriction; a trial is on its owner's site only (other
    sites show it at their own address with a canonical link to the owner's)."""

    def items(self):
        site = self.get_wagtail_site()
        return list(
            Page.objects.filter(below(site_paths(site)))
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        items = self.paginator.page(page).object_list
        links = {}
        for key, group in groupby(
            sorted(self.paginator.object_list, key=lambda p: str(p.translation_key)),
            key=lambda p: str(p.translation_key),
        ):
            pages = sorted(group, key=lambda p: LANGUAGE_ORDER.index(p.locale.language_code))
            links[key] = [(p.locale.language_code, p.get_full_url(self.request)) for p in pages]
        urls = []
        for item in items:
            alternates = links[str(item.translation_key)]
            info = {"location": item.get_full_url(self.request), "lastmod": self.lastmod(item)}
            if len(alternates) > 1:
                info["alternates"] = [
                    {"lang_code": code, "location": url} for code, url in alternates
                ] + [
                    {"lang_code": "x-default", "location": url}
                    for code, url in alternates
                    if code == settings.LANGUAGE_CODE
                ]
            urls.append(info)
        return urls


def site_tree_keys(site):
    """Surrogate keys of everything below the site's roots: a page published, unpublished,
    moved or restricted anywhere in them purges its ancestors' keys, the roots' among them."""
    roots = Page.objects.filter(path__in=site_paths(site)).values_list("pk", flat=True)
    return [site_key(site.pk), *(page_key(pk) for pk in roots)]


@require_safe
def sitemap(request):
    site = find_site(request)
    if site is None:
        return HttpResponse(status=404)
    add_cache_keys(request, *site_tree_keys(site))
    return wagtail_sitemap(request, {"pages": SiteSitemap})


@require_safe
def robots_txt(request):
    site = find_site(request)
    if site is None:
        return HttpResponse(status=404)
    # The sitemap's address has the site's host name: a change of it raises the site's key.
    add_cache_keys(request, site_key(site.pk))
    prefixes = ["" if code == settings.LANGUAGE_CODE else f"/{code}" for code in LANGUAGE_ORDER]
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in DISALLOWED]
    lines += [
        f"Disallow: {prefix}{path}" for path in DISALLOWED_IN_EVERY_LANGUAGE for prefix in prefixes
    ]
    lines.append(f"Sitemap: {site.root_url}{reverse('sitemap')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# The listings' query parameters (docs: URL contract) that change what a listing shows.
FILTER_PARAMETERS = [
    "q",
    "status",
    "category",
    "region",
    "hospital",
    "participating",
    "treatment",
    "icd10",
    "kind",
    "letter",
    "type",
    "tag",
    "location",
    "profession",
]


def listing_suffix(request, labels=None):
    """What a filtered or paged listing adds to its title, so that each has its own: the
    chosen filters (their names where the view gives them, else the values) and the page."""
    if request is None:
        return ""
    if labels is None:
        labels = [
            value.strip()
            for name in FILTER_PARAMETERS
            for value in request.GET.getlist(name)
            if value.strip()
        ]
    parts = [str(label) for label in labels if label]
    number = request.GET.get("page", "")
    if number.isdigit() and int(number) > 1:
        parts.append(_("page %(number)s") % {"number": int(number)})
    return ", ".join(parts)


def page_meta(context):
    """Title, description, canonical address, image and language of the page being shown, for
    the head's title, description, canonical link, Open Graph and Twitter card tags. A view
    that shows something other than its page (a national treatment, another site's trial)
    gives `seo_title`, `seo_description` and `canonical_url` in its context."""
    request = context.get("request")
    page = context.get("page")
    chrome = context.get("chrome")
    title = context.get("seo_title") or (
        (page.seo_title or page.title) if page is not None and page.depth > ROOT_DEPTH else ""
    )
    suffix = listing_suffix(request, context.get("title_filters"))
    if suffix:
        title = f"{title} ({suffix})" if title else suffix
    description = context.get("seo_description")
    description = plain_description(description) if description else ""
    if not description and page is not None and hasattr(page, "meta_description"):
        description = page.meta_description()
    canonical = context.get("canonical_url")
    root_url = chrome.site.root_url if chrome and chrome.site else ""
    if not canonical and page is not None and request is not None and root_url:
        canonical = root_url + request.path
        number = request.GET.get("page", "")
        if number.isdigit() and int(number) > 1:
            canonical += f"?page={int(number)}"
    image = ""
    if page is not None and getattr(page, "image", None) is not None:
        try:
            image = root_url + page.image.get_rendition("fill-1200x630").url
        except OSError:  # the file is missing (SourceImageIOError): no preview image, no 500
            image = ""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "title": title,
        "description": description,
        "canonical": canonical,
        "image": image,
        "type": getattr(page, "og_type", "website"),
        "locale": OG_LOCALES.get(language, language),
        "site_name": chrome.name if chrome else "",
    }


def structured_data(context):
    """The JSON-LD the view gives (`jsonld`), else the page's own."""
    data = context.get("jsonld")
    page = context.get("page")
    if data is None and page is not None and hasattr(page, "structured_data"):
        data = page.structured_data(context)
    return ld_json_script(data)
