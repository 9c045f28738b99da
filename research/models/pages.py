from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.localization import localized_snippets
from core.models import BasePage, ImageWithAltText, Region, SectionIndexPage
from core.sites import SiteDirectory
from core.validators import validate_phone
from research.blocks import ProjectBlock, PublicationBlock
from research.validators import validate_nva_ids
from trials.models import TrialPage
from trials.status import Status

from .nva import ImportedProject, ImportedResult
from .snippets import Person, ResearchArea


class ResearchIndexPage(SectionIndexPage):
    """`/forskning/` (English `/en/research/`): a hospital's research groups; on the portal,
    every group in the country by region."""

    subpage_types = ["research.ResearchGroupPage"]

    class Meta:
        verbose_name = _("research index page")

    def groups(self):
        groups = ResearchGroupPage.objects.live().public().filter(locale_id=self.locale_id)
        if not self.is_national:
            groups = groups.child_of(self)
        return groups.prefetch_related(
            Prefetch("area_links", queryset=ResearchGroupArea.objects.select_related("area"))
        ).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = list(self.groups())
        areas = localized_snippets(link.area for group in groups for link in group.area_links.all())
        by_key = {item.object.translation_key: item for item in areas}
        # Filter values are the slugs of the areas as shown; anything else shows every group.
        selected = next((i for i in areas if i.object.slug == request.GET.get("area")), None)
        if selected is not None:
            groups = [
                group
                for group in groups
                if any(
                    link.area.translation_key == selected.object.translation_key
                    for link in group.area_links.all()
                )
            ]
        base_url = self.get_url(request)
        if self.is_national:
            groups, filters = national_filters(request, groups)
            context.update(filters)
        for group in groups:
            # Children of this page are at its URL; the portal's groups are on their own sites.
            group.listing_url = (
                group.get_url(request) if self.is_national else f"{base_url}{group.slug}/"
            )
            group.localized_areas = [
                by_key[link.area.translation_key] for link in group.area_links.all()
            ]
        context.update(
            {
                "areas": sorted(areas, key=lambda item: item.object.name),
                "selected_area": selected.object.slug if selected else "",
                "groups": groups,
            }
        )
        if self.is_national:
            context["regions"] = national_overview(groups, context["region_choices"])
            context["open_trials"] = open_trials(groups, self.locale_id)
        return context


def national_filters(request, groups):
    """The portal's filters besides the area: hospital and region (trust slugs, region slugs)
    and language (groups with a live version in it). Unknown values filter nothing. Each group
    gets its `trust` (SiteDirectory, three queries); the language filter costs one query."""
    directory = SiteDirectory()
    for group in groups:
        group.trust = directory.trust_for(group)
    regions = list(Region.objects.all())
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    chosen = {
        "hospital": next(
            (t.slug for t in directory.trusts if t.slug == request.GET.get("hospital")), ""
        ),
        "region": next((r.slug for r in regions if r.slug == request.GET.get("region")), ""),
        "language": request.GET.get("language") if request.GET.get("language") in languages else "",
    }
    if chosen["hospital"]:
        groups = [g for g in groups if g.trust and g.trust.slug == chosen["hospital"]]
    if chosen["region"]:
        groups = [
            g
            for g in groups
            if g.trust and g.trust.region and g.trust.region.slug == chosen["region"]
        ]
    if chosen["language"]:
        keys = set(
            ResearchGroupPage.objects.live()
            .filter(locale__language_code=chosen["language"])
            .values_list("translation_key", flat=True)
        )
        groups = [g for g in groups if g.translation_key in keys]
    return groups, {
        "hospital_choices": directory.trusts,
        "region_choices": regions,
        "language_choices": [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES],
        "selected": chosen,
    }


def national_overview(groups, regions):
    """Groups by region (each group has its `trust`: `national_filters`)."""
    sections = {region.pk: {"region": region, "groups": []} for region in regions}
    national = {"region": None, "groups": []}
    for group in groups:
        trust = group.trust
        section = sections.get(trust.region_id) if trust and trust.region_id else national
        section["groups"].append(group)
    return [s for s in [*sections.values(), national] if s["groups"]]


def open_trials(groups, locale_id):
    """The live trials open for inclusion that the groups link, in the page's language when
    translated (else as linked, flagged); one query."""
    linked = ResearchGroupTrial.objects.filter(page__in=[g.pk for g in groups]).values("trial_id")
    keys = TrialPage.objects.filter(pk__in=linked).values("translation_key")
    chosen = {}
    for trial in (
        TrialPage.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .with_status()
        .filter(recruitment_status=Status.OPEN)
        .select_related("locale")
        .order_by("title")
    ):
        trial.is_fallback = trial.locale_id != locale_id
        if not trial.is_fallback or trial.translation_key not in chosen:
            chosen[trial.translation_key] = trial
    return sorted(chosen.values(), key=lambda trial: trial.title)


class ResearchGroupPage(ImageWithAltText, BasePage):
    """A research group at one hospital, with an English translation through wagtail-localize."""

    short_description = models.TextField(_("short description"), max_length=400)
    aims = RichTextField(_("aims"), editor="article")
    methods = RichTextField(_("methods"), blank=True, editor="article")
    projects = StreamField(
        [("project", ProjectBlock())], verbose_name=_("ongoing projects"), blank=True
    )
    publications = StreamField(
        [("publication", PublicationBlock())],
        verbose_name=_("selected publications"),
        blank=True,
    )
    collaborators = RichTextField(_("collaborators"), blank=True, editor="article")
    nva_project_ids = models.CharField(
        _("NVA project ids"),
        max_length=300,
        blank=True,
        validators=[validate_nva_ids],
        help_text=_(
            "The group's projects in NVA (formerly Cristin), separated by spaces or commas. "
            "They and the recent results of the researchers with an NVA person id are "
            "imported and shown after the projects and publications written here."
        ),
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(
        _("contact phone"), max_length=30, blank=True, validators=[validate_phone]
    )

    show_last_updated = True
    # Names and numbers are the same in every language: copied, not offered for translation.
    override_translatable_fields = [
        SynchronizedField("contact_name"),
        SynchronizedField("contact_phone"),
        SynchronizedField("nva_project_ids"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("short_description"),
        InlinePanel("area_links", label=_("Research areas")),
        FieldPanel("aims"),
        InlinePanel("members", label=_("Leader and members")),
        FieldPanel("methods"),
        FieldPanel("projects"),
        FieldPanel("publications"),
        FieldPanel("nva_project_ids"),
        FieldPanel("collaborators"),
        InlinePanel("trial_links", label=_("Related clinical trials")),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
        ImageWithAltText.image_panel,
    ]
    parent_page_types = ["research.ResearchIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.SearchField("short_description"),
        index.SearchField("aims"),
        index.SearchField("methods"),
    ]

    class Meta:
        verbose_name = _("research group")
        verbose_name_plural = _("research groups")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = list(self.members.select_related("person"))
        context.update(
            {
                "areas": localized_snippets(
                    link.area for link in self.area_links.select_related("area")
                ),
                "leaders": [m for m in members if m.role == Role.LEADER],
                "members": [m for m in members if m.role == Role.MEMBER],
                "trials": self.related_trials(),
                **self.imported(),
            }
        )
        return context

    def imported(self):
        """What the NVA import stored for the group (research/nva.py), in the page's
        language, leaving out what the editors wrote themselves (the same project id or
        DOI): their text wins. Two queries."""
        language = self.locale.language_code
        own_projects = {b.value["cristin_id"] for b in self.projects if b.value["cristin_id"]}
        own_dois = {b.value["doi"].lower() for b in self.publications if b.value["doi"]}
        projects = ImportedProject.objects.filter(group_key=self.translation_key)
        results = ImportedResult.objects.filter(group_key=self.translation_key)
        return {
            "imported_projects": [
                project.localize(language)
                for project in projects
                if project.project_id not in own_projects
            ],
            "imported_results": [r for r in results if r.doi.lower() not in own_dois],
        }

    def related_trials(self):
        """Live related trials with their current status, in this page's language when a
        translation exists, else the Bokmål one (flagged); one query."""
        ids = list(self.trial_links.values_list("trial_id", flat=True))
        if not ids:
            return []
        keys = TrialPage.objects.filter(pk__in=ids).values("translation_key")
        candidates = (
            TrialPage.objects.live()
            .public()
            .filter(translation_key__in=keys)
            .with_status()
            .select_related("locale")
            .order_by("title")
        )
        chosen = {}
        for trial in candidates:
            trial.is_fallback = trial.locale_id != self.locale_id
            trial.current_status = Status(trial.recruitment_status)
            # The translation in this page's language wins over the linked original.
            if not trial.is_fallback or (trial.pk in ids and trial.translation_key not in chosen):
                chosen[trial.translation_key] = trial
        return list(chosen.values())


class Role(models.TextChoices):
    LEADER = "leader", _("Group leader")
    MEMBER = "member", _("Member")


class ResearchGroupArea(Orderable):
    """Not translatable: the English page links the same (Bokmål) area; its English name is
    looked up when shown (core.localization)."""

    page = ParentalKey(ResearchGroupPage, on_delete=models.CASCADE, related_name="area_links")
    area = models.ForeignKey(
        ResearchArea, verbose_name=_("research area"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("area")]


class ResearchGroupMember(Orderable):
    page = ParentalKey(ResearchGroupPage, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        Person, verbose_name=_("researcher"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)

    panels = [FieldPanel("person"), FieldPanel("role")]


class ResearchGroupTrial(Orderable):
    page = ParentalKey(ResearchGroupPage, on_delete=models.CASCADE, related_name="trial_links")
    trial = models.ForeignKey(
        TrialPage, verbose_name=_("clinical trial"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("trial", "trials.TrialPage")]
