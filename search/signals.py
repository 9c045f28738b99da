"""Keep search current: national text in local pages, the synonym table, the vocabulary."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_tasks.signals import task_finished
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import page_published, page_unpublished, published, unpublished

from core.caching import SEARCH, purge
from search.models import SitePromotion, Synonym
from search.synonyms import forget_synonyms
from search.tasks import rebuild_vocabulary, reindex_treatment_pages
from treatments.models import Treatment

INDEX_TASKS = {insert_or_update_object_task.module_path, reindex_treatment_pages.module_path}


@receiver([post_save, post_delete], sender=Synonym)
def synonyms_changed(**kwargs):
    forget_synonyms()
    purge(SEARCH)


@receiver([post_save, post_delete], sender=SitePromotion)
def promotions_changed(**kwargs):
    purge(SEARCH)


@receiver([published, unpublished], sender=Treatment)
def national_text_changed(instance, **kwargs):
    # One task, whatever the number of local pages: the publish stays as fast at 50 sites as
    # at one. The database backend stores it in the publishing transaction, so the worker
    # runs it only once the new text is committed.
    reindex_treatment_pages.enqueue(str(instance.translation_key))
    rebuild_vocabulary.enqueue()


@receiver(task_finished)
def index_changed(task_result, **kwargs):
    """Search results cached before the worker updated the index are purged again: the
    publish's own purge came first (an index task is Wagtail's per object, or ours)."""
    if task_result.task.module_path in INDEX_TASKS:
        purge(SEARCH)


@receiver([page_published, page_unpublished])
def page_changed(**kwargs):
    # Titles changed: the "did you mean" words and the compound parts are rebuilt by the
    # worker, never in a visitor's request.
    rebuild_vocabulary.enqueue()
