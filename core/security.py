"""Security headers: Content-Security-Policy chosen by path, Permissions-Policy on everything.

Public pages get the enforced policy (settings.CONTENT_SECURITY_POLICY); the admin, whose
Wagtail scripts still need inline code, gets the same directives as report-only
(settings.CONTENT_SECURITY_POLICY_REPORT_ONLY) so its violations show without breaking it.
No nonces: Varnish caches public pages with their headers (docs/caching.md), and a nonce
cached with a page is no secret. The one inline block the project writes (the site's theme
colour) is allowed by its hash, which is the same for every copy of the page.
"""

import base64
import hashlib

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

ADMIN_PREFIX = "/admin/"
PERMISSIONS_POLICY_HEADER = "Permissions-Policy"


def csp_hash(text):
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def inline_style(request, css):
    """A `<style>` block whose hash the page's Content-Security-Policy allows."""
    css = conditional_escape(css)
    if request is not None:
        request.fnsp_style_hashes = [*getattr(request, "fnsp_style_hashes", []), csp_hash(css)]
    return mark_safe(f"<style>{css}</style>")


class PathCSPMiddleware(CSPMiddleware):
    """django-csp with the enforced policy outside /admin/ and the report-only one inside."""

    def process_response(self, request, response):
        if request.path_info.startswith(ADMIN_PREFIX):
            response._csp_exempt = True
        else:
            response._csp_exempt_ro = True
        hashes = getattr(request, "fnsp_style_hashes", None)
        if hashes:
            update = getattr(response, "_csp_update", None) or {}
            response._csp_update = {**update, "style-src": [*update.get("style-src", []), *hashes]}
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response: no page may use camera, microphone, location…"""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.FNSP_PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(PERMISSIONS_POLICY_HEADER, self.value)
        return response
