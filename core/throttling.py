"""The limits on what one client (core.http.client_address) may try: lockout after failed
passwords (django-axes) and request rates on public forms (django-ratelimit's counters).
docs/security.md explains the choices."""

import math
from functools import wraps

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_lockout_response
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

# The "account" of a view restriction's shared password, as axes records it.
RESTRICTION_PREFIX = "view-restriction:"


def lockout_parameters(request, credentials=None):
    """Lock out an address, or an account, after too many failures. A view restriction's
    password is shared by everyone who was given it: only the address is locked out there,
    so that a stranger cannot lock every patient out of the page."""
    username = (credentials or {}).get("username") or ""
    if username.startswith(RESTRICTION_PREFIX):
        return ["ip_address"]
    return ["ip_address", "username"]


def throttled_restriction_password(view, restriction_argument):
    """Wagtail's form for a page's or a collection's view-restriction password, under the
    same lockout as the login: it checks the password itself, not through `authenticate`, so
    axes would never hear of a failure. A failed try re-renders the form; success redirects."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        credentials = {"username": f"{RESTRICTION_PREFIX}{kwargs[restriction_argument]}"}
        if refusal := lockout_refusal(request, credentials):
            return refusal
        response = view(request, *args, **kwargs)
        if response.status_code // 100 != 3:
            count_failure(request, credentials)
        return response

    return wrapper


def lockout_refusal(request, credentials):
    """The lockout page when the client's address or the account in `credentials` is locked
    out, else None. For a password form that axes does not watch itself."""
    if AxesProxyHandler.is_allowed(request, credentials):
        return None
    return get_lockout_response(request, None, credentials)


def count_failure(request, credentials):
    """A wrong password checked without `authenticate`, which axes would never hear of. The try
    that reaches the limit is answered by axes' middleware."""
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)


def rate_limited(group, json=False):
    """Answer 429 with Retry-After once an anonymous client has made more requests to views of
    `group` than settings.FNSP_RATE_LIMITS[group] allows ("30/m": 30 a minute). The refusal
    is a page, or with `json` (a view that answers JSON) a JSON object with a `message`.

    The counters are django-ratelimit's, in the default cache, keyed by
    `core.http.client_address` (an IPv6 client by its /64). Logged-in staff are not limited.
    Only requests that reach Django count: pages Varnish serves from its cache never do
    (docs/security.md).
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                usage = get_usage(
                    request,
                    group=group,
                    key="ip",
                    rate=settings.FNSP_RATE_LIMITS[group],
                    increment=True,
                )
                if usage and usage["should_limit"]:
                    # time_left is 0 in the window's last second: the next one is free.
                    return too_many_requests(request, usage["time_left"] + 1, json=json)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def lockout_response(request, original_response=None, credentials=None):
    """axes' answer to a locked-out client (AXES_LOCKOUT_CALLABLE): the same page and headers
    as any other refusal for trying too often, with the cool-off as the wait."""
    return too_many_requests(request, get_cool_off(request).total_seconds(), lockout=True)


def too_many_requests(request, seconds, lockout=False, json=False):
    seconds = max(1, math.ceil(seconds))
    message = refusal_message(math.ceil(seconds / 60), lockout)
    if json:
        response = JsonResponse({"message": message}, status=429)
    else:
        response = render(request, "core/too_many_requests.html", {"message": message}, status=429)
    response["Retry-After"] = str(seconds)
    # The refusal belongs to one client: no cache, Varnish included, may keep it.
    response["Cache-Control"] = "private, no-store"
    return response


def refusal_message(minutes, lockout):
    if lockout:
        text = ngettext(
            "Too many failed attempts with the wrong password. For your security, signing in "
            "is blocked for %(minutes)s minute. Try again later, or ask your administrator "
            "for help.",
            "Too many failed attempts with the wrong password. For your security, signing in "
            "is blocked for %(minutes)s minutes. Try again later, or ask your administrator "
            "for help.",
            minutes,
        )
    else:
        text = ngettext(
            "You have sent too many requests in a short time. Wait %(minutes)s minute and "
            "try again.",
            "You have sent too many requests in a short time. Wait %(minutes)s minutes and "
            "try again.",
            minutes,
        )
    return text % {"minutes": minutes}
