from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import re_path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.caching import NATIONAL_LISTINGS, add_cache_keys, page_key
from core.models import NavigationMenu
from core.viewsets import SnippetViewSet


@hooks.register("before_serve_page")
def refuse_locale_fallback(page, request, serve_args, serve_kwargs):
    """An untranslated page is a 404 in the requested locale, never a silent fallback.

    Wagtail routes through ``root_page.localized``, which falls back to the default
    locale's tree when a translation is missing.
    """
    if page.locale.language_code != get_language():
        raise Http404(_("This page is not available in this language."))


@hooks.register("before_serve_page")
def tag_page_for_the_cache(page, request, serve_args, serve_kwargs):
    national = getattr(page, "is_portal", False) or getattr(page, "is_national", False)
    add_cache_keys(request, page_key(page.pk), national and NATIONAL_LISTINGS)


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Navigation menus")
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["title", "locale"]
    list_filter = ["locale"]
    search_fields = ["title"]


register_snippet(NavigationMenuViewSet)


# Bookmarks from before the site settings and menus moved from `home` to `core` (core 0001).
MOVED_TO_CORE = (
    r"^(?P<kind>settings|snippets)/home/(?P<rest>(sitesettings|alertsettings|navigationmenu)/.*)$"
)


def moved_to_core(request, kind, rest):
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    return HttpResponsePermanentRedirect(f"{reverse('wagtailadmin_home')}{kind}/core/{rest}{query}")


# Before Wagtail's own settings and snippet URLs, which would answer 404 for app "home".
@hooks.register("register_admin_urls", order=-1)
def redirect_moved_admin_urls():
    return [re_path(MOVED_TO_CORE, moved_to_core)]
