"""Anonymous "Fant du det du lette etter?" answers: page, yes/no and the day, nothing else."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PageFeedback(models.Model):
    # No IP address, user agent, time of day or free text: nothing that identifies a person.
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="feedback_answers"
    )
    found = models.BooleanField(_("found what they looked for"))
    date = models.DateField(_("date"), default=timezone.localdate)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        indexes = [models.Index(fields=["page", "found"])]

    def __str__(self):
        return f"{self.page_id}: {'yes' if self.found else 'no'} ({self.date})"
