"""The choosers of a hospital's departments and locations, used by contact cards.

Wagtail's page chooser opens at the root of the whole tree and lists every hospital's
"Akuttmottak" under the same parent title, "Avdelinger", so an editor could not tell which
hospital a department belongs to. These choosers list only the departments or locations on
the sites the editor may edit (a hospital's editors see their own hospital's), name each
one's hospital, and filter by it when there are several. A choice of another hospital's is
still refused by the page's form (`home.forms.OwnHospitalPageForm`).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.permissions import page_permission_policy

from core.sites import with_trust


class PlaceFilterForm(LocaleFilterMixin, BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )

    def __init__(self, *args, hospitals=(), **kwargs):
        super().__init__(*args, **kwargs)
        if len(hospitals) > 1:
            self.fields["hospital"] = forms.TypedChoiceField(
                label=_("Hospital"),
                choices=[("", _("All")), *hospitals],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
            )

    def filter(self, objects):
        # A title match in the database: the search backend cannot query this annotated list.
        if query := self.cleaned_data.get("q"):
            objects = objects.filter(title__icontains=query)
            self.is_searching = True
            self.search_query = query
        if hospital := self.cleaned_data.get("hospital"):
            objects = objects.filter(trust_id=hospital)
        return super().filter(objects)


class PlaceChooseMixin:
    ordering = ["trust_name", "title"]

    def get_object_list(self):
        editable = page_permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return with_trust(
            self.model_class.objects.filter(pk__in=editable.values("pk")).select_related("locale")
        )

    def get_filter_form(self):
        hospitals = (
            self.get_object_list()
            .filter(trust_id__isnull=False)
            .order_by("trust_name")
            .values_list("trust_id", "trust_name")
            .distinct()
        )
        return PlaceFilterForm(self.request.GET, hospitals=list(hospitals))

    @property
    def columns(self):
        title, *rest = super().columns
        return [title, Column("trust_name", label=_("Hospital")), *rest]


class PlaceChooseView(PlaceChooseMixin, ChooseView):
    pass


class PlaceChooseResultsView(PlaceChooseMixin, ChooseResultsView):
    pass


class PlaceChooserViewSet(ChooserViewSet):
    choose_view_class = PlaceChooseView
    choose_results_view_class = PlaceChooseResultsView
    # Only the contact cards' blocks use these; other forms keep Wagtail's page chooser.
    register_widget = False
    per_page = 20


department_chooser_viewset = PlaceChooserViewSet(
    "department_chooser",
    model="home.DepartmentPage",
    icon="group",
    choose_one_text=_("Choose a department"),
    choose_another_text=_("Choose another department"),
    edit_item_text=_("Edit this department"),
)
location_chooser_viewset = PlaceChooserViewSet(
    "location_chooser",
    model="home.LocationPage",
    icon="site",
    choose_one_text=_("Choose a location"),
    choose_another_text=_("Choose another location"),
    edit_item_text=_("Edit this location"),
)
