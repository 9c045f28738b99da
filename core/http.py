"""HTTP helpers every app's views share."""

from django.conf import settings
from django.http import HttpResponseRedirect


class HttpResponseSeeOther(HttpResponseRedirect):
    """303: after a POST, the browser fetches the next page with GET."""

    status_code = 303


def query_without_page(request, **replace):
    """The request's query string without `page`, so links to other pages of a listing (or to
    another filter) keep the rest; `replace` sets parameters, an empty value removes one."""
    query = request.GET.copy()
    query.pop("page", None)
    for name, value in replace.items():
        if value:
            query[name] = value
        else:
            query.pop(name, None)
    return query.urlencode()


def client_address(request):
    """The visitor's IP address: REMOTE_ADDR, or behind a trusted proxy (Varnish appends the
    address it was connected from to X-Forwarded-For) the last address that is not one of
    `FNSP_TRUSTED_PROXIES`. A client cannot choose its address by sending the header itself:
    only what the trusted proxies added is read."""
    address = request.META.get("REMOTE_ADDR", "")
    trusted = settings.FNSP_TRUSTED_PROXIES
    if address not in trusted:
        return address
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed(forwarded):
        if hop and hop not in trusted:
            return hop
    return address
