"""StreamField blocks shared by every app: links, boxes, media, contact persons and banners.
Reuse these rather than copying them (the body of content pages is `home.blocks.BodyBlock`)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from core.validators import PHONE_MESSAGE, PHONE_PATTERN


def phone_block(**kwargs):
    """A phone number field in a block, checked as `core.validators.validate_phone` checks
    model fields."""
    kwargs.setdefault("label", _("Phone"))
    kwargs.setdefault("required", False)
    return blocks.RegexBlock(
        regex=PHONE_PATTERN, error_messages={"invalid": PHONE_MESSAGE}, **kwargs
    )


class LinkBlock(blocks.StructBlock):
    """A link to a page on the platform or to an external https/http URL."""

    label = blocks.CharBlock(label=_("Label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External URL"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "core/blocks/link.html"

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
        template = "core/blocks/figure.html"


class FactBoxBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), editor="inline")

    class Meta:
        icon = "info-circle"
        label = _("Fact box")
        template = "core/blocks/fact_box.html"


class WarningBlock(blocks.StructBlock):
    """ "OBS": something the reader must not miss."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), editor="inline")

    class Meta:
        icon = "warning"
        label = _("Warning (OBS)")
        template = "core/blocks/warning.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    text = blocks.RichTextBlock(label=_("Text"), editor="inline")


class AccordionBlock(blocks.StructBlock):
    """Expandable sections as <details>/<summary>: no script, works with a keyboard."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Sections"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "core/blocks/accordion.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "core/blocks/quote.html"


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
        template = "core/blocks/video.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "core/blocks/call_to_action.html"


class ContactPersonBlock(blocks.StructBlock):
    """A named contact person (work contact details only)."""

    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), max_length=120, required=False)
    phone = phone_block()
    email = blocks.EmailBlock(label=_("E-mail"), required=False)

    class Meta:
        icon = "user"
        label = _("Contact person")
        template = "core/blocks/contact_person.html"


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
