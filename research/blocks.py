"""Projects and publications of a research group.

Identifiers (Cristin ID, DOI, year) are RegexBlock/IntegerBlock, which wagtail-localize does not
offer for translation: the English page keeps the source's identifiers, only the text is
translated.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# A DOI is 10.<registrant>/<suffix>; shown as a link to https://doi.org/<doi>.
DOI_PATTERN = r"^10\.\d{4,9}/\S+$"
CRISTIN_PATTERN = r"^\d{1,10}$"


class ProjectBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=300)
    period = blocks.CharBlock(label=_("Period"), max_length=50, help_text=_("E.g. 2023–2027"))
    funding = blocks.CharBlock(
        label=_("Funding"), max_length=200, required=False, help_text=_("E.g. Forskningsrådet")
    )
    cristin_id = blocks.RegexBlock(
        regex=CRISTIN_PATTERN,
        label=_("Cristin project ID"),
        required=False,
        error_messages={"invalid": _("Enter a Cristin project ID (digits only).")},
    )

    class Meta:
        icon = "clipboard-list"
        label = _("Project")
        template = "research/blocks/project.html"


class PublicationBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=400)
    journal = blocks.CharBlock(label=_("Journal"), max_length=200)
    year = blocks.IntegerBlock(label=_("Year"), min_value=1900, max_value=2100)
    doi = blocks.RegexBlock(
        regex=DOI_PATTERN,
        label=_("DOI"),
        required=False,
        help_text=_("E.g. 10.1056/NEJMoa2034577"),
        error_messages={
            "invalid": _("Enter a DOI such as 10.1056/NEJMoa2034577 (without https://doi.org/).")
        },
    )

    class Meta:
        icon = "doc-full"
        label = _("Publication")
        template = "research/blocks/publication.html"
