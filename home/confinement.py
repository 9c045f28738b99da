"""What of other sites' pages a local editor sees in the admin's choosers and reports.

Wagtail's page chooser, its page types report and wagtail-localize's translations report list
pages of every site, drafts and private pages included. A local editor sees there every page
of their own site(s) and, of other sites, only what the public sees: live pages without a
view restriction. The national editorial board and superusers see everything. Where Wagtail
shows a page's draft title, other sites' pages show their live title: an unpublished change of
title is as private as an unpublished page.
"""

from django.db.models import Case, F, Q, When
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from core.models.pages import SHOWN_TITLE, view_restricted
from home.groups import NATIONAL_EDITORS

# Rights that make a page the editor's own (the per-site groups grant them on site roots).
OWN_PAGE_ACTIONS = ["add", "change", "publish"]


def sees_every_site(user):
    """Superusers and the national board; asked by many menu items and reports in one request,
    so kept on the user object (request.user lives as long as its request)."""
    if not hasattr(user, "_fnsp_sees_every_site"):
        user._fnsp_sees_every_site = (
            user.is_superuser or user.groups.filter(name=NATIONAL_EDITORS).exists()
        )
    return user._fnsp_sees_every_site


def own_pages(user):
    return page_permission_policy.instances_user_has_any_permission_for(user, OWN_PAGE_ACTIONS)


def public_q(prefix=""):
    """Live pages with no view restriction on themselves or an ancestor."""
    return Q(**{f"{prefix}live": True}) & ~view_restricted(prefix)


def visible_q(user, prefix=""):
    """Pages `user` may see listed (`prefix` to use it through a relation, e.g. "pages__")."""
    own = Q(**{f"{prefix}pk__in": own_pages(user).values("pk")})
    return own | public_q(prefix)


def visible_pages(pages, user):
    """`pages` filtered to those `user` sees; by `pk` alone, which the search backends take.
    Other sites' pages come with their live title to show (core.models.pages.BasePage)."""
    if sees_every_site(user):
        return pages
    return with_shown_titles(
        pages.filter(pk__in=Page.objects.filter(visible_q(user)).values("pk")), user
    )


def with_shown_titles(pages, user):
    """`pages` with the title `user` may see: the draft title of their own, else the live one."""
    own = own_pages(user).values("pk")
    shown_title = Case(When(pk__in=own, then=F("draft_title")), default=F("title"))
    return pages.annotate(**{SHOWN_TITLE: shown_title})


def visible_page_keys(user):
    """Translation keys of the pages `user` sees: wagtail-localize refers to pages by them."""
    return Page.objects.filter(visible_q(user)).values("translation_key")
