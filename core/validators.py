"""Validators every app shares."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# Norwegian and international numbers as people write them: digits and spaces, an optional +.
PHONE_PATTERN = r"^\+?[0-9 ]{5,20}$"
PHONE_MESSAGE = _("Enter a phone number, e.g. 55 97 50 00.")
validate_phone = RegexValidator(PHONE_PATTERN, PHONE_MESSAGE, code="phone")
