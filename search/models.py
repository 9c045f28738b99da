from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from search.text import WORD, fold


def split_terms(text):
    """Comma-separated words as a list: "MR, MRI ,mr" -> ["mr", "mri"]."""
    terms = []
    for part in (text or "").split(","):
        term = " ".join(WORD.findall(part.lower()))
        if term and fold(term) not in {fold(t) for t in terms}:
            terms.append(term)
    return terms


class Synonym(models.Model):
    """Words that mean the same to a patient; a search for one also finds the others."""

    terms = models.CharField(
        _("words with the same meaning"),
        max_length=500,
        unique=True,
        help_text=_(
            "Separate with commas, e.g. 'hjerteinfarkt, infarkt, hjerteattakk'. "
            "A search for any of them also finds the others."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        ordering = ["terms"]

    def __str__(self):
        return ", ".join(self.term_list())

    def term_list(self):
        return split_terms(self.terms)

    def clean(self):
        super().clean()
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError(
                {"terms": _("Write at least two different words, separated by commas.")}
            )
        # Stored normalised, so the list in the admin shows what the search uses.
        self.terms = ", ".join(terms)
        clash = {fold(term) for term in terms} & set(synonym_terms_elsewhere(exclude_pk=self.pk))
        if clash:
            raise ValidationError(
                {
                    "terms": _("Already in another synonym list: %(terms)s. Extend that list.")
                    % {"terms": ", ".join(sorted(clash))}
                }
            )


def synonym_terms_elsewhere(exclude_pk=None):
    rows = Synonym.objects.exclude(pk=exclude_pk).values_list("terms", flat=True)
    return [fold(term) for row in rows for term in split_terms(row)]
