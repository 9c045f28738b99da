"""Admin view sets every app's snippets build on."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import SnippetViewSet as WagtailSnippetViewSet

from core.editing import CreateSnippetView
from core.permissions import SiteOwnedPermissionPolicy

# What lets an editor see a site-owned object in a listing or choose it.
USE_ACTIONS = ["add", "change", "delete", "view"]


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


class OwnSiteObjectMixin:
    """Refuse an object of a site the user holds no right on (403, not 404: that the object
    exists is harmless to say; acting on it is not).

    The right asked for is the view's own (`permission_required`, e.g. "change" to edit,
    "delete" to delete), checked against the object's site instead of the model.
    """

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is None:  # a create view's
            return obj
        required = self.permission_required or self.any_permission_required or "change"
        actions = [required] if isinstance(required, str) else list(required)
        if not self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, actions, obj
        ):
            raise PermissionDenied
        return obj


class UsableObjectsMixin:
    def get_object_list(self):
        policy = self.model_class.snippet_viewset.permission_policy
        return policy.instances_user_has_any_permission_for(self.request.user, USE_ACTIONS)


class UsableChooseView(UsableObjectsMixin, ChooseView):
    pass


class UsableChooseResultsView(UsableObjectsMixin, ChooseResultsView):
    pass


class SiteOwnedChooserViewSet(SnippetChooserViewSet):
    """A chooser offering only the objects of the editor's own sites and the national ones."""

    choose_view_class = UsableChooseView
    choose_results_view_class = UsableChooseResultsView


class SiteOwnedSnippetViewSet(SnippetViewSet):
    """Snippets with a `site` (null: national), rights per object (core/permissions.py).

    The listing and the chooser show what the editor may use; every view that acts on one
    object refuses another site's.
    """

    chooser_viewset_class = SiteOwnedChooserViewSet

    @cached_property
    def permission_policy(self):
        return SiteOwnedPermissionPolicy(self.model)

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, USE_ACTIONS
        )

    def get_edit_handler(self):
        return ObjectList(self.model.panels, base_form_class=SiteOwnedForm).bind_to_model(
            self.model
        )

    def construct_view(self, view_class, **kwargs):
        if hasattr(view_class, "get_object"):
            view_class = type(view_class.__name__, (OwnSiteObjectMixin, view_class), {})
        return super().construct_view(view_class, **kwargs)


class SiteOwnedForm(WagtailAdminModelForm):
    """The `site` field offers the sites the editor may add (or change) objects on; an empty
    choice, "national", only to those with the model-wide right."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("site")
        if field is None or self.for_user is None:
            return
        policy = self._meta.model.snippet_viewset.permission_policy
        action = "change" if self.instance.pk else "add"
        sites = policy.sites_user_has_permission_for(self.for_user, action).order_by(
            "site_name", "hostname"
        )
        field.queryset = sites
        field.empty_label = _("National")
        field.required = not (
            self.for_user.is_superuser
            or self.for_user.has_perm(policy._get_permission_name(action))
        )
        if field.required and not self.instance.pk and len(sites) == 1:
            self.initial["site"] = sites[0].pk
