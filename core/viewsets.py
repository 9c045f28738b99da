"""Admin view sets every app's snippets build on."""

from wagtail.snippets.views.snippets import SnippetViewSet as WagtailSnippetViewSet

from core.editing import CreateSnippetView


class SnippetViewSet(WagtailSnippetViewSet):
    """A snippet listing whose search box looks in `search_fields` in the database.

    Wagtail otherwise sends the listing's search to the search backend as an autocomplete
    restricted to `search_fields`, which works only for fields indexed as AutocompleteField
    and fails outright on SQLite ("no such column"). Snippet lists are short; a partial-word
    match in the database finds what an editor types, on SQLite and PostgreSQL alike.
    """

    search_backend_name = None
    # Autosave never creates a snippet (core/editing.py).
    add_view_class = CreateSnippetView
