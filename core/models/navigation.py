from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import PreviewableMixin, RevisionMixin, TranslatableMixin

from core.blocks import LinkBlock


class NavigationMenu(TranslatableMixin, RevisionMixin, PreviewableMixin, models.Model):
    """A site's main navigation: a translatable snippet chosen per site in its settings.

    It belongs to one site, whose webmasters alone change it (core/permissions.py); the
    translations share the original's site (wagtail-localize synchronises the key).
    """

    title = models.CharField(
        _("title"), max_length=100, help_text=_("For editors only, e.g. 'Hovedmeny Helse Bergen'.")
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The site whose webmasters keep this menu; empty: kept nationally."),
    )
    items = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("menu items"),
        blank=True,
        max_num=10,
    )

    panels = [FieldPanel("title"), FieldPanel("site"), FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_preview_template(self, request, mode_name):
        return "core/previews/navigation_menu.html"
