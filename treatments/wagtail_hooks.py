import django_filters
from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.fields import RichTextField
from wagtail.rich_text import RichText
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import InspectView

from core.viewsets import SnippetViewSet
from treatments.dashboard import NationalBasePanel
from treatments.models import Category, Diagnosis, Treatment, TreatmentPage
from treatments.stages import stages_for

NATIONAL_MODELS = ["treatment", "category", "diagnosis"]


@hooks.register("fnsp_national_editor_permissions")
def national_editor_permissions():
    """Only the national editorial board writes the national base.

    Not `publish_treatment`: a treatment (in any language) is published only when a second
    member approves it in the workflow "Nasjonal fagredaksjon" (docs/permissions.md).
    """
    return [
        *[
            f"treatments.{action}_{model}"
            for model in NATIONAL_MODELS
            for action in ("add", "change", "delete")
        ],
        "treatments.lock_treatment",
        "treatments.unlock_treatment",
    ]


@hooks.register("construct_homepage_panels")
def add_national_base_panel(request, panels):
    """The board's panel lists the submissions waiting, in two queries: it replaces Wagtail's
    "awaiting your review" panel, which takes several queries per submission (a superuser,
    who also moderates pages, keeps it)."""
    if request.user.has_perm("treatments.change_treatment"):
        if not request.user.is_superuser:
            panels[:] = [p for p in panels if p.name != "workflow_objects_to_moderate"]
        panels.append(NationalBasePanel())


@hooks.register("fnsp_site_editor_permissions")
def site_editor_permissions():
    """Local editors may read the national base (they choose from it; they cannot change it)."""
    return [f"treatments.view_{model}" for model in NATIONAL_MODELS]


@hooks.register("before_edit_page")
def warn_about_unpublished_treatment(request, page):
    if request.method == "GET" and isinstance(page.specific_deferred, TreatmentPage):
        treatment = page.specific.treatment
        if treatment is not None and not treatment.live:
            messages.warning(
                request,
                _(
                    "The national treatment “%(title)s” is not published. This page is hidden "
                    "from the public until it is published again or another treatment is chosen."
                )
                % {"title": treatment.title},
            )


def inspect_url(treatment):
    return reverse("wagtailsnippets_treatments_treatment:inspect", args=[treatment.pk])


class NationalTextColumn(Column):
    """In the chooser a title chooses, so reading the national text is a link of its own,
    opened in a new tab to keep the chooser open."""

    cell_template_name = "treatments/admin/national_text_cell.html"

    def get_value(self, instance):
        return inspect_url(instance)


class LiveTreatmentChooserMixin:
    """Local pages may only point at published national text, which the editor can read."""

    def get_object_list(self):
        return super().get_object_list().filter(live=True)

    @property
    def columns(self):
        return [*super().columns, NationalTextColumn("national_text", label=_("National text"))]


class LiveTreatmentChooseView(LiveTreatmentChooserMixin, ChooseView):
    pass


class LiveTreatmentChooseResultsView(LiveTreatmentChooserMixin, ChooseResultsView):
    pass


class LiveTreatmentChooserViewSet(SnippetChooserViewSet):
    choose_view_class = LiveTreatmentChooseView
    choose_results_view_class = LiveTreatmentChooseResultsView


class TreatmentFilterSet(WagtailFilterSet):
    review = django_filters.ChoiceFilter(
        label=_("Review"),
        empty_label=_("Any"),
        choices=[("overdue", _("Review overdue")), ("soon", _("Review due within 90 days"))],
        method="filter_review",
    )

    class Meta:
        model = Treatment
        fields = ["kind", "category", "responsible_trust", "live"]

    def filter_review(self, queryset, name, value):
        return queryset.review_due(within_days=90 if value == "soon" else 0)


class TreatmentInspectView(InspectView):
    """The published national text, for everyone who may choose a treatment: local editors
    read here what they insert (they cannot edit it). Only the stages of its kind are shown."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Wagtail lists the fields before it loads the object; the stages depend on its kind.
        self.fields = [
            "title",
            "kind",
            "summary",
            "category",
            "diagnoses",
            *stages_for(self.object.kind),
            "warning",
            "responsible_trust",
            "content_owner",
            "clinical_owner",
            "approved_date",
            "next_review",
        ]

    def get_field_display_value(self, field_name, field):
        if isinstance(field, RichTextField):
            return RichText(getattr(self.object, field_name))
        return super().get_field_display_value(field_name, field)


class TreatmentViewSet(SnippetViewSet):
    model = Treatment
    icon = "doc-full"
    menu_label = _("National treatments")
    filterset_class = TreatmentFilterSet
    chooser_viewset_class = LiveTreatmentChooserViewSet
    # The listing links a title here for users who may not edit it.
    inspect_view_enabled = True
    inspect_view_class = TreatmentInspectView
    list_display = [
        "title",
        "kind",
        "category",
        "responsible_trust",
        "next_review",
        "lix",
        UpdatedAtColumn(),
    ]
    list_export = [
        "title",
        "slug",
        "kind",
        "category",
        "responsible_trust",
        "approved_date",
        "next_review",
        "lix",
    ]
    search_fields = ["title", "summary"]
    ordering = ["title"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class DiagnosisViewSet(SnippetViewSet):
    model = Diagnosis
    icon = "clipboard-list"
    menu_label = _("Diagnoses")
    list_display = ["icd10", "name"]
    search_fields = ["name", "icd10"]


class NationalBaseGroup(ViewSetGroup):
    menu_label = _("National base")
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (TreatmentViewSet, CategoryViewSet, DiagnosisViewSet)


register_snippet(NationalBaseGroup)
