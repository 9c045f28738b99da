from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from careers import ical
from careers.blocks import ContactsBlock, DatesBlock
from careers.choices import Audience
from careers.jsonld import event_data
from careers.occurrences import expand, span, upcoming
from core.models import BasePage
from core.sites import trust_of

from .common import SUMMARY_MAX_LENGTH, validate_https
from .snippets import Profession


class ActivityPage(RoutablePageMixin, BasePage):
    """What courses and events share: audience, dates, place, registration, price."""

    audience = models.CharField(_("audience"), max_length=30, choices=Audience.choices)
    summary = models.TextField(_("summary"), max_length=SUMMARY_MAX_LENGTH)
    body = RichTextField(_("body"), blank=True, editor="article")
    dates = StreamField(
        DatesBlock(),
        verbose_name=_("dates"),
        help_text=_("One or more days, or a weekly rule with exceptions."),
    )
    # Kept in step with `dates` on save so listings can filter in the database.
    first_day = models.DateField(null=True, editable=False, db_index=True)
    last_day = models.DateField(null=True, editable=False, db_index=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    digital_link = models.URLField(_("digital link"), blank=True, validators=[validate_https])
    registration_url = models.URLField(
        _("registration link"), blank=True, validators=[validate_https]
    )
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    price = models.DecimalField(
        _("price (NOK)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("0 for free; leave empty if not stated."),
    )
    organiser = models.CharField(_("organiser"), max_length=200)
    contacts = StreamField(ContactsBlock(), verbose_name=_("contact persons"), blank=True)
    professions = ParentalManyToManyField(
        Profession, verbose_name=_("professions"), blank=True, related_name="%(class)s_pages"
    )

    show_last_updated = True
    schema_type = "Event"
    parent_page_types = ["careers.CareersIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("dates"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("place"), FieldPanel("address")]),
                FieldPanel("digital_link"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("registration_url"), FieldPanel("registration_deadline")]
                ),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("price")]),
                FieldPanel("organiser"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("professions"),
        FieldPanel("body"),
        FieldPanel("contacts"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("organiser"),
        index.FilterField("audience"),
        index.FilterField("last_day"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not self.place and not self.digital_link:
            raise ValidationError({"place": _("Give a place, a digital link or both.")})

    def save(self, *args, **kwargs):
        self.first_day, self.last_day = span(self.dates)
        return super().save(*args, **kwargs)

    @property
    def is_patient_education(self):
        return self.audience == Audience.PATIENTS

    @property
    def is_free(self):
        return self.price is not None and self.price == 0

    def occurrences(self):
        return expand(self.dates)

    def upcoming_occurrences(self, today=None):
        return upcoming(self.dates, today or timezone.localdate())

    def registration_open(self, today=None):
        today = today or timezone.localdate()
        return self.registration_deadline is None or self.registration_deadline >= today

    @path("ics/")
    def ics(self, request):
        """This course or event as an iCalendar file, every upcoming occurrence a VEVENT."""
        body = ical.calendar(
            [(self, occurrence) for occurrence in self.upcoming_occurrences()],
            request,
            name=self.title,
        )
        response = HttpResponse(body, content_type=ical.CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        trust = trust_of(self)
        upcoming_dates = self.upcoming_occurrences(today)
        context.update(
            trust=trust,
            upcoming=upcoming_dates,
            past=not upcoming_dates,
            registration_open=self.registration_open(today) and bool(upcoming_dates),
            jsonld=event_data(self, request, trust),
        )
        return context


class CoursePage(ActivityPage):
    """A course for health personnel, or patient and relative education."""

    schema_type = "EducationEvent"
    template = "careers/activity_page.html"

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")


class EventPage(ActivityPage):
    """An event: open day, conference, job fair, lecture."""

    template = "careers/activity_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")


ACTIVITY_MODELS = (CoursePage, EventPage)
