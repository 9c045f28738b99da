from django import template
from django.conf import settings

register = template.Library()

LANGUAGE_ORDER = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page):
    """Links to the live translations of this page that exist; one query."""
    request = context.get("request")
    links = []
    if page is not None and getattr(page, "pk", None):
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
                        "current": translation.pk == page.pk,
                    }
                )
    return {"links": links if len(links) > 1 else []}


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    """Ancestors below the tree root (site roots are at depth 2); one query."""
    if page is None or getattr(page, "depth", 0) <= 2:
        return {"crumbs": []}
    ancestors = page.get_ancestors().filter(depth__gte=2)
    crumbs = [{"title": p.title, "url": p.get_url(context.get("request"))} for p in ancestors]
    crumbs.append({"title": page.title, "url": None})
    return {"crumbs": crumbs}
