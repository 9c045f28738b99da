import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import clock
from tests.browser import site_url

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "fnsp-test"
CLIENT_SECRET = "fnsp-test-secret"


@dataclass
class Provider:
    url: str
    users_file: Path

    def set_user(self, username, password, **claims):
        """Add or change a user of the provider; its next login sends these claims."""
        users = json.loads(self.users_file.read_text())
        users[username] = {"password": password, **claims}
        self.users_file.write_text(json.dumps(users))


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    """A real OpenID Connect provider (tests/identity/provider) in its own process on
    127.0.0.1, with the live server's callback registered."""
    directory = tmp_path_factory.mktemp("provider")
    users_file = directory / "users.json"
    users_file.write_text("{}")
    env = {
        **os.environ,
        "PROVIDER_DB": str(directory / "provider.sqlite3"),
        "PROVIDER_KEY": str(directory / "key.pem"),
        "PROVIDER_USERS": str(users_file),
        # The provider's tokens must be dated on the app's clock, as a real provider's are.
        **clock.environment_for_subprocess(),
    }
    callback = site_url(live_server) + "admin/sso/callback/"
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.identity.provider.serve", callback, CLIENT_ID, CLIENT_SECRET],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        port = int(process.stdout.readline())
        yield Provider(url=f"http://127.0.0.1:{port}", users_file=users_file)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def sso(settings, provider):
    """Single sign-on configured against the test provider, as the environment would."""
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{provider.url}/o/authorize/"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{provider.url}/o/token/"
    settings.OIDC_OP_USER_ENDPOINT = f"{provider.url}/o/userinfo/"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{provider.url}/o/.well-known/jwks.json"
    settings.AUTHENTICATION_BACKENDS = [
        "django.contrib.auth.backends.ModelBackend",
        "identity.backends.SSOBackend",
    ]
    # On, to show that single sign-on is not asked for it.
    settings.FNSP_REQUIRE_SECOND_FACTOR = True
    return provider
