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
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView
from wagtail.admin.views import account

from core.throttling import count_failure, lockout_refusal
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


class ChangePasswordPanel(account.ChangePasswordPanel):
    """Wagtail's, with one form a request (Wagtail makes one to validate and another to
    render): AccountView.post reads the old-password check Wagtail made before saving a new
    password, which a form made afterwards would see fail; and each check costs a hash."""

    @cached_property
    def form(self):
        return super().get_form()

    def get_form(self):
        return self.form


class AccountView(account.AccountView):
    """Wagtail's account settings, with the old password of a password change under the login's
    lockout (docs/security.md): Wagtail checks it with `check_password`, not `authenticate`, so
    axes would never hear of a wrong one, and a stolen session could guess it without limit."""

    @cached_property
    def panels(self):
        return [
            ChangePasswordPanel(panel.request, panel.user, panel.profile)
            if type(panel) is account.ChangePasswordPanel
            else panel
            for panel in super().get_panels()
        ]

    def get_panels(self):
        # Once a request, so that the password panel's form is made once.
        return self.panels

    def post(self, request):
        form = next(
            (panel.get_form() for panel in self.panels if isinstance(panel, ChangePasswordPanel)),
            None,  # an account without a local password (single sign-on)
        )
        if form is None or not form.is_bound:  # no new password given: no change asked for
            return super().post(request)
        credentials = {"username": request.user.get_username()}
        if refusal := lockout_refusal(request, credentials):
            return refusal
        response = super().post(request)
        if form.has_error("old_password", "password_incorrect"):
            count_failure(request, credentials)
        return response
