from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from treatments.validators import validate_helsenorge_url, validate_icd10


class Category(TranslatableMixin, index.Indexed, models.Model):
    """A clinical field (fagområde) such as Kreft or Hjerte og kar."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("locale", "slug")]

    def __str__(self):
        return self.name


class Diagnosis(TranslatableMixin, index.Indexed, models.Model):
    icd10 = models.CharField(
        _("ICD-10 code"),
        max_length=8,
        validators=[validate_icd10],
        help_text=_("E.g. C50 or C50.9"),
    )
    name = models.CharField(_("name"), max_length=200)
    helsenorge_url = models.URLField(
        _("helsenorge.no link"), blank=True, validators=[validate_helsenorge_url]
    )

    panels = [FieldPanel("icd10"), FieldPanel("name"), FieldPanel("helsenorge_url")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("icd10"),
        index.AutocompleteField("name"),
        index.FilterField("icd10"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("diagnosis")
        verbose_name_plural = _("diagnoses")
        ordering = ["icd10"]
        unique_together = [("translation_key", "locale"), ("locale", "icd10")]

    def __str__(self):
        return f"{self.icd10} {self.name}"
