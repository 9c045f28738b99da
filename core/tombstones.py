"""Tombstones for the open-data collections: each app says which models make up which
collection (`track`), and unpublishing or deleting a published item leaves a `Tombstone`
that `/api/open/v1/<collection>/deleted` lists; publishing the item again removes it."""

from django.db.models.signals import post_delete
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished, published, unpublished

from core.models.tombstones import RETENTION, Reason, Tombstone


def record(collection, object_id, reason, parent_key=None):
    now = timezone.now()
    # Pruned on write: no job to schedule, and the table never holds more than RETENTION.
    Tombstone.objects.filter(removed_at__lt=now - RETENTION).delete()
    Tombstone.objects.update_or_create(
        collection=collection,
        object_id=object_id,
        defaults={"reason": reason, "removed_at": now, "parent_key": parent_key},
    )


def track(model, collection, parent_key=None):
    """Keep tombstones of `model`'s published items in `collection`; `parent_key(instance)`
    names what else the removal changes (a hospital offer: its national treatment)."""

    def key(instance):
        return parent_key(instance) if parent_key else None

    def was_published(instance, **kwargs):
        Tombstone.objects.filter(collection=collection, object_id=instance.pk).delete()

    def was_unpublished(instance, **kwargs):
        record(collection, instance.pk, Reason.UNPUBLISHED, key(instance))

    def was_deleted(instance, **kwargs):
        # Drafts never published were never in the collection.
        if instance.live or instance.first_published_at is not None:
            record(collection, instance.pk, Reason.DELETED, key(instance))

    is_page = hasattr(model, "path")
    uid = f"fnsp_tombstone_{model._meta.label}"
    (page_published if is_page else published).connect(
        was_published, sender=model, weak=False, dispatch_uid=f"{uid}_published"
    )
    (page_unpublished if is_page else unpublished).connect(
        was_unpublished, sender=model, weak=False, dispatch_uid=f"{uid}_unpublished"
    )
    post_delete.connect(was_deleted, sender=model, weak=False, dispatch_uid=f"{uid}_deleted")


def removed(collection, since=None):
    """The collection's tombstones (removed at or after `since`), newest first."""
    tombstones = Tombstone.objects.filter(collection=collection)
    if since is not None:
        tombstones = tombstones.filter(removed_at__gte=since)
    return tombstones.order_by("-removed_at", "-object_id")
