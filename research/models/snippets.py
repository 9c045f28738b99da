from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from research.validators import validate_nva_id, validate_orcid

NVA_PROFILE_URL = "https://nva.sikt.no/research-profile/{}"
ORCID_URL = "https://orcid.org/{}"


class ResearchArea(TranslatableMixin, index.Indexed, models.Model):
    """A research area (forskningsområde) such as Kreftforskning; translatable."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in filter links: ?area=<slug>")
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("research area")
        verbose_name_plural = _("research areas")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("locale", "slug")]

    def __str__(self):
        return self.name


class Person(index.Indexed, models.Model):
    """A researcher, chosen by any number of groups.

    Not translatable: a person is the same in every language, and one row per person keeps
    "which groups is she in" a single query. The title is written as it should appear everywhere
    (often "Professor, MD, PhD").

    A person belongs to the site whose editors keep them, or is national (no site) and kept
    by the national editorial board; nobody else may change them (core/permissions.py).
    """

    name = models.CharField(_("name"), max_length=150)
    title = models.CharField(_("title"), max_length=150, blank=True)
    url = models.URLField(
        _("link"),
        blank=True,
        help_text=_("E.g. a staff profile; empty: the NVA or ORCID profile."),
    )
    nva_id = models.CharField(
        _("NVA person id"),
        max_length=12,
        blank=True,
        validators=[validate_nva_id],
        help_text=_("The researcher's id in NVA (formerly Cristin); their results are imported."),
    )
    orcid = models.CharField(
        "ORCID",
        max_length=19,
        blank=True,
        validators=[validate_orcid],
        help_text=_("E.g. 0000-0002-1825-0097."),
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The site whose editors keep this researcher; empty: national."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("nva_id"),
        FieldPanel("orcid"),
        FieldPanel("url"),
        FieldPanel("site"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("researcher")
        verbose_name_plural = _("researchers")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.title}" if self.title else self.name

    @property
    def profile_url(self):
        """The link written by hand, else the public NVA research profile, else ORCID."""
        if self.url:
            return self.url
        if self.nva_id:
            return NVA_PROFILE_URL.format(self.nva_id)
        if self.orcid:
            return ORCID_URL.format(self.orcid)
        return ""
