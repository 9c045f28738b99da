from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_AUTOREFRESH = True
# A stand-in machine translator (tests/research/fake_translator.py): no network in tests.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "tests.research.fake_translator.FakeTranslator"}
# Most tests log staff in with force_login, which knows no second factor; tests/identity turns
# the requirement on for the tests of it.
FNSP_REQUIRE_SECOND_FACTOR = False
# One test client is one address: a test that searches 60 times must not meet the production
# limits, which tests/security/test_rate_limits.py sets small and checks on their own.
FNSP_RATE_LIMITS = dict.fromkeys(FNSP_RATE_LIMITS, "100000/m")  # noqa: F405
