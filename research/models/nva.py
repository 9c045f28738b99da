"""What the NVA import stores for a research group (research/nva.py): projects and recent
results, kept apart from what the group's editors write on the page, which it never changes."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def in_language(names, language=None):
    """The text of `names` ({"nb": …, "en": …}) in `language` (default: the active one),
    else in Bokmål, else any; with the language it is in."""
    names = names or {}
    language = (language or get_language() or "nb").split("-")[0]
    for code in (language, "nb", "nn", "en", *names):
        if names.get(code):
            return names[code], code
    return "", language


class ImportedProject(models.Model):
    """A project of a group from NVA (`/cristin/project/{id}`), for every translation of the
    group's page (`group_key` is its translation key)."""

    group_key = models.UUIDField(db_index=True)
    project_id = models.CharField(max_length=12)
    title = models.JSONField(default=dict)  # {"nb": …, "en": …}
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    funding = models.JSONField(default=list)  # [{"names": {"nb": …, "en": …}, "code": …}]
    coordinator = models.JSONField(default=dict)  # {"nb": …, "en": …}
    participants = models.JSONField(default=list)  # ["Kari Nordmann", …]
    fetched_at = models.DateTimeField()

    class Meta:
        unique_together = [("group_key", "project_id")]
        ordering = ["-start_date", "project_id"]
        verbose_name = _("imported project")

    def __str__(self):
        return in_language(self.title)[0] or self.project_id

    def localize(self, language):
        """Set what the page shows in `language`: `shown_title` (and `title_language`, the
        language it is in), `shown_coordinator` and `shown_funding`."""
        self.shown_title, self.title_language = in_language(self.title, language)
        self.shown_coordinator = in_language(self.coordinator, language)[0]
        self.shown_funding = [
            " ".join(filter(None, [in_language(item["names"], language)[0], item.get("code")]))
            for item in self.funding
        ]
        return self


class ImportedResult(models.Model):
    """A recent result (publication) of a group's researchers from NVA's search."""

    group_key = models.UUIDField(db_index=True)
    result_id = models.CharField(max_length=100)
    title = models.CharField(max_length=1000)
    year = models.PositiveIntegerField(null=True, blank=True)
    venue = models.CharField(max_length=500, blank=True)
    doi = models.CharField(max_length=200, blank=True)
    fetched_at = models.DateTimeField()

    class Meta:
        unique_together = [("group_key", "result_id")]
        ordering = ["-year", "title"]
        verbose_name = _("imported result")

    def __str__(self):
        return self.title
