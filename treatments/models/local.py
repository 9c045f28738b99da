"""A hospital's local treatment page: the national text it points at, plus local parts; and
which hospitals offer a national treatment (their local pages, resolved in bulk)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.caching import add_cache_keys, object_key
from core.models import BasePage
from core.readability import ReadabilityPanel, lix
from core.sites import SiteDirectory
from core.text import plain_description
from home.blocks import ContactCardBlock
from treatments.forms import TreatmentPageForm
from treatments.jsonld import medical_web_page
from treatments.stages import STAGE_KEYS, STAGE_LABELS, stages_for

from .treatment import Treatment


def live_translation(treatment_id, language_code):
    """The live national treatment in `language_code`, else its live Bokmål version.

    Returns (treatment, is_fallback); two queries (the treatment and its diagnoses).
    """
    candidates = list(
        Treatment.objects.live()
        .filter(
            translation_key__in=Treatment.objects.filter(pk=treatment_id).values("translation_key"),
            locale__language_code__in={language_code, settings.LANGUAGE_CODE},
        )
        .select_related("category__locale", "locale")
        .prefetch_related("diagnoses")
    )
    for treatment in candidates:
        if treatment.locale.language_code == language_code:
            return treatment, False
    return (candidates[0], True) if candidates else (None, False)


def shown_national_text():
    """Live national treatments a TreatmentPage (the outer query) can show: the translation in
    the page's language, else the Bokmål one, as `live_translation` picks."""
    return Treatment.objects.live().filter(
        Q(locale_id=OuterRef("locale_id")) | Q(locale__language_code=settings.LANGUAGE_CODE),
        translation_key=OuterRef("treatment__translation_key"),
    )


def displayed_treatments(pages):
    """{page pk: the live national treatment each TreatmentPage shows}; two queries."""
    keys = dict(
        Treatment.objects.filter(pk__in={page.treatment_id for page in pages}).values_list(
            "pk", "translation_key"
        )
    )
    in_page_language, in_bokmal = {}, {}
    for treatment in (
        Treatment.objects.live()
        .filter(
            Q(locale_id__in={page.locale_id for page in pages})
            | Q(locale__language_code=settings.LANGUAGE_CODE),
            translation_key__in=set(keys.values()),
        )
        .select_related("locale")
    ):
        in_page_language[(treatment.translation_key, treatment.locale_id)] = treatment
        if treatment.locale.language_code == settings.LANGUAGE_CODE:
            in_bokmal[treatment.translation_key] = treatment
    shown = {}
    for page in pages:
        key = keys.get(page.treatment_id)
        treatment = in_page_language.get((key, page.locale_id)) or in_bokmal.get(key)
        if treatment is not None:
            shown[page.pk] = treatment
    return shown


def journey_sections(treatment, page=None):
    """National text of each stage with the local addition shown directly under it."""
    return [
        {
            "key": key,
            "label": label,
            "national": html,
            "local": getattr(page, f"local_{key}", "") if page else "",
        }
        for key, label, html in treatment.stages()
    ]


def related_panels(request, treatment):
    """HTML panels other apps add to treatment pages (e.g. open clinical trials).

    Registered through the `fnsp_treatment_related` hook, so this app needs no
    knowledge of the apps that build on it.
    """
    if treatment is None:
        return []
    panels = (hook(request, treatment) for hook in hooks.get_hooks("fnsp_treatment_related"))
    return [panel for panel in panels if panel]


def local_stage_field(key):
    return RichTextField(
        # format_lazy keeps the label translatable (and migrations stable).
        format_lazy(_("Local addition: {stage}"), stage=STAGE_LABELS[key]),
        blank=True,
        editor="stage",
        help_text=_("Shown directly under the national text of this stage."),
    )


LOCAL_TEXTS = [*(f"local_{key}" for key in STAGE_KEYS), "practical_information"]


class TreatmentPage(BasePage):
    """One hospital's offer of a national treatment: the national text plus local parts."""

    treatment = models.ForeignKey(
        Treatment,
        verbose_name=_("national treatment"),
        # Nullable so a draft can be saved before choosing; publishing requires it.
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="local_pages",
    )
    local_referral = local_stage_field("referral")
    local_investigation = local_stage_field("investigation")
    local_therapy = local_stage_field("therapy")
    local_follow_up = local_stage_field("follow_up")
    local_before = local_stage_field("before")
    local_during = local_stage_field("during")
    local_after = local_stage_field("after")
    contact_cards = StreamField(
        [("contact", ContactCardBlock())],
        verbose_name=_("contact cards"),
        blank=True,
        help_text=_("Choose a department to reuse its details, or write them here."),
    )
    locations = ParentalManyToManyField(
        "home.LocationPage",
        verbose_name=_("where it is offered"),
        blank=True,
        related_name="treatment_pages",
        help_text=_("The hospital's locations where this treatment is given."),
    )
    practical_information = RichTextField(_("practical information"), blank=True, editor="stage")
    waiting_time_url = models.URLField(
        _("waiting time link"),
        blank=True,
        help_text=_("Link to the waiting times for this treatment, e.g. on helsenorge.no."),
    )

    lix = models.PositiveSmallIntegerField(
        _("readability (LIX)"),
        null=True,
        editable=False,
        help_text=_("Of the local texts, computed on save (core/readability.py)."),
    )

    show_last_updated = True
    # The feedback endpoint accepts answers only for page types that ask for them.
    collects_feedback = True
    base_form_class = TreatmentPageForm
    # The national treatment is copied as it is into a translation of the page, never
    # translated along with it: its translations are the national board's, and this page
    # shows the one in its own language (see `live_translation`).
    override_translatable_fields = [SynchronizedField("treatment")]
    content_panels = BasePage.content_panels + [
        FieldPanel("treatment"),
        MultiFieldPanel(
            [
                ReadabilityPanel(LOCAL_TEXTS, heading=_("Readability (LIX)")),
                *[FieldPanel(f"local_{key}") for key in STAGE_KEYS],
            ],
            heading=_("Local additions to the patient journey"),
        ),
        FieldPanel("locations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("contact_cards"),
        FieldPanel("practical_information"),
        FieldPanel("waiting_time_url"),
    ]
    parent_page_types = ["treatments.TreatmentIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        *[index.SearchField(f"local_{key}") for key in STAGE_KEYS],
        index.SearchField("practical_information"),
        index.SearchField("national_search_text"),
    ]

    class Meta:
        verbose_name = _("treatment page")

    def clean(self):
        super().clean()
        if not self.treatment_id:
            raise ValidationError(
                {"treatment": _("Choose the national treatment this page offers.")}
            )
        treatment = Treatment.objects.select_related("locale").get(pk=self.treatment_id)
        if not treatment.live:
            raise ValidationError({"treatment": _("This national treatment is not published.")})
        if (
            self.locale_id
            and treatment.locale_id != self.locale_id
            and (treatment.locale.language_code != settings.LANGUAGE_CODE)
        ):
            raise ValidationError(
                {"treatment": _("Choose the national treatment in this page's language.")}
            )
        unused = set(STAGE_KEYS) - set(stages_for(treatment.kind))
        errors = {
            f"local_{key}": _("This stage is not part of this treatment's patient journey.")
            for key in unused
            if strip_tags(getattr(self, f"local_{key}") or "").strip()
        }
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.lix = lix(*(getattr(self, name) for name in LOCAL_TEXTS))
        super().save(*args, **kwargs)

    def national_search_text(self):
        """The national text this page shows, for the search index (re-indexed when a
        translation of the treatment is published: search.signals)."""
        treatment = self.national_treatment()[0]
        if treatment is None:
            return ""
        texts = [treatment.title, treatment.summary, *(html for _, _, html in treatment.stages())]
        return strip_tags(" ".join(texts))

    def last_updated(self):
        """The later of this page's publication and its national text's (approving a new
        national version updates every local page's date)."""
        treatment = self.national_treatment()[0]
        dates = [self.last_published_at, treatment and treatment.last_published_at]
        return max((date for date in dates if date), default=None)

    def national_treatment(self):
        """(live national treatment in this page's language or Bokmål, is_fallback)."""
        if not hasattr(self, "_national"):
            self._national = live_translation(self.treatment_id, self.locale.language_code)
        return self._national

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        treatment, fallback = self.national_treatment()
        add_cache_keys(request, treatment and object_key(treatment))
        context["treatment"] = treatment
        context["treatment_is_fallback"] = fallback
        context["sections"] = journey_sections(treatment, self) if treatment else []
        context["related_panels"] = related_panels(request, treatment)
        context["locations"] = list(self.locations.all())
        return context

    def meta_description(self):
        treatment = self.national_treatment()[0]
        if self.search_description or treatment is None:
            return super().meta_description()
        return plain_description(treatment.summary)

    def structured_data(self, context):
        treatment = context.get("treatment")
        if treatment is None:
            return None
        chrome = context.get("chrome")
        return medical_web_page(
            treatment,
            self.get_full_url(context.get("request")),
            self.locale.language_code,
            trust=chrome.trust if chrome else None,
            site=chrome.site if chrome else None,
            modified=self.last_published_at,
            diagnoses=treatment.diagnoses.all(),
        )

    def serve(self, request, *args, **kwargs):
        # Without live national text there is nothing approved to show the public.
        if self.national_treatment()[0] is None:
            raise Http404
        return super().serve(request, *args, **kwargs)


def local_offers(translation_keys, language_code):
    """{translation_key: [(trust, local page)]}: one page per hospital, fixed query count.

    Each hospital's page in `language_code` is preferred, else its Bokmål page.
    """
    directory = SiteDirectory()
    pages = (
        TreatmentPage.objects.live()
        .public()
        .filter(treatment__translation_key__in=list(translation_keys))
        .select_related("locale", "treatment")
        .prefetch_related("locations")
    )
    wanted = {language_code, settings.LANGUAGE_CODE}
    chosen = {}
    for page in pages:
        trust = directory.trust_for(page)
        if trust is None or page.locale.language_code not in wanted:
            continue
        slot = (page.treatment.translation_key, trust.pk)
        if slot not in chosen or page.locale.language_code == language_code:
            chosen[slot] = (trust, page)
    offers = {key: [] for key in translation_keys}
    for (key, _trust_pk), offer in sorted(chosen.items(), key=lambda item: item[1][0].name):
        offers[key].append(offer)
    return offers
