"""Blocks of the site content: contact cards (a department's live details) and the body of
content, news, location and department pages. The shared blocks are in `core.blocks`."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

from core.blocks import (
    AccordionBlock,
    CallToActionBlock,
    FactBoxBlock,
    FigureBlock,
    LinkBlock,
    QuoteBlock,
    VideoBlock,
    WarningBlock,
    phone_block,
)
from home.choosers import department_chooser_viewset, location_chooser_viewset


class ContactCardValue(blocks.StructValue):
    @property
    def contact(self):
        """What the card shows: the chosen department's live data, or the free fields."""
        department, location = self.get("department"), self.get("location")
        if department is None:
            address = location.visiting_address if location else self.get("visiting_address")
            return {
                "title": self.get("title"),
                "department": None,
                "places": [
                    {
                        "name": location.title if location else "",
                        "reporting_point": self.get("reporting_point"),
                        "visiting_address": address,
                    }
                ]
                if self.get("reporting_point") or address
                else [],
                "opening_hours": self.get("opening_hours"),
                "phone": self.get("phone"),
                "phone_hours": self.get("phone_hours"),
                "email": self.get("email"),
            }
        links = list(department.department_locations.all())
        if location is not None:
            # Only where this treatment is given, if the department is there at all.
            links = [link for link in links if link.location_id == location.pk] or links
        return {
            "title": self.get("title") or department.title,
            "department": department,
            "places": [
                {
                    "name": link.location.title,
                    "reporting_point": link.reporting_point,
                    "visiting_address": link.location.visiting_address,
                }
                for link in links
            ],
            "opening_hours": "",
            "phone": department.phone,
            "phone_hours": department.phone_hours,
            "email": department.email,
        }


class PlaceChooserBlock(blocks.PageChooserBlock):
    """A department or location of the editor's hospital, chosen in `home.choosers`' modal
    (listed with its hospital) instead of the whole page tree. Still a page chooser block, so
    a translator can point a translation's card at the translated page."""

    viewset = None

    def __init__(self, **kwargs):
        super().__init__(page_type=self.viewset.model, **kwargs)

    @cached_property
    def widget(self):
        return self.viewset.widget_class()

    def get_form_state(self, value):
        # The state of the modal's widget, not of Wagtail's page chooser.
        return self.widget.get_value_data(value)


class DepartmentChooserBlock(PlaceChooserBlock):
    viewset = department_chooser_viewset


class LocationChooserBlock(PlaceChooserBlock):
    viewset = location_chooser_viewset


class ContactCardBlock(blocks.StructBlock):
    """A contact card: a department's details, or free text where no department page exists.

    Stable API (``home.blocks.ContactCardBlock``), reused by the treatments app:

    - ``department``: optional ``home.DepartmentPage``. When chosen, the card shows that
      department's *current* name, oppmøtested per location with visiting address, phone,
      phone hours, e-mail and a link to its page; they are read when the page is rendered, so
      a change on the department shows on every page that points to it. The free fields
      below are then ignored, except ``title``, which overrides the heading.
    - ``location``: optional ``home.LocationPage``. With a department, the card shows only
      that location's oppmøtested (all of them if the department is not there); without
      one, the location's name and current visiting address replace ``visiting_address``.
    - ``title``: heading of the card (required without a department).
    - ``reporting_point``: oppmøtested, where to report on arrival.
    - ``visiting_address``, ``opening_hours``, ``phone``, ``phone_hours``, ``email``.

    Without a department, a title and at least one of phone, e-mail or reporting point are
    required. Template: ``home/blocks/contact_card.html``; the card's heading is an ``h2``,
    or another level with ``{% include_block card with heading_level=3 %}``. The value's
    ``contact`` property gives the data to show, whichever source it comes from.
    """

    department = DepartmentChooserBlock(
        label=_("Department"),
        required=False,
        help_text=_("Choose a department to show its current contact details."),
    )
    location = LocationChooserBlock(
        label=_("Location"),
        required=False,
        help_text=_("Limit the card to one location, or show its address."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=150, required=False)
    reporting_point = blocks.TextBlock(
        label=_("Where to report (oppmøtested)"), required=False, max_length=400
    )
    visiting_address = blocks.TextBlock(label=_("Visiting address"), required=False)
    opening_hours = blocks.CharBlock(label=_("Opening hours"), required=False, max_length=200)
    phone = phone_block()
    phone_hours = blocks.CharBlock(label=_("Phone hours"), required=False, max_length=200)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = "home/blocks/contact_card.html"
        value_class = ContactCardValue

    def clean(self, value):
        value = super().clean(value)
        if not value.get("department"):
            errors = {}
            if not value.get("title"):
                errors["title"] = ValidationError(_("Enter a title or choose a department."))
            if not (value.get("phone") or value.get("email") or value.get("reporting_point")):
                errors["phone"] = ValidationError(
                    _("Enter a phone number, an e-mail or where to report.")
                )
            if errors:
                raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def bulk_to_python(self, values):
        # Every card of a page loads its departments' locations together, in one query.
        result = super().bulk_to_python(values)
        departments = [card["department"] for card in result if card.get("department")]
        links = self.child_blocks["department"].target_model.department_locations.rel
        prefetch_related_objects(
            departments,
            Prefetch(
                "department_locations",
                queryset=links.related_model.objects.select_related("location"),
            ),
        )
        return result


class BodyBlock(blocks.StreamBlock):
    """The general body blocks of ContentPage, NewsPage and DepartmentPage."""

    paragraph = blocks.RichTextBlock(label=_("Text"), editor="default")
    image = FigureBlock()
    fact_box = FactBoxBlock()
    warning = WarningBlock()
    accordion = AccordionBlock()
    table = TableBlock(
        label=_("Table"),
        template="home/blocks/table.html",
        table_options={
            "contextMenu": [
                "row_above",
                "row_below",
                "col_left",
                "col_right",
                "remove_row",
                "remove_col",
                "undo",
                "redo",
            ]
        },
    )
    contact_card = ContactCardBlock()
    links = blocks.ListBlock(
        LinkBlock(), label=_("Link list"), template="core/blocks/link_list.html"
    )
    quote = QuoteBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        label = _("Body")
