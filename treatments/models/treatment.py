import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from core.readability import ReadabilityPanel, lix
from core.text import folded_words
from treatments.forms import TreatmentForm
from treatments.stages import STAGE_KEYS, STAGE_LABELS, Kind, kinds_using, stages_for

REVIEW_INTERVAL_YEARS = 3


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year + years, day=28)


def stage_field(key):
    return RichTextField(STAGE_LABELS[key], blank=True, editor="stage")


def stage_panel(key):
    """The form shows a stage only for the kinds that use it (treatments/js/journey-stages.js);
    `clean` still refuses text in another kind's stage."""
    return FieldPanel(key, attrs={"data-fnsp-journey-stage": " ".join(kinds_using(key))})


class TreatmentQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def review_due(self, within_days=0):
        limit = timezone.localdate() + datetime.timedelta(days=within_days)
        return self.filter(next_review__lte=limit)


class Treatment(
    PreviewableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """National patient information about one treatment, examination or programme.

    Written once by the national editorial board; local TreatmentPages reference it and
    read its live fields at render time, so publishing a revision changes every site.
    """

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    alternative_names = models.TextField(
        _("alternative names"),
        blank=True,
        help_text=_("Other names patients and professionals use for it, one per line."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TREATMENT)
    summary = models.TextField(_("summary"), max_length=600)
    category = models.ForeignKey(
        "treatments.Category",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="treatments",
    )
    diagnoses = ParentalManyToManyField(
        "treatments.Diagnosis", verbose_name=_("diagnoses"), blank=True, related_name="treatments"
    )
    referral = stage_field("referral")
    investigation = stage_field("investigation")
    therapy = stage_field("therapy")
    follow_up = stage_field("follow_up")
    before = stage_field("before")
    during = stage_field("during")
    after = stage_field("after")
    warning = RichTextField(
        _("warning"),
        blank=True,
        editor="warning",
        help_text=_("Optional box, e.g. 'Kontakt lege hvis du får feber over 38 °C.'"),
    )

    responsible_trust = models.ForeignKey(
        "core.HealthTrust",
        verbose_name=_("responsible trust"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    content_owner = models.CharField(_("content owner"), max_length=200, blank=True)
    clinical_owner = models.CharField(_("clinical owner"), max_length=200, blank=True)
    approved_date = models.DateField(_("approved"), null=True, blank=True)
    next_review = models.DateField(
        _("next review"),
        null=True,
        blank=True,
        help_text=_("Three years after approval when left empty."),
    )
    lix = models.PositiveSmallIntegerField(
        _("readability (LIX)"),
        null=True,
        editable=False,
        help_text=_("Of the summary and the stages, computed on save (core/readability.py)."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="treatment")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="treatment",
        for_concrete_model=False,
    )

    objects = TreatmentQuerySet.as_manager()
    base_form_class = TreatmentForm

    content_fields = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("alternative_names"),
        FieldPanel(
            "kind",
            attrs={
                "data-controller": "fnsp-journey-stages",
                "data-action": "change->fnsp-journey-stages#show",
            },
        ),
        FieldPanel("summary"),
        FieldPanel("category"),
        FieldPanel("diagnoses"),
        MultiFieldPanel(
            [
                ReadabilityPanel(["summary", *STAGE_KEYS], heading=_("Readability (LIX)")),
                *[stage_panel(key) for key in STAGE_KEYS],
            ],
            heading=_("Patient journey"),
        ),
        FieldPanel("warning"),
    ]
    governance_fields = [
        FieldPanel("responsible_trust"),
        FieldPanel("content_owner"),
        FieldPanel("clinical_owner"),
        FieldPanel("approved_date"),
        FieldPanel("next_review"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_fields, heading=_("Content")),
            ObjectList(governance_fields, heading=_("Governance")),
        ]
    )
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("folded_title", boost=3),
        index.AutocompleteField("folded_title"),
        index.SearchField("summary", boost=2),
        *[index.SearchField(key) for key in STAGE_KEYS],
        index.FilterField("kind"),
        index.FilterField("live"),
        index.FilterField("locale_id"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("diagnoses", [index.SearchField("name"), index.SearchField("icd10")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("national treatment")
        verbose_name_plural = _("national treatments")
        ordering = ["title"]
        unique_together = [("translation_key", "locale"), ("locale", "slug")]

    def __str__(self):
        return self.title

    def folded_title(self):
        return folded_words(self.title)

    @property
    def revisions(self):
        return self._revisions

    def fill_next_review(self):
        if self.approved_date and not self.next_review:
            self.next_review = add_years(self.approved_date, REVIEW_INTERVAL_YEARS)

    def clean(self):
        super().clean()
        self.fill_next_review()
        errors = {}
        used = set(stages_for(self.kind))
        for key in STAGE_KEYS:
            if key not in used and strip_tags(getattr(self, key) or "").strip():
                errors[key] = _(
                    "This stage is not part of a %(kind)s; move the text to one of its stages."
                ) % {"kind": self.get_kind_display().lower()}
        if self.slug and self.locale_id:
            clash = Treatment.objects.filter(locale_id=self.locale_id, slug=self.slug)
            if clash.exclude(pk=self.pk).exists():
                errors["slug"] = _("Another national treatment already uses this slug.")
        if self.approved_date and self.next_review and self.next_review <= self.approved_date:
            errors["next_review"] = _("The next review must come after the approval date.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.fill_next_review()
        self.lix = self.readability()
        super().save(*args, **kwargs)

    def readability(self):
        """LIX of what the patient reads: the summary and the stages of this kind."""
        return lix(self.summary, *(html for _key, _label, html in self.stages()))

    def record_approval(self, day):
        """The national board approved this version on `day` (core.workflows): the approval
        date shown on every local page, and the next review three years on."""
        self.approved_date = day
        self.next_review = add_years(day, REVIEW_INTERVAL_YEARS)

    def alternative_name_list(self):
        return [name.strip() for name in self.alternative_names.splitlines() if name.strip()]

    def stages(self):
        """(key, label, html) of the stages used by this kind, in journey order."""
        return [(key, STAGE_LABELS[key], getattr(self, key)) for key in stages_for(self.kind)]

    def get_preview_template(self, request, mode_name):
        return "treatments/treatment_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["treatment"] = self
        context["sections"] = [
            {"key": key, "label": label, "national": html, "local": ""}
            for key, label, html in self.stages()
        ]
        return context
