from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import PreviewableMixin, RevisionMixin, TranslatableMixin

from core.blocks import LinkBlock


class NavigationMenu(TranslatableMixin, RevisionMixin, PreviewableMixin, models.Model):
    """A site's main navigation: a translatable snippet chosen per site in its settings."""

    title = models.CharField(
        _("title"), max_length=100, help_text=_("For editors only, e.g. 'Hovedmeny Helse Bergen'.")
    )
    items = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("menu items"),
        blank=True,
        max_num=10,
    )

    panels = [FieldPanel("title"), FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_preview_template(self, request, mode_name):
        return "core/previews/navigation_menu.html"
