"""Researcher identifiers: ORCID iDs (with their check digit) and NVA/Cristin ids."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

ORCID_PATTERN = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")

validate_nva_id = RegexValidator(
    r"^\d{1,12}$", _("Enter the NVA (Cristin) id: digits only, e.g. 12345."), code="nva_id"
)


def orcid_check_digit(digits):
    """ISO 7064 MOD 11-2 over the first 15 digits, as ORCID defines it."""
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def validate_orcid(value):
    if not ORCID_PATTERN.match(value or ""):
        raise ValidationError(
            _("Enter an ORCID iD as 0000-0000-0000-0000, e.g. 0000-0002-1825-0097."),
            code="orcid_format",
        )
    digits = value.replace("-", "")
    if orcid_check_digit(digits[:15]) != digits[15]:
        raise ValidationError(
            _("%(value)s is not a valid ORCID iD: its check digit is wrong."),
            params={"value": value},
            code="orcid_checksum",
        )


validate_nva_ids = RegexValidator(
    r"^\s*\d{1,12}([\s,]+\d{1,12})*[\s,]*$",
    _("Enter NVA (Cristin) project ids: digits, separated by spaces or commas."),
    code="nva_ids",
)


def split_ids(value):
    return re.findall(r"\d+", value or "")
