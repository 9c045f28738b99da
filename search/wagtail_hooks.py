from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.demo import load_search_demo
from search.models import Synonym


@hooks.register("fnsp_national_editor_permissions")
def national_editor_permissions():
    """Search quality is national: the national editors keep the synonym list and the
    promoted results. A promotion of a hospital's page shows on that hospital's site only,
    so one set of promotions serves every site (see search.engine.promotions)."""
    return [
        *[f"search.{action}_synonym" for action in ("add", "change", "delete")],
        *[
            f"wagtailsearchpromotions.{action}_searchpromotion"
            for action in ("add", "change", "delete")
        ],
    ]


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


hooks.register("fnsp_load_demo", load_search_demo, order=40)
