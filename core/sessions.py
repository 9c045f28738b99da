"""The absolute limit on a staff session: FNSP_SESSION_MAX_AGE after the login it ends, however
active it is. (The idle limit is Django's own: SESSION_COOKIE_AGE, renewed by every request
with SESSION_SAVE_EVERY_REQUEST.)"""

import datetime

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.utils import timezone

LOGIN_AT = "fnsp_login_at"


def record_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT] = timezone.now().timestamp()


def connect_login_time():
    user_logged_in.connect(record_login_time, dispatch_uid="fnsp_login_time")


class StaffSessionLimitMiddleware:
    """Logs out a user whose login is older than FNSP_SESSION_MAX_AGE; the request goes on
    anonymous (the admin then asks for a login)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = timezone.now()
            login_at = request.session.setdefault(LOGIN_AT, now.timestamp())
            age = now - datetime.datetime.fromtimestamp(login_at, tz=datetime.UTC)
            if age > settings.FNSP_SESSION_MAX_AGE:
                logout(request)
        return self.get_response(request)
