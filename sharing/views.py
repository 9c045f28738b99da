"""Staff create, list and revoke shares; patients open a share and confirm they read it."""

import datetime
import logging
from functools import wraps

import segno
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page, Site

from core.http import HttpResponseSeeOther
from core.throttling import rate_limited
from sharing.forms import ShareForm
from sharing.models import Share
from sharing.pages import is_available, is_shareable_type, shareable_translations

# Opening and confirming are logged with the share's id only: no IP address, no user agent.
logger = logging.getLogger(__name__)

RATE_LIMIT = 30
RATE_WINDOW = datetime.timedelta(hours=1)
SHARES_PER_PAGE = 50
# Neither staff pages nor patients' links may be cached or indexed.
PRIVATE_HEADERS = {"X-Robots-Tag": "noindex, nofollow", "Cache-Control": "private, no-store"}
# The patient's URL is the secret: no Referer may carry it to a site the page links to.
PATIENT_HEADERS = {**PRIVATE_HEADERS, "Referrer-Policy": "no-referrer"}


def with_headers(headers):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            for name, value in headers.items():
                response[name] = value
            return response

        return wrapper

    return decorator


def staff_required(permission):
    """Logged-in staff with `permission`; others go to the (Wagtail) login or get a 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return with_headers(PRIVATE_HEADERS)(wrapper)

    return decorator


def share_url(request, share):
    """The short link on the shared page's own site, so the patient sees that site's chrome."""
    path = reverse("share_open", args=[share.token])
    parts = share.page.get_url_parts(request)
    return parts[1] + path if parts else request.build_absolute_uri(path)


def qr_svg(url):
    # segno writes only path data (never the URL as text), so the markup is safe to inline.
    svg = segno.make(url, error="m").svg_inline(scale=1, omitsize=True, border=4, svgclass="qr")
    return mark_safe(svg)


@staff_required("sharing.add_share")
def create_share(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    translations = shareable_translations(page) if is_shareable_type(page) else []
    if not translations:
        raise Http404(_("This page cannot be shared."))
    status = 200
    if request.method == "POST":
        form = ShareForm(request.POST, translations=translations)
        if form.is_valid():
            recent = Share.objects.created_since(request.user, timezone.now() - RATE_WINDOW)
            if recent.count() >= RATE_LIMIT:
                form.add_error(
                    None,
                    _("You have created %(limit)d shares in the last hour. Try again later.")
                    % {"limit": RATE_LIMIT},
                )
                status = 429
            else:
                share = Share.objects.create(
                    page=form.chosen_page, note=form.cleaned_data["note"], created_by=request.user
                )
                return HttpResponseSeeOther(reverse("sharing:detail", args=[share.pk]))
        else:
            status = 400
    else:
        codes = [p.locale.language_code for p in translations]
        current = page.locale.language_code
        form = ShareForm(
            initial={"language": current if current in codes else codes[0]},
            translations=translations,
        )
    return render(request, "sharing/create.html", {"form": form, "page": page}, status=status)


def own_share(request, pk):
    return get_object_or_404(
        Share.objects.select_related("page", "page__locale"), pk=pk, created_by=request.user
    )


@staff_required("sharing.view_share")
def share_detail(request, pk):
    share = own_share(request, pk)
    link = share_url(request, share) if share.token_is_current else None
    context = {
        "share": share,
        "shared_page": share.page,
        "link": link,
        "qr": qr_svg(link) if link else None,
    }
    return render(request, "sharing/detail.html", context)


@staff_required("sharing.view_share")
def share_list(request):
    shares = Share.objects.filter(created_by=request.user).select_related("page", "page__locale")
    paginator = Paginator(shares, SHARES_PER_PAGE)
    return render(
        request, "sharing/list.html", {"shares": paginator.get_page(request.GET.get("page"))}
    )


@require_POST
@staff_required("sharing.view_share")
def revoke_share(request, pk):
    share = own_share(request, pk)
    Share.objects.filter(pk=share.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    messages.success(request, _("The share was revoked: its link no longer works."))
    return HttpResponseSeeOther(reverse("sharing:list"))


def on_requested_site(request, page):
    site = Site.find_for_request(request)
    parts = page.get_url_parts(request)
    return site is not None and parts is not None and parts[0] == site.pk


def record_once(share, field, event):
    """Set `field` to now unless already set: pressing twice keeps the first time."""
    if getattr(share, field) is not None:
        return
    now = timezone.now()
    # Conditional update: two presses at the same moment still keep one time.
    if Share.objects.filter(pk=share.pk, **{f"{field}__isnull": True}).update(**{field: now}):
        setattr(share, field, now)
        logger.info("Share %s %s", share.pk, event)


def render_in_language(request, share, template, context, status=200):
    """Render in the shared page's language, whatever the browser asks for."""
    language = share.language_code
    with translation.override(language):
        request.LANGUAGE_CODE = language
        response = render(request, template, context, status=status)
    response["Content-Language"] = language
    return response


def unavailable(request, share, page, status):
    public_url = page.get_url(request) if is_available(page) else None
    context = {"share": share, "public_url": public_url}
    return render_in_language(request, share, "sharing/expired.html", context, status=status)


# No CSRF check: the unguessable token in the URL already proves that the request comes
# from someone who was given the link (a forging site cannot know it), the endpoint acts
# on no session and only records a time once. Django's check could not work here anyway:
# under `Referrer-Policy: no-referrer` browsers send `Origin: null` and no Referer.
@csrf_exempt
@with_headers(PATIENT_HEADERS)
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limited("share")
def open_share(request, token):
    share = Share.objects.find(token)
    page = share.page.specific if share is not None else None
    if share is None or not on_requested_site(request, page):
        # The generic not-found page: nothing tells a wrong token from a deleted share, or
        # a link from one trust's host from another's (the patient sees that site's chrome).
        return render(request, "404.html", status=404)
    if share.is_revoked:
        return unavailable(request, share, page, status=404)
    if share.is_expired or not is_available(page):
        return unavailable(request, share, page, status=410)
    # The clinician checking their own link is not the patient reading it.
    is_preview = request.user.is_authenticated and request.user.pk == share.created_by_id
    # A GET records nothing: link-preview bots (SMS, chat apps) fetch the link before the
    # patient does. The page's script posts `event=opened` once a browser shows it; the
    # confirm button posts the form.
    if request.method == "POST":
        if not is_preview:
            record_once(share, "first_opened_at", "opened")
        if request.POST.get("event") == "opened":
            return HttpResponse(status=204)
        if not is_preview:
            record_once(share, "confirmed_at", "confirmed")
        return HttpResponseSeeOther(f"{request.path}#share-confirm")
    with translation.override(share.language_code):
        request.LANGUAGE_CODE = share.language_code
        context = page.get_context(request)
    context.update(
        share=share,
        page_template=page.get_template(request),
        is_preview=is_preview,
    )
    return render_in_language(request, share, "sharing/share_page.html", context)
