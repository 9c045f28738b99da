from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import path, re_path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.collections import CollectionViewRestrictionForm
from wagtail.admin.views import collection_privacy
from wagtail.models import BaseViewRestriction, TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.views import edit_translation

from core import admin_api, translation
from core.caching import NATIONAL_LISTINGS, add_cache_keys, page_key
from core.models import NavigationMenu
from core.translation_errors import edit_translation_telling_errors
from core.viewsets import SiteOwnedSnippetViewSet


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


# Before wagtail-localize's own hooks, which serve the same editor without the refusals.
@hooks.register("before_edit_page", order=-1)
def edit_page_translation(request, page):
    return edit_translation_telling_errors(request, page)


@hooks.register("before_edit_snippet", order=-1)
def edit_snippet_translation(request, instance):
    if isinstance(instance, TranslatableMixin):
        return edit_translation_telling_errors(request, instance)
    return None


class NavigationMenuViewSet(SiteOwnedSnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Navigation menus")
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["title", "site", "locale"]
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


# Before wagtail-localize's own routes, so its translate views also check the object.
@hooks.register("register_admin_urls", order=-1)
def translate_only_what_one_may_change():
    return translation.admin_urls()


hooks.register("construct_snippet_listing_buttons", translation.hide_refused_translate_button)

# wagtail-localize's translation editor (strings, PO files, machine translation, preview) asks
# for a model-wide right on snippets, which no webmaster holds on a site-owned menu: ask for the
# right on the object instead, so a webmaster edits the translations of their own menu only.
edit_translation.user_can_edit_instance = translation.user_can_change

# After Wagtail's own images and documents endpoints, which these replace.
hooks.register("construct_admin_api", admin_api.confine_admin_api, order=100)


# Before wagtail-localize's own snippet listing, which lists every snippet of any model.
@hooks.register("register_admin_urls", order=-1)
def confine_localize_snippet_listing():
    return [
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/",
            admin_api.VisibleSnippetsViewSet.as_view({"get": "list"}),
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            admin_api.VisibleSnippetsViewSet.as_view({"get": "retrieve"}),
        ),
    ]


class GroupsOnlyCollectionPrivacyForm(CollectionViewRestrictionForm):
    """Wagtail's collection privacy dialog without "any logged-in users": a private collection
    is for groups (docs/permissions.md#collections)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["restriction_type"]
        field.choices = [c for c in field.choices if c[0] != BaseViewRestriction.LOGIN]


collection_privacy.CollectionViewRestrictionForm = GroupsOnlyCollectionPrivacyForm
