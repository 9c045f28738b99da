"""The HTTP cache in front of Django (Varnish, deploy/varnish/fnsp.vcl; docs/caching.md).

Varnish decides per request what may come from the cache (anonymous GETs of public URLs);
this sets per response for how long: a shared-cache lifetime (`s-maxage`) for anonymous
readers, and never a cached copy for anyone with a session.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

CACHEABLE_STATUSES = {200, 203, 300, 301, 302, 307, 308, 404, 410}
# Not a page (yet): a new page may be published at a 404's address, a redirect be edited.
SHORT_LIFETIME = 10


class CacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return response
        personal = settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies
        if personal:
            # An editor's page may show drafts and admin links: no cache keeps it, anywhere.
            add_never_cache_headers(response)
            return response
        if response.status_code not in CACHEABLE_STATUSES or request.path.startswith(
            settings.STATIC_URL
        ):
            # Static files keep whitenoise's lifetime: a deploy changes them, not a purge.
            return response
        control = response.get("Cache-Control", "")
        if any(word in control for word in ("private", "no-store", "no-cache", "s-maxage")):
            return response
        lifetime = settings.FNSP_CACHE_SECONDS if response.status_code == 200 else SHORT_LIFETIME
        # Browsers ask again each time (purges cannot reach them); Varnish keeps the page.
        patch_cache_control(response, s_maxage=lifetime)
        if "max-age" not in control:
            patch_cache_control(response, max_age=0)
        return response
