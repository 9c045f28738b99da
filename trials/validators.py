"""Formats of the registry identifiers a trial carries."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

validate_nct = RegexValidator(
    r"^NCT\d{8}$", _("Enter a ClinicalTrials.gov number: NCT followed by 8 digits."), "nct"
)
validate_eu_ct = RegexValidator(
    r"^\d{4}-\d{6}-\d{2}-\d{2}$",
    _("Enter an EU CT number as YYYY-NNNNNN-NN-NN, e.g. 2023-501234-12-00."),
    "eu_ct",
)
# REK numbers: the older "2019/1234" form and the numeric IDs used since 2020.
validate_rek = RegexValidator(
    r"^(\d{4}/\d{1,6}|\d{5,7})$", _("Enter a REK number such as 123456 or 2019/1234."), "rek"
)
validate_cristin = RegexValidator(
    r"^\d{1,10}$", _("Enter a Cristin project ID (digits only)."), "cristin"
)
