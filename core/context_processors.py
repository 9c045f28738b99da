from django.utils.functional import SimpleLazyObject

from core.chrome import build_chrome


def site_chrome(request):
    """The current site's branding, contact and navigation, computed once and only if used."""
    return {"chrome": SimpleLazyObject(lambda: build_chrome(request))}
