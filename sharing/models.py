"""A share: one clinician's link to one page in one language, and whether it was read.

Nothing about the patient is stored: the share belongs to the clinician who made it.
"""

import base64
import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

LIFETIME = datetime.timedelta(days=90)
# Shares (with their notes and read receipts) are deleted this long after creation.
RETENTION = datetime.timedelta(days=180)
NOTE_MAX_LENGTH = 500
TOKEN_BYTES = 16  # 128 bits
TOKEN_SALT = "sharing.Share.token"


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def derive_token(seed):
    """The link token for a seed: a keyed hash, so the database alone cannot rebuild links."""
    digest = salted_hmac(TOKEN_SALT, seed, algorithm="sha256").digest()[:TOKEN_BYTES]
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


class ShareQuerySet(models.QuerySet):
    def find(self, token):
        """The share whose token this is, or None; compares in constant time."""
        if not isinstance(token, str) or len(token) > 64:
            return None
        wanted = hash_token(token)
        share = self.filter(token_hash=wanted).select_related("page", "page__locale").first()
        if share is None or not hmac.compare_digest(share.token_hash, wanted):
            return None
        return share

    def created_since(self, user, moment):
        return self.filter(created_by=user, created_at__gte=moment)


class Share(models.Model):
    # The token is never stored: `seed` (random) gives it back through the server's secret
    # key so the owner can print the handout again, and `token_hash` finds the share.
    seed = models.CharField(max_length=32, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The page in the chosen language."),
    )
    note = models.TextField(_("message to the patient"), max_length=NOTE_MAX_LENGTH, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.CASCADE,
        related_name="shares",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    expires_at = models.DateTimeField(_("expires"))
    first_opened_at = models.DateTimeField(_("first opened"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ShareQuerySet.as_manager()

    class Meta:
        verbose_name = _("share")
        verbose_name_plural = _("shares")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["created_by", "-created_at"])]

    def __str__(self):
        return f"{self.page_id} ({self.created_at:%Y-%m-%d})"

    def save(self, *args, **kwargs):
        if not self.seed:
            self.seed = secrets.token_hex(TOKEN_BYTES)
            self.token_hash = hash_token(self.token)
        if self.expires_at is None:
            self.expires_at = self.created_at + LIFETIME
        super().save(*args, **kwargs)

    @property
    def token(self):
        return derive_token(self.seed)

    @property
    def token_is_current(self):
        """False once the secret key has changed: the link works, but cannot be shown again."""
        return hmac.compare_digest(hash_token(self.token), self.token_hash)

    @property
    def language_code(self):
        return self.page.locale.language_code

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def is_active(self):
        return not self.is_revoked and not self.is_expired
