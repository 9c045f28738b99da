"""The demo data, loaded once for every test in this package and rolled back after the last."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

ADMIN_PASSWORD = "demo-passord-123"


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    """What the first run of `load_demo` printed. Its data stays until the package is done;
    each test (`django_db`) runs in a transaction of its own, rolled back to the demo."""
    out = io.StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("DJANGO_SUPERUSER_PASSWORD", ADMIN_PASSWORD)
                call_command("load_demo", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            # Wagtail caches the sites' root paths; the rollback removes those sites.
            cache.clear()
