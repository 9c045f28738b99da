"""National coverage: which hospitals offer each national treatment, which translations are
missing or older than the Bokmål text, and which local pages point at an unpublished or
missing treatment or leave a stage without local information. Bounded queries: the national
list decorates a page of results with three queries plus the site directory's three."""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from core.sites import SiteDirectory
from treatments.models import Treatment, TreatmentPage
from treatments.stages import PROGRAMME_STAGES, SINGLE_STAGES, STAGE_LABELS, Kind, stages_for

TRANSLATED_LANGUAGES = [
    code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE
]


def decorate_treatments(treatments):
    """Set on each Bokmål treatment `offered_by` (trust names of its live local pages),
    `missing_languages` and `outdated_languages` (codes of translations with no live
    version, or last published before the Bokmål text)."""
    treatments = list(treatments)
    keys = {treatment.translation_key for treatment in treatments}
    translations = defaultdict(dict)
    for translation in Treatment.objects.filter(translation_key__in=keys, live=True).values(
        "translation_key", "locale__language_code", "last_published_at"
    ):
        translations[translation["translation_key"]][translation["locale__language_code"]] = (
            translation["last_published_at"]
        )
    directory = SiteDirectory()
    offered = defaultdict(set)
    for page in (
        TreatmentPage.objects.live()
        .filter(treatment__translation_key__in=keys)
        .only("path", "treatment__translation_key")
        .select_related("treatment")
    ):
        trust = directory.trust_for(page)
        if trust is not None:
            offered[page.treatment.translation_key].add(trust.name)
    for treatment in treatments:
        published = translations[treatment.translation_key]
        treatment.offered_by = sorted(offered[treatment.translation_key])
        treatment.missing_languages = [
            code for code in TRANSLATED_LANGUAGES if code not in published
        ]
        treatment.outdated_languages = [
            code
            for code in TRANSLATED_LANGUAGES
            if code in published
            and treatment.last_published_at
            and published[code] < treatment.last_published_at
        ]
    return treatments


def needs_translation_q():
    """Bokmål treatments with a language that has no live translation published since them."""

    def up_to_date(code):
        return Exists(
            Treatment.objects.filter(
                translation_key=OuterRef("translation_key"),
                locale__language_code=code,
                live=True,
                last_published_at__gte=OuterRef("last_published_at"),
            )
        )

    return reduce(or_, (~up_to_date(code) for code in TRANSLATED_LANGUAGES))


def without_local_text_q():
    """Local pages with a stage of their treatment's journey that has no local addition, or
    no practical information."""

    def empty_in(stages):
        return reduce(or_, (Q(**{f"local_{key}": ""}) for key in stages))

    return (
        Q(practical_information="")
        | (Q(treatment__kind=Kind.PROGRAMME) & empty_in(PROGRAMME_STAGES))
        | (~Q(treatment__kind=Kind.PROGRAMME) & empty_in(SINGLE_STAGES))
    )


def unpublished_treatment_q():
    return Q(treatment__isnull=True) | Q(treatment__live=False)


def local_problems(page):
    """What is wrong with a local treatment page (its `treatment` loaded), as labels."""
    if page.treatment is None:
        return [str(_("No national treatment chosen"))]
    problems = []
    if not page.treatment.live:
        problems.append(str(_("National treatment unpublished")))
    empty = [
        str(STAGE_LABELS[key])
        for key in stages_for(page.treatment.kind)
        if not (getattr(page, f"local_{key}") or "").strip()
    ]
    if empty:
        problems.append(str(_("No local text: %(stages)s")) % {"stages": ", ".join(empty)})
    if not page.practical_information.strip():
        problems.append(str(_("No practical information")))
    return problems
