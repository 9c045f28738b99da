from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet

from core.viewsets import SnippetViewSet
from search.models import Synonym
from search.viewsets import SitePromotionViewSet


@hooks.register("fnsp_national_editor_permissions")
def national_editor_permissions():
    """The national editors keep the synonym list and the national promoted results
    (Wagtail's search promotions, shown on every site; see search.engine.promotions)."""
    return [
        *[f"search.{action}_synonym" for action in ("add", "change", "delete")],
        *[
            f"wagtailsearchpromotions.{action}_searchpromotion"
            for action in ("add", "change", "delete")
        ],
    ]


@hooks.register("fnsp_webmaster_site_permissions")
def webmaster_site_permissions():
    """Each site's webmasters recommend results on their own site only."""
    return [f"search.{action}_sitepromotion" for action in ("add", "change", "delete")]


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("Search synonyms")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["terms", "note", UpdatedAtColumn()]
    search_fields = ["terms", "note"]
    ordering = ["terms"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_viewset")
def register_site_promotions():
    return SitePromotionViewSet("site_promotions")


@hooks.register("fnsp_slot_head")
def autocomplete_script_slot(context):
    return "search/includes/autocomplete_script.html"


@hooks.register("fnsp_slot_header")
def site_search_slot(context):
    return "search/includes/site_search.html"
