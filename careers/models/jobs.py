from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.search import index

from careers.blocks import ContactsBlock
from careers.choices import PositionType
from careers.jsonld import job_posting
from core.models import BasePage, BasePageQuerySet
from core.sites import trust_of

from .common import SUMMARY_MAX_LENGTH, validate_https
from .snippets import Profession


class JobPageQuerySet(BasePageQuerySet):
    def open_on(self, day):
        """Live jobs whose application deadline is `day` or later; the listings and API use it."""
        return self.live().filter(deadline__gte=day)

    def open(self):
        return self.open_on(timezone.localdate())


class JobPage(BasePage):
    """A vacancy; it leaves every listing the day after its deadline, but its page stays."""

    department = models.CharField(_("department"), max_length=150)
    location = models.CharField(_("location"), max_length=150)
    position_type = models.CharField(
        _("position type"), max_length=20, choices=PositionType.choices
    )
    profession = models.ForeignKey(
        Profession,
        verbose_name=_("profession"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jobs",
    )
    percentage = models.PositiveSmallIntegerField(
        _("percentage"), default=100, help_text=_("Share of a full-time position, 1–100.")
    )
    positions = models.PositiveSmallIntegerField(_("number of positions"), default=1)
    deadline = models.DateField(_("application deadline"), db_index=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    summary = models.TextField(_("summary"), max_length=SUMMARY_MAX_LENGTH)
    body = RichTextField(_("body"), blank=True, editor="article")
    contacts = StreamField(ContactsBlock(), verbose_name=_("contact persons"), blank=True)
    apply_url = models.URLField(
        _("apply link"),
        validators=[validate_https],
        help_text=_("The advertisement in the recruitment system (Webcruiter, JobbNorge ...)."),
    )
    # The id in the recruitment system; import_jobs matches on it. Empty for hand-made jobs.
    external_id = models.CharField(
        _("external id"), max_length=100, blank=True, db_index=True, editable=False
    )

    objects = PageManager.from_queryset(JobPageQuerySet)()

    # A copy (or translation) is a new posting, not the feed's job.
    exclude_fields_in_copy = ["external_id"]

    show_last_updated = True
    parent_page_types = ["careers.CareersIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("department"), FieldPanel("location")]),
                FieldRowPanel([FieldPanel("position_type"), FieldPanel("profession")]),
                FieldRowPanel([FieldPanel("percentage"), FieldPanel("positions")]),
                FieldRowPanel([FieldPanel("deadline"), FieldPanel("start_date")]),
            ],
            heading=_("Position"),
        ),
        FieldPanel("apply_url"),
        FieldPanel("body"),
        FieldPanel("contacts"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("department"),
        index.SearchField("location"),
        index.FilterField("deadline"),
        index.FilterField("position_type"),
        index.FilterField("profession"),
    ]

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def is_open_on(self, day):
        return self.deadline >= day

    @property
    def is_open(self):
        return self.is_open_on(timezone.localdate())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["trust"] = trust = trust_of(self)
        context["is_open"] = self.is_open
        # Google asks for the markup to go when a posting expires; the page itself stays.
        context["jsonld"] = job_posting(self, request, trust) if self.is_open else None
        return context
