from django.db import models
from django.utils.translation import gettext_lazy as _


class BrokenLink(models.Model):
    """A link on a live page that did not answer (found by `check_links`); each run replaces
    the findings of the kind it checked (internal or external)."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    url = models.CharField(_("link"), max_length=2000)
    internal = models.BooleanField(_("internal"))
    status = models.PositiveSmallIntegerField(_("status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=200, blank=True)
    checked_at = models.DateTimeField(_("checked"))

    class Meta:
        verbose_name = _("broken link")
        verbose_name_plural = _("broken links")
        ordering = ["page__path", "url"]

    def __str__(self):
        return self.url

    @property
    def problem(self):
        return f"HTTP {self.status}" if self.status else self.error
