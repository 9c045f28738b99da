import base64
import logging

import jwt
import requests
import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from identity.backends import sso_enabled
from identity.forms import TokenForm

logger = logging.getLogger(__name__)

RECOVERY_CODES = 10


def when_sso_enabled(view):
    """Single sign-on is off until its settings are there; its URLs are then 404s."""

    def wrapped(request, *args, **kwargs):
        if not sso_enabled():
            raise Http404(_("Single sign-on is not configured."))
        return view(request, *args, **kwargs)

    return wrapped


class SSOCallbackView(OIDCAuthenticationCallbackView):
    @property
    def failure_url(self):
        return reverse("wagtailadmin_login")

    @property
    def success_url(self):
        return self.request.session.get("oidc_login_next") or reverse("wagtailadmin_home")

    def get(self, request):
        try:
            return super().get(request)
        except (requests.RequestException, jwt.InvalidTokenError) as error:
            # The provider did not answer, or answered what cannot be read: a message, not a 500.
            logger.warning("SSO login failed: %s", error)
            messages.error(
                request,
                _("Signing in with %(provider)s failed. Try again later.")
                % {"provider": settings.FNSP_SSO_PROVIDER_NAME},
            )
            return self.login_failure()


sso_login = when_sso_enabled(OIDCAuthenticationRequestView.as_view())
sso_callback = when_sso_enabled(SSOCallbackView.as_view())


def next_url(request):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


admin_login_required = login_required(login_url="wagtailadmin_login")


@admin_login_required
def verify(request):
    """The second step of a password login: a code from the authenticator app, or a recovery
    code (each works once)."""
    if not user_has_device(request.user):
        return redirect(f"{reverse('identity_enrol')}?{request.GET.urlencode()}")
    form = TokenForm(request.POST or None, verify=lambda token: match_token(request.user, token))
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        return redirect(next_url(request))
    return render(request, "identity/verify.html", {"form": form, "next": next_url(request)})


@admin_login_required
def enrol(request):
    """Set up an authenticator app (TOTP) and get recovery codes. The secret is shown until a
    code from the app confirms it; the recovery codes are shown once."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        return redirect(f"{reverse('identity_verify')}?{request.GET.urlencode()}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    form = TokenForm(
        request.POST or None,
        verify=lambda token: device if device.verify_token(token) else None,
    )
    if request.method == "POST" and form.is_valid():
        codes = confirm(user, device)
        otp_login(request, device)
        return render(
            request, "identity/recovery_codes.html", {"codes": codes, "next": next_url(request)}
        )
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "identity/enrol.html",
        {
            "form": form,
            "next": next_url(request),
            "qr_svg": qr.svg_inline(scale=4, dark="#000", light="#fff"),
            "secret": b32_secret(device),
        },
    )


def b32_secret(device):
    return base64.b32encode(device.bin_key).decode().rstrip("=")


@transaction.atomic
def confirm(user, device):
    """Keep `device` as the user's one authenticator, with fresh recovery codes."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    codes = [StaticToken.random_token() for _index in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes
