"""Who must give a second factor after the password step, and whether this session has."""

from django.contrib.auth import BACKEND_SESSION_KEY
from django_otp import user_has_device

from home.groups import NATIONAL_EDITORS, PORTAL_SLUG, editor_group_name, webmaster_group_name
from identity.backends import SSO_BACKEND

# The national groups: the national board and the portal's editors and webmasters, whose
# content (treatments, the portal, the national alert banners) shows on every site.
NATIONAL_GROUPS = [
    NATIONAL_EDITORS,
    editor_group_name(PORTAL_SLUG),
    webmaster_group_name(PORTAL_SLUG),
]
# Remembered for the session: the middleware asks the database once per login.
SESSION_KEY = "identity_second_factor"
REQUIRED, NOT_REQUIRED = "required", "not-required"


def second_factor_required(user):
    """Superusers and national editors must enrol; anyone who enrolled must verify."""
    return (
        user.is_superuser
        or user.groups.filter(name__in=NATIONAL_GROUPS).exists()
        or user_has_device(user)
    )


def session_needs_second_factor(request):
    state = request.session.get(SESSION_KEY)
    if state is None:
        # Single sign-on leaves the second factor to the identity provider.
        sso = request.session.get(BACKEND_SESSION_KEY) == SSO_BACKEND
        state = REQUIRED if not sso and second_factor_required(request.user) else NOT_REQUIRED
        request.session[SESSION_KEY] = state
    return state == REQUIRED and not request.user.is_verified()
