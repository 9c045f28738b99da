from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from identity.second_factor import SESSION_KEY


@receiver(user_logged_in)
def forget_second_factor_state(sender, request, user, **kwargs):
    """Each login decides anew whether it needs a second factor (the session may outlive one)."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(SESSION_KEY, None)
