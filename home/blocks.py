"""StreamField blocks shared by every page type (ContentPage, NewsPage, DepartmentPage and the
domain apps' pages). Reuse these rather than copying them."""

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Body text: headings h2–h4 (the page title is the only h1), lists, links, bold and italic.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
# Text inside boxes and accordions: no headings, the box has its own.
INLINE_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class LinkBlock(blocks.StructBlock):
    """A link to a page on the platform or to an external https/http URL."""

    label = blocks.CharBlock(label=_("Label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External URL"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "home/blocks/link.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter a URL, not both."))}
            )
        return value


class SocialLinkBlock(blocks.StructBlock):
    service = blocks.ChoiceBlock(
        label=_("Service"),
        choices=[
            ("facebook", "Facebook"),
            ("instagram", "Instagram"),
            ("linkedin", "LinkedIn"),
            ("youtube", "YouTube"),
            ("x", "X"),
            ("other", _("Other")),
        ],
    )
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "site"
        label = _("Social link")


class FigureBlock(blocks.StructBlock):
    """An image with required alt text and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=250,
        help_text=_("Describe what the image shows for those who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/figure.html"


class FactBoxBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=INLINE_TEXT_FEATURES)

    class Meta:
        icon = "info-circle"
        label = _("Fact box")
        template = "home/blocks/fact_box.html"


class WarningBlock(blocks.StructBlock):
    """ "OBS": something the reader must not miss."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=INLINE_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Warning (OBS)")
        template = "home/blocks/warning.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    text = blocks.RichTextBlock(label=_("Text"), features=INLINE_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    """Expandable sections as <details>/<summary>: no script, works with a keyboard."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Sections"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "home/blocks/accordion.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    """An embedded video; the text alternative (summary or transcript) is required."""

    video = EmbedBlock(label=_("Video URL"), help_text=_("E.g. a YouTube or Vimeo address."))
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    text_alternative = blocks.TextBlock(
        label=_("Text alternative"),
        help_text=_("A summary or transcript for those who cannot watch the video."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "home/blocks/video.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action.html"


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

    department = blocks.PageChooserBlock(
        label=_("Department"),
        page_type="home.DepartmentPage",
        required=False,
        help_text=_("Choose a department to show its current contact details."),
    )
    location = blocks.PageChooserBlock(
        label=_("Location"),
        page_type="home.LocationPage",
        required=False,
        help_text=_("Limit the card to one location, or show its address."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=150, required=False)
    reporting_point = blocks.TextBlock(
        label=_("Where to report (oppmøtested)"), required=False, max_length=400
    )
    visiting_address = blocks.TextBlock(label=_("Visiting address"), required=False)
    opening_hours = blocks.CharBlock(label=_("Opening hours"), required=False, max_length=200)
    phone = blocks.RegexBlock(
        label=_("Phone"),
        regex=r"^\+?[0-9 ]{5,20}$",
        required=False,
        error_messages={"invalid": _("Enter a phone number, e.g. 55 97 50 00.")},
    )
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
        # Every card of a page loads its departments' locations together, in two queries.
        result = super().bulk_to_python(values)
        departments = [card["department"] for card in result if card.get("department")]
        prefetch_related_objects(departments, "department_locations__location")
        return result


class BodyBlock(blocks.StreamBlock):
    """The general body blocks of ContentPage, NewsPage and DepartmentPage."""

    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
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
        LinkBlock(), label=_("Link list"), template="home/blocks/link_list.html"
    )
    quote = QuoteBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        label = _("Body")


class StaffContactBlock(blocks.StructBlock):
    """A named contact person at a department (work contact details only)."""

    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), max_length=120, required=False)
    phone = blocks.RegexBlock(
        label=_("Phone"),
        regex=r"^\+?[0-9 ]{5,20}$",
        required=False,
        error_messages={"invalid": _("Enter a phone number, e.g. 55 97 50 00.")},
    )
    email = blocks.EmailBlock(label=_("E-mail"), required=False)

    class Meta:
        icon = "user"
        label = _("Contact person")
        template = "home/blocks/staff_contact.html"


class AlertBannerBlock(blocks.StructBlock):
    """A crisis or alert banner shown from ``start`` until ``end`` (exclusive)."""

    LEVELS = [("info", _("Information")), ("warning", _("Warning")), ("critical", _("Crisis"))]

    message = blocks.TextBlock(label=_("Message"), max_length=300)
    level = blocks.ChoiceBlock(label=_("Level"), choices=LEVELS, default="warning")
    link = blocks.URLBlock(label=_("Link to more information"), required=False)
    start = blocks.DateTimeBlock(label=_("Show from"))
    end = blocks.DateTimeBlock(label=_("Show until"))

    class Meta:
        icon = "warning"
        label = _("Alert banner")

    def clean(self, value):
        value = super().clean(value)
        if value.get("start") and value.get("end") and value["end"] <= value["start"]:
            raise blocks.StructBlockValidationError(
                block_errors={"end": ValidationError(_("The end must be after the start."))}
            )
        return value
