"""Single sign-on over OpenID Connect: mozilla-django-oidc's code flow, with users matched on
issuer and subject, created just in time, and their groups taken from the group claim through
the mapping administrators keep (`GroupClaimMapping`)."""

import base64
import hashlib
import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from identity.models import ExternalIdentity, GroupClaimMapping

logger = logging.getLogger(__name__)

SSO_BACKEND = "identity.backends.SSOBackend"


def sso_enabled():
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))


def claim_values(claims):
    """The group claim as a set of strings: providers send a list, some a single string."""
    value = claims.get(settings.FNSP_SSO_GROUPS_CLAIM) or []
    if isinstance(value, str):
        value = [value]
    return {str(item) for item in value}


def sync_groups(user, claims):
    """Give `user` exactly the mapped groups their claim names, among the groups the mapping
    manages; groups it does not manage are left alone. Returns the groups given."""
    mappings = list(GroupClaimMapping.objects.values_list("claim_value", "group_id"))
    managed = {group_id for _value, group_id in mappings}
    values = claim_values(claims)
    wanted = {group_id for value, group_id in mappings if value in values}
    current = set(user.groups.filter(pk__in=managed).values_list("pk", flat=True))
    user.groups.remove(*(current - wanted))
    user.groups.add(*(wanted - current))
    return wanted


class SSOBackend(OIDCAuthenticationBackend):
    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        # mozilla-django-oidc leaves the audience unchecked: a token for another client of the
        # same provider must not log in here.
        audience = payload.get("aud")
        audiences = [audience] if isinstance(audience, str) else audience or []
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token is not meant for this client.")
        self.id_token_claims = payload
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        userinfo = super().get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("The userinfo response is for another subject.")
        # The signed ID token wins; Entra ID, for one, sends the groups in it only.
        return {**userinfo, **payload}

    def verify_claims(self, claims):
        return bool(claims.get("iss") and claims.get("sub"))

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(
            external_identity__issuer=claims["iss"], external_identity__subject=claims["sub"]
        )

    def get_username(self, claims):
        digest = hashlib.sha256(f"{claims['iss']} {claims['sub']}".encode()).digest()
        return "sso-" + base64.urlsafe_b64encode(digest).decode()[:22]

    def refuse(self):
        messages.error(
            self.request,
            _(
                "You are signed in with %(provider)s, but none of your groups there gives "
                "access to the FNSP administration. Ask your site's administrator for access."
            )
            % {"provider": settings.FNSP_SSO_PROVIDER_NAME},
        )
        return None

    @transaction.atomic
    def create_user(self, claims):
        if not claim_values(claims) & set(
            GroupClaimMapping.objects.values_list("claim_value", flat=True)
        ):
            return self.refuse()
        # No password: the account logs in through the provider only.
        user = self.UserModel.objects.create_user(self.get_username(claims))
        ExternalIdentity.objects.create(user=user, issuer=claims["iss"], subject=claims["sub"])
        return self.update_user(user, claims)

    @transaction.atomic
    def update_user(self, user, claims):
        user.email = claims.get("email") or ""
        user.first_name = (claims.get("given_name") or "")[:150]
        user.last_name = (claims.get("family_name") or "")[:150]
        # Rights come from the mapped groups only: a claim never makes a superuser or gives
        # Django's staff flag, whatever the provider sends.
        user.save(update_fields=["email", "first_name", "last_name"])
        if not sync_groups(user, claims):
            logger.info("SSO login refused: no mapped group for %s", user.username)
            return self.refuse()
        return user
