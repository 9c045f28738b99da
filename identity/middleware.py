from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from identity.second_factor import session_needs_second_factor


class SecondFactorMiddleware:
    """After the password step, a user who needs a second factor reaches nothing but enrolment,
    verification and logout: the admin redirects there, and elsewhere they are anonymous.
    Comes after django-otp's OTPMiddleware, which tells whether the session is verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.FNSP_REQUIRE_SECOND_FACTOR
            # Without a session cookie nobody is logged in: no session to read.
            and settings.SESSION_COOKIE_NAME in request.COOKIES
            and request.user.is_authenticated
            and session_needs_second_factor(request)
        ):
            allowed = (
                reverse("identity_verify"),
                reverse("identity_enrol"),
                reverse("wagtailadmin_logout"),
                reverse("wagtailadmin_login"),
                reverse("oidc_authentication_init"),
                reverse("oidc_authentication_callback"),
            )
            if request.path in allowed:
                return self.get_response(request)
            if request.path.startswith(reverse("wagtailadmin_home")):
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('identity_verify')}?{query}")
            request.user = AnonymousUser()
        return self.get_response(request)
