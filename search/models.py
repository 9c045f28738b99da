from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.sites import site_paths
from core.text import WORD, fold
from search.text import clean_query


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


class SitePromotion(models.Model):
    """One site's own recommended result for a search phrase, kept by that site's webmasters.

    Wagtail's search promotions are the national ones (every site); they have no site, so
    a hospital's own picks live here, where per-site permissions can apply to them.
    """

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    query_string = models.CharField(
        _("search phrase"),
        max_length=255,
        help_text=_(
            "The result is recommended when someone searches for these words (capital "
            "letters, punctuation and small words such as 'på' and 'og' do not matter)."
        ),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A page on this site, or an external link below."),
    )
    external_link_url = models.URLField(_("external link"), blank=True)
    external_link_text = models.CharField(_("external link text"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are shown first.")
    )

    class Meta:
        verbose_name = _("promoted result for one site")
        verbose_name_plural = _("promoted results for one site")
        ordering = ["site__hostname", "query_string", "sort_order", "pk"]
        indexes = [models.Index(fields=["site", "query_string"])]

    def __str__(self):
        return f"{self.query_string}: {self.title}"

    @property
    def title(self):
        return self.page.title if self.page_id else self.external_link_text

    def clean(self):
        super().clean()
        errors = {}
        # Stored as the search looks it up: the words searched for (search.text.clean_query),
        # so "Besøk på Haukeland?" is kept as "besøk haukeland" and matches that search.
        self.query_string = clean_query(self.query_string).text
        if not self.query_string:
            errors["query_string"] = _("Write the search phrase the result is for.")
        if self.page_id and self.external_link_url:
            errors["external_link_url"] = _("Choose a page or write an external link, not both.")
        elif not self.page_id and not self.external_link_url:
            errors["page"] = _("Choose a page on this site or write an external link.")
        elif self.external_link_url and not self.external_link_text:
            errors["external_link_text"] = _("Write the text of the link.")
        if self.page_id and self.site_id and not self.page_is_on_site():
            errors["page"] = _("Choose a page on %(site)s.") % {"site": self.site}
        if errors:
            raise ValidationError(errors)

    def page_is_on_site(self):
        return any(self.page.path.startswith(path) for path in site_paths(self.site))


class Vocabulary(models.Model):
    """The words search knows, kept by the vocabulary task (search/tasks.py) after every
    publish, so that no visitor's request reads every title: per language, one row for each
    site root's page titles (`key` is the root's path), one for the trials ("trials", shown on
    every hospital site) and one for the national treatments ("national"), plus the compound
    map ("compounds", JSON {part: [compounds]}; search/compounds.py)."""

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    words = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["locale", "key"], name="search_vocabulary_unique")
        ]

    def __str__(self):
        return f"{self.locale_id}:{self.key}"
