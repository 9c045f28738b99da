"""The review digest: one e-mail per owner listing what they own that is due for review.

Local pages go to their Wagtail owner; the national treatments to every member of the
national board (a treatment's owners are names, not accounts). Sent with Django's mail, so
development prints them (console backend) and production uses the configured SMTP server.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.groups import NATIONAL_EDITORS
from quality import reviews
from treatments.models import Treatment


@dataclass
class Digest:
    """Who gets which items; `unowned` pages have no owner with an e-mail address."""

    items: dict = field(default_factory=lambda: defaultdict(list))
    unowned: list = field(default_factory=list)


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def collect(within_days):
    """Group what is due within `within_days` by recipient; three queries."""
    digest = Digest()
    for page in reviews.due_pages(within_days):
        item = (
            page.title,
            page.trust_name or "",
            page.review_due.date(),
            admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        )
        if page.owner and page.owner.is_active and page.owner.email:
            digest.items[page.owner].append(item)
        else:
            digest.unowned.append(item)
    treatments = list(reviews.due_treatments(within_days))
    if treatments:
        edit = Treatment.snippet_viewset.get_url_name("edit")
        board = (
            get_user_model()
            .objects.filter(groups__name=NATIONAL_EDITORS, is_active=True)
            .exclude(email="")
        )
        for member in board:
            digest.items[member] += [
                (
                    t.title,
                    gettext_lazy("National treatment"),
                    t.next_review,
                    admin_url(reverse(edit, args=[t.pk])),
                )
                for t in treatments
            ]
    return digest


def send(digest, within_days, progress=None):
    """Send one e-mail per recipient, in Norwegian; the number sent."""
    with translation.override(settings.LANGUAGE_CODE):
        for number, (user, items) in enumerate(digest.items.items(), start=1):
            if progress:
                progress(number, len(digest.items), user.email, len(items))
            context = {"user": user, "items": sorted(items, key=lambda item: item[2])}
            context["within_days"] = within_days
            send_mail(
                _("Due for review: %(count)s") % {"count": len(items)},
                render_to_string("quality/review_digest.txt", context),
                None,
                [user.email],
            )
    return len(digest.items)
