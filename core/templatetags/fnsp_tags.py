import re

from django import template
from django.conf import settings
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

from core import seo
from core.localization import bokmal_lang_attribute, localized_snippets
from core.routing import routed_ancestors
from core.security import inline_style
from core.sites import ROOT_DEPTH

register = template.Library()

LANGUAGE_ORDER = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def live_translations(request, page):
    """The page's live translations (itself included) in language order, with relative and
    absolute URLs; one query, shared by the hreflang links and the language switcher."""
    if page is None or not getattr(page, "pk", None):
        return []
    cache = getattr(request, "_fnsp_translations", None) if request else None
    if cache is not None and cache[0] == page.pk:
        return cache[1]
    links = []
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    for translation in sorted(
        translations, key=lambda p: LANGUAGE_ORDER.index(p.locale.language_code)
    ):
        url = translation.get_url(request)
        if url:
            links.append(
                {
                    "code": translation.locale.language_code,
                    "name": translation.locale.language_name_local,
                    "url": url,
                    "full_url": translation.get_full_url(request),
                    "current": translation.pk == page.pk,
                }
            )
    if request is not None:
        request._fnsp_translations = (page.pk, links)
    return links


SLOT_HOOK = "fnsp_slot_{}"


@register.simple_tag(takes_context=True)
def slot(context, name):
    """A named place in the shared templates that higher apps fill: each function registered
    for the hook `fnsp_slot_<name>` gets the context and names a template (or None), which is
    rendered here as `{% include %}` would. The chrome thus shows the search box or the share
    action without naming the apps that provide them."""
    engine = context.template.engine
    rendered = [
        engine.get_template(template_name).render(context)
        for hook in hooks.get_hooks(SLOT_HOOK.format(name))
        if (template_name := hook(context))
    ]
    # Each part is a rendered template, escaped by the template engine.
    return mark_safe("".join(rendered))


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page):
    """Links to the live translations of this page that exist."""
    links = live_translations(context.get("request"), page)
    return {"links": links if len(links) > 1 else []}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context, page):
    """`<link rel="alternate" hreflang>` for every live translation, absolute URLs."""
    links = live_translations(context.get("request"), page)
    if len(links) < 2:
        return {"links": []}
    # Where no language is asked for: the Bokmål page, the sites' main language.
    default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    return {"links": links, "default": default}


@register.simple_tag
def localized_snippet(obj):
    """A shared snippet in the active language, or its Bokmål version flagged as a fallback
    (render with includes/localized_name.html); one query."""
    return localized_snippets([obj])[0] if obj is not None else None


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    """Ancestors below the tree root (site roots are at depth 2): those routing went through, or
    one query."""
    if page is None or getattr(page, "depth", 0) <= ROOT_DEPTH:
        return {"crumbs": []}
    ancestors = routed_ancestors(page)
    if ancestors is None:
        ancestors = page.get_ancestors().filter(depth__gte=ROOT_DEPTH)
    crumbs = [{"title": p.title, "url": p.get_url(context.get("request"))} for p in ancestors]
    crumbs.append({"title": page.title, "url": None})
    return {"crumbs": crumbs}


@register.simple_tag(takes_context=True)
def theme_style(context):
    """The site's theme colour as an inline style allowed by its hash (core/security.py)."""
    css = f":root {{ --brand: {context['chrome'].theme_colour}; }}"
    return inline_style(context.get("request"), css)


@register.simple_tag
def bokmal_lang():
    """` lang="nb"` on the site's own Bokmål texts shown on a page in another language."""
    return mark_safe(bokmal_lang_attribute())


@register.simple_tag
def interface_lang():
    """` lang="nb"` on interface text where the page's language repeats Bokmål (Sami)."""
    return mark_safe(bokmal_lang_attribute(interface=True))


@register.simple_tag
def fallback_lang(obj, page):
    """The language of a shared object shown on `page` in another locale: the Bokmål original
    it falls back to (wagtail-localize points a translation at the translated object where
    there is one), or "" when it is in the page's language. No query: locale ids compared."""
    if obj is None or page is None or obj.locale_id == page.locale_id:
        return ""
    return settings.LANGUAGE_CODE


# Emergency numbers a patient may need to call at once: 113 (medical emergency) and 116 117
# (legevakt, the out-of-hours doctor).
EMERGENCY_NUMBER = re.compile(r"\b(113|116 ?117)\b")


@register.filter
def emergency_links(text):
    """Plain text with the emergency numbers in it as tel: links."""
    return mark_safe(
        EMERGENCY_NUMBER.sub(
            lambda m: f'<a href="tel:{m.group(1).replace(" ", "")}">{m.group(1)}</a>',
            conditional_escape(text),
        )
    )


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Title, description, canonical address and preview of the page (core/seo.py)."""
    return seo.page_meta(context)


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org JSON-LD as a data block (core/seo.py)."""
    return seo.structured_data(context)
