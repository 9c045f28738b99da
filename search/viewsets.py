"""Admin for each site's own promoted results, confined to the sites an editor looks after.

Rights come from GroupSitePermission rows (granted to each site's webmasters by
`sync_site_groups`), so one Bergen webmaster sees, adds and changes Bergen's promotions only.
Wagtail's generic views check model-wide rights; the object views below also check the site.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminPageChooser
from wagtail.permission_policies.sites import SitePermissionPolicy

from search.models import SitePromotion

permission_policy = SitePermissionPolicy(SitePromotion)


class SitePromotionForm(WagtailAdminModelForm):
    # Links without a scheme are taken as https (Django 6's default), length limit kept.
    external_link_url = SitePromotion._meta.get_field("external_link_url").formfield(
        assume_scheme="https"
    )

    class Meta:
        model = SitePromotion
        fields = [
            "site",
            "query_string",
            "page",
            "external_link_url",
            "external_link_text",
            "description",
            "sort_order",
        ]
        # Wagtail's page chooser: a select of every page of 50+ sites would be unusable.
        widgets = {"page": AdminPageChooser()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        action = "change" if self.instance.pk else "add"
        sites = own_sites(self.for_user, action)
        self.fields["site"].queryset = sites
        if not self.instance.pk and len(sites) == 1:
            self.fields["site"].initial = sites[0].pk

    def add_error(self, field, error):
        # The model's checks repeat what a field that failed already says (an unknown page
        # is also "no page chosen"); show each field's own message only.
        if field is None and hasattr(error, "error_dict"):
            error.error_dict = {
                name: errors for name, errors in error.error_dict.items() if name not in self.errors
            }
            if not error.error_dict:
                return
        super().add_error(field, error)


def own_sites(user, action):
    return permission_policy.sites_user_has_permission_for(user, action).order_by(
        "site_name", "hostname"
    )


class SitePromotionFilterSet(WagtailFilterSet):
    site = django_filters.ModelChoiceFilter(
        label=_("site"),
        queryset=lambda request: own_sites(request.user, "change"),
    )

    class Meta:
        model = SitePromotion
        fields = ["site"]


class OwnSiteObjectMixin:
    """Refuse an object of a site the user has no `object_permission` on (404 is not used:
    the object exists, and saying so is harmless; changing it is not)."""

    object_permission = "change"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not permission_policy.user_has_permission_for_instance(
            self.request.user, self.object_permission, obj
        ):
            raise PermissionDenied
        return obj


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "delete"]
        ).select_related("site", "page")


class EditView(OwnSiteObjectMixin, generic.EditView):
    pass


class CopyView(OwnSiteObjectMixin, generic.CopyView):
    pass


class DeleteView(OwnSiteObjectMixin, generic.DeleteView):
    object_permission = "delete"


class HistoryView(OwnSiteObjectMixin, generic.HistoryView):
    pass


class UsageView(OwnSiteObjectMixin, generic.UsageView):
    pass


class SitePromotionViewSet(ModelViewSet):
    model = SitePromotion
    icon = "pick"
    menu_label = _("Promoted results for one site")
    add_to_settings_menu = True
    menu_order = 901
    index_view_class = IndexView
    edit_view_class = EditView
    copy_view_class = CopyView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    list_display = [
        "query_string",
        Column("title", label=_("Result")),
        "site",
        "sort_order",
        UpdatedAtColumn(),
    ]
    filterset_class = SitePromotionFilterSet
    search_fields = ["query_string", "external_link_text", "page__title"]
    ordering = ["site__hostname", "query_string", "sort_order"]

    def get_form_class(self, for_update=False):
        return SitePromotionForm

    @cached_property
    def permission_policy(self):
        return permission_policy
