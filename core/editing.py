"""Wagtail's create views for pages and snippets, without autosave.

Wagtail autosaves an add form as soon as the editor types, which creates the page or snippet:
an abandoned attempt stays behind as a draft, and the next attempt fails on its slug. Here a
new page or snippet comes into being only when its editor presses a save, publish or submit
button; leaving the form before that warns about unsaved changes, and autosave takes over
once the edit view is open (docs/permissions.md#editing).
"""

from django.utils.translation import gettext as _
from wagtail.admin.views.pages.create import CreateView as WagtailCreatePageView
from wagtail.snippets.views.snippets import CreateView as WagtailCreateSnippetView


class NoAutosaveOnCreate:
    def post(self, request, *args, **kwargs):
        # Only the autosave controller asks a create view for JSON (an add form opened
        # before this change still runs it).
        if self.expects_json_response:
            return self.json_error_response(
                "not_created", _("Save it once; autosave starts after that.")
            )
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        context["autosave_indicator"] = None
        return context


class CreatePageView(NoAutosaveOnCreate, WagtailCreatePageView):
    """Served at Wagtail's own add-page URL (fnsp_site/urls.py puts it first)."""


class CreateSnippetView(NoAutosaveOnCreate, WagtailCreateSnippetView):
    """The add view of every snippet viewset built on `core.viewsets.SnippetViewSet`."""
