from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdentityConfig(AppConfig):
    """Staff identity: single sign-on over OpenID Connect with its claim-to-group mapping, and
    the second factor of local-password accounts (docs/security.md)."""

    name = "identity"
    verbose_name = _("Staff identity")

    def ready(self):
        from identity import signals  # noqa: F401
