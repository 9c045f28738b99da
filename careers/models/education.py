from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from careers.blocks import ContactsBlock
from careers.listings import private_q, upcoming_activities
from core.models import BasePage
from core.sites import SiteDirectory

from .common import SUMMARY_MAX_LENGTH, validate_https
from .events import ACTIVITY_MODELS
from .jobs import JobPage
from .snippets import Profession


class LearningActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "pick"
        label = _("Learning activity")


class LearningActivitiesBlock(blocks.StreamBlock):
    activity = LearningActivityBlock()


class EducationPage(BasePage):
    """An education programme, such as LIS (the specialist training of doctors)."""

    class Programme(models.TextChoices):
        LIS1 = "lis1", _("LIS1 (first part of specialist training)")
        LIS2 = "lis2", _("LIS2 (common competence modules)")
        LIS3 = "lis3", _("LIS3 (specialty-specific training)")
        OTHER = "annet", _("Other education")

    programme = models.CharField(_("programme"), max_length=10, choices=Programme.choices)
    summary = models.TextField(_("summary"), max_length=SUMMARY_MAX_LENGTH)
    education_plan = RichTextField(_("education plan"), blank=True, editor="article")
    education_plan_url = models.URLField(
        _("public education plan (link)"), blank=True, validators=[validate_https]
    )
    learning_activities = StreamField(
        LearningActivitiesBlock(), verbose_name=_("learning activities"), blank=True
    )
    body = RichTextField(_("body"), blank=True, editor="article")
    contacts = StreamField(ContactsBlock(), verbose_name=_("contact persons"), blank=True)
    professions = ParentalManyToManyField(
        Profession, verbose_name=_("professions"), blank=True, related_name="education_pages"
    )

    show_last_updated = True
    parent_page_types = ["careers.CareersIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("programme"),
        FieldPanel("summary"),
        FieldPanel("education_plan"),
        FieldPanel("education_plan_url"),
        FieldPanel("learning_activities"),
        FieldPanel("body"),
        FieldPanel("professions"),
        FieldPanel("contacts"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("education_plan"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("education programme")
        verbose_name_plural = _("education programmes")


class ProfessionPage(BasePage):
    """A role at this hospital: what it does here, its competence, its open jobs and courses."""

    profession = models.ForeignKey(
        Profession, verbose_name=_("profession"), on_delete=models.PROTECT, related_name="pages"
    )
    summary = models.TextField(_("summary"), max_length=SUMMARY_MAX_LENGTH)
    body = RichTextField(_("the role and our competence"), blank=True, editor="article")

    show_last_updated = True
    parent_page_types = ["careers.CareersIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("profession"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("profession page")
        verbose_name_plural = _("profession pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        directory = SiteDirectory()
        trust = directory.trust_for(self)
        private = private_q()
        # The careers section this role belongs to; the portal's is national.
        section = self.get_parent().specific
        section = None if section.is_national else section

        def scoped(queryset):
            # A hospital's role page shows that hospital's offers; the portal's, the country's.
            queryset = queryset.filter(locale_id=self.locale_id)
            return queryset.descendant_of(section) if section else queryset

        context["trust"] = trust
        context["jobs"] = [
            (job, directory.trust_for(job))
            for job in scoped(JobPage.objects.open_on(today).exclude(private))
            .filter(profession_id=self.profession_id)
            .order_by("deadline", "title")
        ]
        context["activities"] = upcoming_activities(
            [
                scoped(model.objects.filter(professions=self.profession_id))
                for model in ACTIVITY_MODELS
            ],
            today,
            directory,
            private=private,
        )
        context["educations"] = scoped(
            EducationPage.objects.live().exclude(private).filter(professions=self.profession_id)
        )
        return context
