from difflib import SequenceMatcher

from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Site
from wagtail.search.backends import get_search_backend

from core.caching import SEARCH, add_cache_keys
from core.http import query_without_page
from core.text import WORD, fold
from core.throttling import rate_limited
from search.engine import Links, build_scope, run_search, scoped_pages
from search.forms import SearchForm
from search.statistics import count_search
from search.suggest import did_you_mean
from search.text import clean_query
from search.types import result_types, type_for_content_type
from treatments.models import Treatment, TreatmentPage

AUTOCOMPLETE_MIN_LENGTH = 2
AUTOCOMPLETE_LIMIT = 8
# Titles offered when a search finds nothing.
FALLBACK_LIMIT = 5


def current_scope(request, hospital=None, region=None):
    """The scope of /sok/ on the site the request is for (see search.engine.build_scope)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return build_scope(site, Locale.get_active(), hospital=hospital, region=region)


@require_safe
@rate_limited("search")
def search(request):
    add_cache_keys(request, SEARCH)
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    form = SearchForm(request.GET, is_portal=site.is_default_site)
    query, result_type, region, hospital = form.valid()
    scope = current_scope(request, hospital=hospital, region=region)
    context = {
        "form": form,
        "query": query,
        "result_type": result_type,
        "result_types": result_types(),
        "is_portal": scope.is_portal,
        # This site's /behandlinger/ (on the portal: the national A–Å).
        "a_to_z_url": Links(request, scope).treatment_index_url,
    }
    if query:
        outcome = run_search(request, scope, query, result_type, request.GET.get("page"))
        context["outcome"] = outcome
        if outcome.total == 0:
            suggestion = did_you_mean(query, scope)
            if suggestion:
                context["suggestion"] = {
                    "text": suggestion,
                    "query_string": query_without_page(request, q=suggestion),
                }
            # Nothing found never ends the search: the titles the search box would offer,
            # else the treatments whose names come closest to what was typed.
            context["fallback"] = title_suggestions(
                request, scope, query.text, FALLBACK_LIMIT
            ) or closest_treatments(request, scope, query, FALLBACK_LIMIT)
        if request.GET.get("page") in (None, "", "1"):
            # The admin's "Search terms" report: what people look for (found or not), to
            # choose synonyms and promotions, without personal data (search/statistics.py).
            # Paging on is not a new search.
            count_search(request.GET.get("q", ""), query.text)
        context["type_links"] = type_links(request, outcome.counts, result_type)
        context["query_without_page"] = query_without_page(request)
    return TemplateResponse(request, "search/search.html", context)


def type_links(request, counts, selected):
    """ "Alle (12) · Behandlinger (3) · …": links keeping the query and hospital filters."""
    links = [
        {
            "label": None,
            "count": sum(counts.values()),
            "href": "?" + query_without_page(request, type=""),
            "current": selected is None,
        }
    ]
    for result_type in result_types():
        links.append(
            {
                "label": result_type.label,
                "count": counts[result_type.key],
                "href": "?" + query_without_page(request, type=result_type.key),
                "current": selected is not None and selected.key == result_type.key,
            }
        )
    return links


def prefix_first(objects, text):
    """Titles that start with what was typed first, otherwise in the backend's order."""
    return sorted(objects, key=lambda obj: not fold(obj.title).startswith(text))


def title_suggestions(request, scope, text, limit):
    """Titles matching what was typed as the start of their words: national treatments
    first on the portal, then pages, those starting with the text first."""
    suggestions = []
    backend = get_search_backend()
    text = fold(text)
    links = Links(request, scope)
    if scope.national_treatments:
        treatments = Treatment.objects.live().filter(locale_id=scope.locale.pk)
        found = backend.autocomplete(text, treatments, operator="and")
        for treatment in prefix_first(found[:limit], text):
            suggestions.append(
                {
                    "title": treatment.title,
                    "url": links.national_url(treatment),
                    "type": str(result_types()[0].label),
                }
            )
    remaining = limit - len(suggestions)
    if remaining > 0:
        # A few more than needed, so the re-ordering has titles to promote.
        found = backend.autocomplete(text, scoped_pages(scope), operator="and")
        for page in prefix_first(found[: limit * 2], text)[:remaining]:
            suggestions.append(
                {
                    "title": page.title,
                    "url": links.url(page),
                    "type": str(type_for_content_type(page.content_type_id).label),
                }
            )
    return suggestions


def closest_treatments(request, scope, query, limit):
    """The treatments (national ones on the portal, the site's own pages elsewhere) whose
    title words are nearest to the query's words, by `difflib`'s similarity."""
    links = Links(request, scope)
    if scope.national_treatments:
        treatments = Treatment.objects.live().filter(locale_id=scope.locale.pk)
        candidates = [(t.title, links.national_url(t)) for t in treatments.only("title", "slug")]
    else:
        pages = scoped_pages(scope).type(TreatmentPage)
        candidates = [(page.title, links.url(page)) for page in pages]

    def closeness(title):
        words = [fold(word) for word in WORD.findall(title)]
        return sum(
            max((SequenceMatcher(None, fold(term), word).ratio() for word in words), default=0)
            for term in query.terms
        )

    ranked = sorted(candidates, key=lambda candidate: -closeness(candidate[0]))
    return [{"title": title, "url": url} for title, url in ranked[:limit] if url]


@require_safe
@rate_limited("autocomplete", json=True)
def autocomplete(request):
    """Title suggestions as JSON for the search box: treatments first, then other pages."""
    add_cache_keys(request, SEARCH)
    query = clean_query(request.GET.get("q"))
    suggestions = []
    if len(query.text) >= AUTOCOMPLETE_MIN_LENGTH:
        suggestions = title_suggestions(
            request, current_scope(request), query.text, AUTOCOMPLETE_LIMIT
        )
    response = JsonResponse({"query": query.text, "suggestions": suggestions})
    patch_cache_control(response, public=True, max_age=60)
    return response
