"""Synonym lists and promoted results, national and for one site."""

from django.db import transaction
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from core.models import HealthTrust
from core.text import fold
from demo.data.search import PROMOTIONS, SITE_PROMOTIONS, SYNONYMS
from search.factories import SearchPromotionFactory, SitePromotionFactory, SynonymFactory
from search.models import SitePromotion, Synonym, split_terms


@transaction.atomic
def load_search(report, stdout):
    # A list is known by any of its words: editors may have extended or reworded it.
    known = {
        fold(term)
        for row in Synonym.objects.values_list("terms", flat=True)
        for term in split_terms(row)
    }
    for terms, note in SYNONYMS:
        if not {fold(term) for term in split_terms(terms)} & known:
            SynonymFactory(terms=terms, note=note)
            report.count("search synonyms")
    for query_string, url, text, description in PROMOTIONS:
        if not Query.get(query_string).editors_picks.filter(external_link_url=url).exists():
            SearchPromotionFactory(
                query_string=query_string,
                external_link_url=url,
                external_link_text=text,
                description=description,
            )
            report.count("promoted search results")
    for slug, query_string, page_path in SITE_PROMOTIONS:
        site = HealthTrust.objects.select_related("site__root_page").get(slug=slug).site
        page = Page.objects.filter(url_path=f"{site.root_page.url_path}{page_path}/").first()
        if page and not SitePromotion.objects.filter(site=site, page=page).exists():
            SitePromotionFactory(site=site, query_string=query_string, page=page)
            report.count("promoted search results for one site")
    stdout(f"[search] {Synonym.objects.count()} synonym lists")
