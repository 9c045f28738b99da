from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupClaimMapping(models.Model):
    """One value of the identity provider's group claim and a group it gives. The groups named
    here are managed by single sign-on: each login adds the mapped ones and removes the others."""

    claim_value = models.CharField(
        _("value in the group claim"),
        max_length=255,
        help_text=_(
            "Exactly as the identity provider sends it, e.g. the object ID of an Entra ID group."
        ),
    )
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="+", verbose_name=_("group")
    )

    class Meta:
        verbose_name = _("group claim mapping")
        verbose_name_plural = _("group claim mappings")
        ordering = ["claim_value", "group__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim_value", "group"], name="identity_unique_claim_group"
            )
        ]

    def __str__(self):
        return f"{self.claim_value} → {self.group.name}"


class ExternalIdentity(models.Model):
    """The account an identity provider's subject logs in to. Accounts are matched on issuer and
    subject, never on e-mail, so a claim cannot take over a local account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_identity"
    )
    issuer = models.CharField(max_length=255)
    subject = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="identity_unique_subject")
        ]

    def __str__(self):
        return f"{self.issuer} {self.subject}"
