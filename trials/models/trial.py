from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import PageManager
from wagtail.search import index

from core.models import BasePage, BasePageQuerySet, HealthTrust
from core.sites import trust_of
from core.validators import validate_phone
from trials.jsonld import medical_trial
from trials.status import Override, Status, status_expression, status_on
from trials.validators import validate_cristin, validate_eu_ct, validate_nct, validate_rek


class StudyType(models.TextChoices):
    TREATMENT = "behandlingsstudie", _("Treatment study")
    OBSERVATIONAL = "observasjonsstudie", _("Observational study")
    OTHER = "annen", _("Other")


class Phase(models.TextChoices):
    NONE = "", _("No phase")
    PHASE_1 = "1", _("Phase 1")
    PHASE_1_2 = "1/2", _("Phase 1/2")
    PHASE_2 = "2", _("Phase 2")
    PHASE_2_3 = "2/3", _("Phase 2/3")
    PHASE_3 = "3", _("Phase 3")
    PHASE_4 = "4", _("Phase 4")


class TrialQuerySet(BasePageQuerySet):
    def with_status(self, day=None):
        return self.annotate(recruitment_status=status_expression(day or timezone.localdate()))


class TrialPage(BasePage):
    """A clinical trial, published by the hospital with main responsibility.

    It lives under that hospital's /kliniske-studier/ and is shown on every site.
    """

    scientific_title = models.CharField(_("scientific title"), max_length=400, blank=True)
    summary = models.TextField(_("summary"), max_length=2000)
    eligibility = models.TextField(
        _("who can take part"), help_text=_("Plain text: who can and cannot take part.")
    )
    study_type = models.CharField(
        _("study type"), max_length=20, choices=StudyType.choices, default=StudyType.TREATMENT
    )
    phase = models.CharField(_("phase"), max_length=3, choices=Phase.choices, blank=True)
    categories = ParentalManyToManyField(
        "treatments.Category", verbose_name=_("categories"), blank=True, related_name="trials"
    )
    diagnoses = ParentalManyToManyField(
        "treatments.Diagnosis", verbose_name=_("diagnoses"), blank=True, related_name="trials"
    )
    treatments = ParentalManyToManyField(
        "treatments.Treatment",
        verbose_name=_("related national treatments"),
        blank=True,
        related_name="trials",
    )
    participating_trusts = ParentalManyToManyField(
        HealthTrust,
        verbose_name=_("participating trusts"),
        blank=True,
        related_name="participating_trials",
        help_text=_("Other trusts taking part; the responsible trust is this site's."),
    )
    # Derived from the page's site on save, so listings filter by it without tree walks.
    responsible_trust = models.ForeignKey(
        HealthTrust,
        verbose_name=_("responsible trust"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="responsible_trials",
    )
    inclusion_start = models.DateField(_("inclusion starts"))
    inclusion_end = models.DateField(_("inclusion ends"), null=True, blank=True)
    status_override = models.CharField(
        _("status override"),
        max_length=10,
        choices=Override.choices,
        blank=True,
        help_text=_("Leave empty: the status follows the inclusion dates."),
    )
    target_participants = models.PositiveIntegerField(
        _("target number of participants"), null=True, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_phone = models.CharField(
        _("contact phone"), max_length=30, blank=True, validators=[validate_phone]
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    nct_number = models.CharField(
        _("ClinicalTrials.gov number"), max_length=11, blank=True, validators=[validate_nct]
    )
    eu_ct_number = models.CharField(
        _("EU CT number"), max_length=17, blank=True, validators=[validate_eu_ct]
    )
    rek_number = models.CharField(
        _("REK number"), max_length=12, blank=True, validators=[validate_rek]
    )
    cristin_project_id = models.CharField(
        _("Cristin project ID"), max_length=10, blank=True, validators=[validate_cristin]
    )

    objects = PageManager.from_queryset(TrialQuerySet)()

    show_last_updated = True
    content_panels = BasePage.content_panels + [
        FieldPanel("scientific_title"),
        FieldPanel("summary"),
        FieldPanel("eligibility"),
        FieldRowPanel([FieldPanel("study_type"), FieldPanel("phase")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("inclusion_start"), FieldPanel("inclusion_end")]),
                FieldPanel("status_override"),
                FieldPanel("target_participants"),
            ],
            heading=_("Inclusion"),
        ),
        FieldPanel("categories"),
        FieldPanel("diagnoses"),
        FieldPanel("treatments"),
        FieldPanel("participating_trusts"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_phone"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("nct_number"),
                FieldPanel("eu_ct_number"),
                FieldPanel("rek_number"),
                FieldPanel("cristin_project_id"),
            ],
            heading=_("Registry identifiers"),
        ),
    ]
    parent_page_types = ["trials.TrialIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.SearchField("scientific_title"),
        index.SearchField("summary"),
        index.SearchField("eligibility"),
        index.FilterField("inclusion_start"),
        index.FilterField("inclusion_end"),
        index.FilterField("status_override"),
    ]

    class Meta:
        verbose_name = _("clinical trial")
        verbose_name_plural = _("clinical trials")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.detail_context(request))
        return context

    def detail_context(self, request):
        """What the trial template shows, on the responsible site or any other."""
        canonical_url = self.get_full_url(request)
        participating = list(self.participating_trusts.all())
        diagnoses = list(self.diagnoses.all())
        return {
            "trial": self,
            "status": self.status,
            "canonical_url": canonical_url,
            "participating": participating,
            "diagnoses": diagnoses,
            "categories": list(self.categories.all()),
            # Another site's listing shows it under its own address: the trial's title.
            "seo_title": self.title,
            "seo_description": self.summary,
            "jsonld": medical_trial(self, canonical_url, self.status, diagnoses, participating),
        }

    def status_on(self, day):
        return status_on(self.inclusion_start, self.inclusion_end, self.status_override, day)

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    @property
    def is_open(self):
        return self.status == Status.OPEN

    def clean(self):
        super().clean()
        if (
            self.inclusion_start
            and self.inclusion_end
            and self.inclusion_end < self.inclusion_start
        ):
            raise ValidationError({"inclusion_end": _("Inclusion cannot end before it starts.")})
        if self.slug:
            clash = TrialPage.objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(
                translation_key=self.translation_key
            )
            if clash.exists():
                # Every site shows every trial at /kliniske-studier/<slug>/.
                raise ValidationError(
                    {"slug": _("Another hospital's trial already uses this slug.")}
                )

    def save(self, *args, **kwargs):
        if self.path:
            self.responsible_trust = trust_of(self)
        super().save(*args, **kwargs)
