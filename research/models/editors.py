"""Research groups that edit their own pages (docs/research.md#group-editors)."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class GroupEditors(models.Model):
    """The Wagtail group whose members edit one research group's page in every language.

    Keyed by the page's translation key, so that one group covers the page's translations
    (separate pages in their locale trees) and survives a renamed or moved page. Made and kept
    by code (`research.groups`), never in the admin.
    """

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="research_group")
    translation_key = models.UUIDField(unique=True)

    def __str__(self):
        return self.group.name


@register_setting(icon="group")
class ResearchSettings(BaseSiteSetting):
    """How a site's research groups publish; changed by the site's webmasters."""

    groups_publish_directly = models.BooleanField(
        _("research groups publish directly"),
        default=False,
        help_text=_(
            "Off: a research group's editors submit their changes to the site's web team, "
            "who approve and publish them. On: they publish their own group's pages."
        ),
    )

    panels = [FieldPanel("groups_publish_directly")]

    class Meta:
        verbose_name = _("research settings")
