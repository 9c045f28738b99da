"""The 404 page, told which page the path leads to in the default language."""

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.views import defaults
from wagtail.models import Site


def page_not_found(request, exception):
    """Django's 404, told which page the path leads to in the default language, if any.

    `/en/om-oss/` with no English "Om oss" (or no English tree at all) is a 404 in the English
    chrome; 404.html then offers the Bokmål page at `/om-oss/`.
    """
    request.fnsp_untranslated_page = default_language_page(request)
    return defaults.page_not_found(request, exception)


def default_language_page(request):
    language = translation.get_language_from_path(request.path_info)
    site = Site.find_for_request(request)
    if not language or language == settings.LANGUAGE_CODE or site is None:
        return None
    components = [part for part in request.path_info.split("/")[2:] if part]
    try:
        page = site.root_page.specific.route(request, components).page
    except Http404:
        return None
    return page if page.live and page.locale.language_code == settings.LANGUAGE_CODE else None
