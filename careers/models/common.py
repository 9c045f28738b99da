from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

SUMMARY_MAX_LENGTH = 400

# Links that leave the platform for a recruitment or registration system must be https.
# Its own code, so form fields do not swap the message for their generic "Enter a valid URL".
validate_https = URLValidator(
    schemes=["https"], message=_("Enter an address starting with https://."), code="not_https"
)
