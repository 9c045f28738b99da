"""What a reuser syncing with `modified_since` cannot see in a collection: items that were
published and are gone, unpublished or deleted. Kept for `RETENTION` (docs/open-data.md)."""

import datetime

from django.db import models
from django.utils import timezone

RETENTION = datetime.timedelta(days=90)


class Reason(models.TextChoices):
    UNPUBLISHED = "unpublished"
    DELETED = "deleted"


class Tombstone(models.Model):
    """One removed item of an open-data collection (its id there), written by signal handlers
    (`core.tombstones.track`) and removed again when the item is published anew."""

    collection = models.CharField(max_length=30)
    object_id = models.PositiveBigIntegerField()
    reason = models.CharField(max_length=20, choices=Reason.choices)
    removed_at = models.DateTimeField(default=timezone.now)
    # The national treatment (translation key) a removed hospital offer belonged to: its
    # removal changes that treatment's detail.
    parent_key = models.UUIDField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["collection", "object_id"], name="one_tombstone")
        ]
        indexes = [models.Index(fields=["collection", "removed_at"], name="tombstone_removed")]

    def __str__(self):
        return f"{self.collection} {self.object_id} {self.reason}"
