import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ICD10 = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")


def validate_icd10(value):
    """ICD-10 codes as used in Norway: a letter, two digits, optional subdivision (C50, C50.9)."""
    if not ICD10.match(value or ""):
        raise ValidationError(
            _("Enter an ICD-10 code such as C50 or C50.9 (capital letter, two digits)."),
            code="icd10",
        )


def validate_helsenorge_url(value):
    host = (urlsplit(value).hostname or "").lower()
    if urlsplit(value).scheme != "https" or not (
        host == "helsenorge.no" or host.endswith(".helsenorge.no")
    ):
        raise ValidationError(_("Enter an https link to helsenorge.no."), code="helsenorge")
