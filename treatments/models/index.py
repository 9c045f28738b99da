"""`/behandlinger/`: a hospital's A–Å of its treatment pages; on the portal, the national A–Å
and a page per national treatment saying where it is offered."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from core.caching import add_cache_keys, listing_key, object_key
from core.models import Region, SectionIndexPage
from core.sites import portal_sections as portal_section_pages
from core.text import first_letter, group_by_letter
from treatments.jsonld import medical_web_page
from treatments.listing import AtoZFilterForm

from .local import TreatmentPage, journey_sections, local_offers, related_panels
from .snippets import Category
from .treatment import Treatment


class TreatmentIndexPage(SectionIndexPage):
    """`/behandlinger/`: a hospital's A–Å, or on the portal the national A–Å."""

    subpage_types = ["treatments.TreatmentPage"]

    class Meta:
        verbose_name = _("treatment index page")

    def categories(self):
        return Category.objects.filter(locale_id=self.locale_id)

    @path("")
    def index(self, request):
        # Lists national treatments (their summaries, on local pages too) and local pages.
        add_cache_keys(request, listing_key(Treatment), listing_key(TreatmentPage))
        categories = list(self.categories())
        form = AtoZFilterForm(request.GET, categories)
        category_slug, letter = form.selected()
        if self.is_national:
            items = [
                {
                    "title": t.title,
                    "url": self.url + self.reverse_subpage("national", args=[t.slug]),
                    "summary": t.summary,
                    "category": t.category,
                    "kind": t.get_kind_display(),
                }
                for t in Treatment.objects.live()
                .filter(locale_id=self.locale_id)
                .select_related("category")
            ]
        else:
            items = [
                {
                    "title": p.title,
                    "url": p.get_url(request),
                    "summary": p.treatment.summary,
                    "category": p.treatment.category,
                    "kind": p.treatment.get_kind_display(),
                }
                for p in TreatmentPage.objects.live()
                .public()
                .child_of(self)
                .filter(treatment__live=True)
                .select_related("treatment__category")
            ]
        chosen = None
        if category_slug:
            chosen = next(c for c in categories if c.slug == category_slug)
            items = [i for i in items if i["category"].translation_key == chosen.translation_key]
        letters = {first_letter(item["title"]) for item in items}
        if letter:
            items = [item for item in items if first_letter(item["title"]) == letter]
        return self.render(
            request,
            context_overrides={
                "form": form,
                "groups": group_by_letter(items, lambda item: item["title"]),
                "count": len(items),
                "letters_with_items": letters,
                "selected_category": category_slug,
                "selected_letter": letter,
                "title_filters": [chosen and chosen.name, letter],
            },
        )

    @path("<slug:slug>/", name="national")
    def national(self, request, slug):
        """The portal's page for one national treatment, with where it is offered."""
        if not self.is_national:
            raise Http404
        treatment = get_object_or_404(
            Treatment.objects.live()
            .filter(locale_id=self.locale_id)
            .select_related("category")
            .prefetch_related("diagnoses"),
            slug=slug,
        )
        add_cache_keys(request, object_key(treatment), listing_key(TreatmentPage))
        url = self.get_full_url(request) + self.reverse_subpage("national", args=[slug])
        return self.render(
            request,
            template="treatments/national_treatment.html",
            context_overrides={
                "seo_title": treatment.title,
                "seo_description": treatment.summary,
                "canonical_url": url,
                "jsonld": medical_web_page(
                    treatment, url, self.locale.language_code, diagnoses=treatment.diagnoses.all()
                ),
                "treatment": treatment,
                "sections": journey_sections(treatment),
                "offered_by_region": offered_by_region(treatment, request),
                "related_panels": related_panels(request, treatment),
            },
        )


def portal_sections():
    """{locale id: the portal's live /behandlinger/}, in every language it has; one query."""
    return {section.locale_id: section for section in portal_section_pages(TreatmentIndexPage)}


def national_url(request, sections, treatment):
    """The portal page of a national treatment, where the portal has /behandlinger/ in its
    language."""
    section = sections.get(treatment.locale_id)
    if section is None:
        return None
    return section.get_url(request) + section.reverse_subpage("national", args=[treatment.slug])


def offered_by_region(treatment, request):
    """Every hospital offering the treatment, grouped by region; a fixed number of queries."""
    offers = local_offers([treatment.translation_key], get_language())[treatment.translation_key]
    by_region = {region.pk: {"region": region, "offers": []} for region in Region.objects.all()}
    national = {"region": None, "offers": []}
    for trust, page in offers:
        group = by_region.get(trust.region_id, national)
        group["offers"].append({"trust": trust, "url": page.get_url(request), "title": page.title})
    groups = [group for group in by_region.values() if group["offers"]]
    return groups + ([national] if national["offers"] else [])
