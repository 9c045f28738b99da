"""Hospital locations (steder) and their listing at /steder/."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import INLINE_TEXT_FEATURES, BodyBlock

from .pages import BasePage

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
    parking = RichTextField(_("parking"), blank=True, features=INLINE_TEXT_FEATURES)
    public_transport = RichTextField(
        _("public transport"), blank=True, features=INLINE_TEXT_FEATURES
    )
    accessibility = RichTextField(
        _("accessibility for wheelchair users"), blank=True, features=INLINE_TEXT_FEATURES
    )
    body = StreamField(BodyBlock(), verbose_name=_("more information"), blank=True)

    show_last_updated = True
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

    def departments(self):
        from .departments import DepartmentPage

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
