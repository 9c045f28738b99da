"""Limits on a staff session: it ends SESSION_COOKIE_AGE after the last request (idle) and
FNSP_SESSION_MAX_AGE after the login, however active.

Django sets a session's expiry when it saves it. Saving on every request
(SESSION_SAVE_EVERY_REQUEST) would cost every admin request a write, so the session is
renewed at most once a minute: the idle limit then holds to within that minute."""

import datetime

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.utils import timezone

LOGIN_AT = "fnsp_login_at"
ACTIVE_AT = "fnsp_active_at"
RENEW_AFTER = datetime.timedelta(minutes=1)


def record_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = timezone.now().timestamp()
        request.session[LOGIN_AT] = now
        request.session[ACTIVE_AT] = now


def connect_login_time():
    user_logged_in.connect(record_login_time, dispatch_uid="fnsp_login_time")


def seconds_since(session, key, now):
    """Seconds since the moment stored under `key`; a session from before these limits has
    none, and starts counting now."""
    return now - session.setdefault(key, now)


class StaffSessionLimitMiddleware:
    """Logs out a user whose login is older than FNSP_SESSION_MAX_AGE (the request goes on
    anonymous: the admin asks for a login), and renews an active session's idle expiry."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only a request with a session cookie can be a user's: others never touch the session.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            session, now = request.session, timezone.now().timestamp()
            if (
                seconds_since(session, LOGIN_AT, now)
                > settings.FNSP_SESSION_MAX_AGE.total_seconds()
            ):
                logout(request)
            elif seconds_since(session, ACTIVE_AT, now) > RENEW_AFTER.total_seconds():
                # A change makes SessionMiddleware save the session with a new expiry.
                session[ACTIVE_AT] = now
        return self.get_response(request)
