"""Where a hospital is: its locations (steder, /steder/) and its departments and outpatient
clinics (avdelinger/poliklinikker, /avdelinger/), each at one or more locations."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, ReferenceIndex
from wagtail.search import index

from core.blocks import ContactPersonBlock
from core.models import BasePage
from core.sites import on_sites, root_path
from core.text import group_by_letter
from core.validators import validate_phone
from home.blocks import BodyBlock
from home.forms import OwnHospitalPageForm
from home.jsonld import location

MAP_ZOOM = 17


class LocationIndexPage(BasePage):
    """/steder/: the hospital's locations."""

    intro = models.TextField(_("introduction"), blank=True, max_length=400)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HospitalHomePage"]
    subpage_types = ["home.LocationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("location index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["locations"] = LocationPage.objects.child_of(self).live().public().order_by("title")
        return context


class LocationPage(BasePage):
    """A hospital location: where it is, how to get there and which departments are there."""

    intro = models.TextField(_("introduction"), blank=True, max_length=400)
    visiting_address = models.TextField(_("visiting address"))
    postal_address = models.TextField(_("postal address"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, e.g. 60.388. Between -90 and 90."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees, e.g. 5.359. Between -180 and 180."),
    )
    opening_hours = models.TextField(_("opening hours"), blank=True)
    parking = RichTextField(_("parking"), blank=True, editor="inline")
    public_transport = RichTextField(_("public transport"), blank=True, editor="inline")
    accessibility = RichTextField(
        _("accessibility for wheelchair users"), blank=True, editor="inline"
    )
    body = StreamField(BodyBlock(), verbose_name=_("more information"), blank=True)

    show_last_updated = True
    base_form_class = OwnHospitalPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("visiting_address"),
                FieldPanel("postal_address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address and map"),
        ),
        FieldPanel("opening_hours"),
        FieldPanel("parking"),
        FieldPanel("public_transport"),
        FieldPanel("accessibility"),
        FieldPanel("body"),
    ]
    parent_page_types = ["home.LocationIndexPage"]
    subpage_types = ["home.ContentPage"]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("visiting_address"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("location")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                {"longitude": _("Enter both latitude and longitude, or neither.")}
            )

    @property
    def map_url(self):
        """A plain link to OpenStreetMap: no map script or tracking on our pages."""
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = f"{self.latitude:.6f}", f"{self.longitude:.6f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map={MAP_ZOOM}/{lat}/{lon}"

    def structured_data(self, context):
        return location(self, context.get("request"), context.get("chrome"))

    def departments(self):
        return (
            DepartmentPage.objects.live()
            .public()
            .filter(department_locations__location=self)
            .distinct()
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["departments"] = self.departments()
        return context


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


def check_times(opens, closes):
    if opens and closes and closes <= opens:
        raise ValidationError({"closes": _("The end must be after the start.")})


class DepartmentIndexPage(BasePage):
    """/avdelinger/: departments A–Å, filtered by location with ?location=<slug>."""

    intro = models.TextField(_("introduction"), blank=True, max_length=400)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HospitalHomePage"]
    subpage_types = ["home.DepartmentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("department index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The locations on this page's site, in this page's language tree.
        locations = list(
            on_sites(LocationPage.objects, [root_path(self)]).live().public().order_by("title")
        )
        chosen = next(
            (loc for loc in locations if loc.slug == request.GET.get("location", "")), None
        )
        departments = (
            DepartmentPage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related("department_locations__location")
        )
        if chosen:
            departments = departments.filter(department_locations__location=chosen).distinct()
        context.update(
            locations=locations,
            chosen_location=chosen,
            letters=group_by_letter(departments, lambda department: department.title),
        )
        return context


class DepartmentPage(BasePage):
    """A department or outpatient clinic: where to report, how to call, when to visit."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Department")
        OUTPATIENT_CLINIC = "outpatient-clinic", _("Outpatient clinic")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    intro = models.TextField(_("introduction"), blank=True, max_length=400)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[validate_phone])
    phone_hours = models.CharField(
        _("phone hours"), max_length=200, blank=True, help_text=_("E.g. Mon–Fri 08.00–15.30")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    visiting_note = models.TextField(
        _("about visiting"), blank=True, help_text=_("E.g. rules for children, or calling first.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("more information"), blank=True)
    staff_contacts = StreamField(
        [("person", ContactPersonBlock())], verbose_name=_("contact persons"), blank=True
    )

    show_last_updated = True
    base_form_class = OwnHospitalPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        InlinePanel("department_locations", heading=_("Locations"), label=_("Location")),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("phone_hours"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("visiting_note"),
                InlinePanel("visiting_hours", label=_("Visiting hours")),
                InlinePanel("visiting_exceptions", label=_("Exception")),
            ],
            heading=_("Visiting hours"),
        ),
        FieldPanel("body"),
        FieldPanel("staff_contacts"),
    ]
    parent_page_types = ["home.DepartmentIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("department")

    def offered_treatments(self):
        """Live pages of any type that point to this department, e.g. from a contact card.

        This is the reverse of a TreatmentPage's (or ContentPage's) contact-card link, read
        from Wagtail's reference index, so `home` needs no knowledge of the treatments app.
        """
        page_ids = (
            ReferenceIndex.get_references_to(self)
            .filter(base_content_type=ReferenceIndex._get_base_content_type(Page))
            .values_list("object_id", flat=True)
        )
        return (
            Page.objects.live()
            .public()
            .filter(pk__in=[int(pk) for pk in page_ids])
            .exclude(pk=self.pk)
            .specific()
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["places"] = self.department_locations.select_related("location")
        context["visiting_hours"] = self.visiting_hours.order_by("weekday", "opens")
        context["exceptions"] = self.visiting_exceptions.filter(
            date__gte=timezone.localdate()
        ).order_by("date")
        context["offered"] = self.offered_treatments()
        return context


class DepartmentLocation(Orderable):
    """Where a department is, and where to report there (oppmøtested)."""

    department = ParentalKey(
        DepartmentPage, on_delete=models.CASCADE, related_name="department_locations"
    )
    location = models.ForeignKey(
        LocationPage,
        verbose_name=_("location"),
        on_delete=models.CASCADE,
        related_name="department_links",
    )
    reporting_point = models.TextField(
        _("where to report (oppmøtested)"),
        blank=True,
        help_text=_("E.g. 'Reception, 2nd floor, entrance B'."),
    )

    panels = [FieldPanel("location"), FieldPanel("reporting_point")]


class VisitingHours(Orderable):
    department = ParentalKey(
        DepartmentPage, on_delete=models.CASCADE, related_name="visiting_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("from"))
    closes = models.TimeField(_("until"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("visiting hours")

    def clean(self):
        super().clean()
        check_times(self.opens, self.closes)


class VisitingHoursException(Orderable):
    """A day with other visiting hours, or none (holidays, outbreaks)."""

    department = ParentalKey(
        DepartmentPage, on_delete=models.CASCADE, related_name="visiting_exceptions"
    )
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("no visiting"), default=False)
    opens = models.TimeField(_("from"), null=True, blank=True)
    closes = models.TimeField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("closed")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("visiting hours exception")

    def clean(self):
        super().clean()
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValidationError(
                {"closes": _("Enter the hours of that day, or tick 'no visiting'.")}
            )
        check_times(self.opens, self.closes)
