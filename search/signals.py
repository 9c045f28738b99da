"""Keep search current: national text in local pages, the synonym table, the dictionary."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published, page_unpublished, published, unpublished

from core.caching import SEARCH, purge
from search.models import SitePromotion, Synonym
from search.suggest import forget_vocabulary
from search.synonyms import forget_synonyms
from treatments.models import Treatment, TreatmentPage


@receiver([post_save, post_delete], sender=Synonym)
def synonyms_changed(**kwargs):
    forget_synonyms()
    purge(SEARCH)


@receiver([post_save, post_delete], sender=SitePromotion)
def promotions_changed(**kwargs):
    purge(SEARCH)


@receiver([published, unpublished], sender=Treatment)
def national_text_changed(instance, **kwargs):
    """Local treatment pages are indexed with the national text they show (their language,
    else Bokmål): index every page of any translation of this treatment again."""
    pages = list(TreatmentPage.objects.filter(treatment__translation_key=instance.translation_key))
    if pages:
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(TreatmentPage, pages)
    forget_vocabulary()


@receiver([page_published, page_unpublished])
def page_changed(**kwargs):
    forget_vocabulary()
