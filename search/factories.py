"""Factories of search's own models and Wagtail's national search promotions."""

import factory
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import SitePromotion, Synonym


class ValidatedModelFactory(factory.django.DjangoModelFactory):
    """Saves what the admin form would: `clean()` stores terms and phrases as the search
    looks them up, and refuses a synonym list that clashes with another."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        obj = model_class(*args, **kwargs)
        obj.full_clean()
        obj.save()
        return obj


class SynonymFactory(ValidatedModelFactory):
    terms = factory.Sequence(lambda n: f"ord {n}, uttrykk {n}")

    class Meta:
        model = Synonym


class SitePromotionFactory(ValidatedModelFactory):
    """One site's pick: pass `site` and `page` (on that site) or an external link."""

    query_string = "parkering"

    class Meta:
        model = SitePromotion


class SearchPromotionFactory(factory.django.DjangoModelFactory):
    query = factory.LazyAttribute(lambda o: Query.get(o.query_string))
    sort_order = 0

    class Meta:
        model = SearchPromotion

    class Params:
        query_string = "ventetid"
