from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


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


class BodyBlock(blocks.StreamBlock):
    """The general body blocks; richer blocks arrive with the content issue."""

    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"],
    )
    links = blocks.ListBlock(
        LinkBlock(), label=_("Link list"), template="home/blocks/link_list.html"
    )

    class Meta:
        label = _("Body")
