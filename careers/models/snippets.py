from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Profession(index.Indexed, models.Model):
    """A profession (yrke) such as nurse or doctor; jobs, courses and education refer to it."""

    class Group(models.TextChoices):
        HEALTH = "helse", _("Health personnel")
        RESEARCH = "forskning", _("Research and education")
        ADMINISTRATION = "administrasjon", _("Administration and management")
        TECHNICAL = "teknisk", _("Technical and support services")

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), unique=True)
    group = models.CharField(_("group"), max_length=20, choices=Group.choices, default=Group.HEALTH)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("group"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("profession")
        verbose_name_plural = _("professions")

    def __str__(self):
        return self.name
