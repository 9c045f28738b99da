"""HTTP helpers every app's views share."""

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
