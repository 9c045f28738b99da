"""The registry of health regions and health trusts: facts, not content."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("health region")
        verbose_name_plural = _("health regions")

    def __str__(self):
        return self.name


class HealthTrustQuerySet(models.QuerySet):
    def with_site(self):
        """The trusts that have a site on the platform (the registry lists every trust)."""
        return self.filter(site__isnull=False)


class HealthTrust(models.Model):
    class Kind(models.TextChoices):
        REGIONAL = "regional", _("Regional health authority")
        TRUST = "trust", _("Health trust")
        PRIVATE_NONPROFIT = "private-nonprofit", _("Private non-profit hospital")
        PHARMACY = "pharmacy", _("Hospital pharmacy")
        SUPPORT = "support", _("Support company")

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("official name"), max_length=150)
    # National support companies belong to no region.
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trusts",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    public_domain = models.CharField(_("public domain"), max_length=100, blank=True)
    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="health_trust",
    )

    objects = HealthTrustQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("health trust")
        verbose_name_plural = _("health trusts")

    def __str__(self):
        return self.name

    @property
    def demo_hostname(self):
        return f"{self.slug}.localhost"
