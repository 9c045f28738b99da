"""Demo synonyms and promoted results; found by stable keys, so a second run adds nothing."""

from django.db import transaction
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from core.models import HealthTrust
from core.text import fold
from search.models import SitePromotion, Synonym, split_terms

SYNONYMS = [
    ("hjerteinfarkt, infarkt, hjerteattakk", "Folkelig og faglig navn."),
    ("mr, mri, magnetisk resonans", "Undersøkelsen heter MR i Norge, MRI i mange andre land."),
    ("ct, computertomografi, ct-undersøkelse", ""),
    ("kreft, cancer, svulst", ""),
    ("hofteprotese, kunstig hofte, hofteleddsprotese", ""),
    ("fødsel, føde, forløsning", ""),
    ("slag, hjerneslag, slagtilfelle", ""),
]
PROMOTIONS = [
    (
        "ventetid",
        "https://www.helsenorge.no/velg-behandlingssted/",
        "Velg behandlingssted – ventetider på helsenorge.no",
        "Sammenlign ventetider for behandlinger ved alle sykehus.",
    ),
]

# One hospital's own pick: (trust, search phrase, path of the page below the site root).
SITE_PROMOTIONS = [
    ("helse-bergen", "bil", "pasient-og-parorende/parkering"),
]


def load_search_demo(report, stdout):
    with transaction.atomic():
        known = {
            fold(term)
            for row in Synonym.objects.values_list("terms", flat=True)
            for term in split_terms(row)
        }
        for terms, note in SYNONYMS:
            if not {fold(term) for term in split_terms(terms)} & known:
                synonym = Synonym(terms=terms, note=note)
                synonym.full_clean()
                synonym.save()
                report.count("search synonyms")
        for query_string, url, text, description in PROMOTIONS:
            query = Query.get(query_string)
            if not query.editors_picks.filter(external_link_url=url).exists():
                SearchPromotion.objects.create(
                    query=query,
                    external_link_url=url,
                    external_link_text=text,
                    description=description,
                    sort_order=0,
                )
                report.count("promoted search results")
        for slug, query_string, page_path in SITE_PROMOTIONS:
            site = HealthTrust.objects.select_related("site__root_page").get(slug=slug).site
            url_path = f"{site.root_page.url_path}{page_path}/"
            page = Page.objects.filter(url_path=url_path).first()
            if page and not SitePromotion.objects.filter(site=site, page=page).exists():
                promotion = SitePromotion(site=site, query_string=query_string, page=page)
                promotion.full_clean()
                promotion.save()
                report.count("promoted search results for one site")
    stdout(f"[search] {Synonym.objects.count()} synonym lists")
