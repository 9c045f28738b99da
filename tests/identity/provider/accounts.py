import json
import os
from pathlib import Path

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from oauth2_provider.oauth2_validators import OAuth2Validator


def accounts():
    return json.loads(Path(os.environ["PROVIDER_USERS"]).read_text())


class FileBackend(ModelBackend):
    """Checks the password against the JSON file; the provider's own user row only anchors
    its grants and tokens."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        account = accounts().get(username)
        if account is None or account["password"] != password:
            return None
        return User.objects.get_or_create(username=username)[0]


class ClaimsValidator(OAuth2Validator):
    # Every claim of the file goes out with the `openid` scope, whatever it is called.
    oidc_claim_scope = None

    def get_additional_claims(self, request):
        account = dict(accounts()[request.user.username])
        del account["password"]
        return {"sub": request.user.username, **account}
