from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from identity.backends import sso_enabled

register = template.Library()


@register.simple_tag
def sso_login_url(next_url=""):
    """The single sign-on button's address, or nothing when single sign-on is off."""
    if not sso_enabled():
        return ""
    url = reverse("oidc_authentication_init")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


@register.simple_tag
def sso_login_label():
    return _("Log in with %(provider)s") % {"provider": settings.FNSP_SSO_PROVIDER_NAME}
