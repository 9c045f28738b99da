"""The national portal, the hospitals' home pages and the general content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.models import BasePage, HealthTrust, Region, SiteRootPage
from home.blocks import BodyBlock
from home.forms import OwnHospitalPageForm
from home.jsonld import hospital


class PortalHomePage(SiteRootPage):
    """The national portal: the default site, listing every site by region."""

    is_portal = True

    class Meta:
        verbose_name = _("national portal home page")

    # The national sections a patient looks for first, by the slugs the apps give them.
    SECTIONS = [
        ("behandlinger", _("Examinations and treatments A–Å"), _("National patient information.")),
        ("kliniske-studier", _("Clinical trials"), _("Clinical trials in all of Norway.")),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["regions"] = sites_by_region()
        context["sections"] = section_links(self, self.SECTIONS)
        return context


def section_links(root, sections):
    """The site root's sections (`(slug, title, description)`) with their live pages; one
    query."""
    existing = {
        child.slug: child
        for child in root.get_children()
        .live()
        .public()
        .filter(slug__in=[slug for slug, *_ in sections])
    }
    return [
        {"slug": slug, "title": title, "description": description, "page": existing.get(slug)}
        for slug, title, description in sections
    ]


def sites_by_region():
    """Every trust that has a site, grouped by region (national companies last); 2 queries."""
    trusts = HealthTrust.objects.with_site().select_related("site")
    groups = {region.pk: (region, []) for region in Region.objects.all()}
    national = []
    for trust in trusts:
        if trust.region_id:
            groups[trust.region_id][1].append(trust)
        else:
            national.append(trust)
    result = [{"region": region, "trusts": members} for region, members in groups.values()]
    if national:
        result.append({"region": None, "trusts": national})
    return result


class HospitalHomePage(SiteRootPage):
    """The home page of one health trust's site."""

    # Slugs of the sections that the treatments, trials, research and careers apps fill.
    SECTIONS = [
        ("behandlinger", _("Treatments"), _("Examinations and treatments offered here, A–Å.")),
        ("kliniske-studier", _("Clinical trials"), _("Clinical trials you may take part in.")),
        ("forskning", _("Research"), _("Research groups and projects.")),
        ("jobb", _("Jobs and careers"), _("Vacancies, courses and education.")),
    ]

    class Meta:
        verbose_name = _("hospital home page")

    def structured_data(self, context):
        return hospital(self, context.get("request"), context.get("chrome"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = section_links(self, self.SECTIONS)
        context["child_pages"] = (
            self.get_children()
            .live()
            .public()
            .in_menu()
            .exclude(
                slug__in=[section["slug"] for section in context["sections"] if section["page"]]
            )
        )
        return context


class ContentPage(BasePage):
    """The general page for everything else, built from the shared body blocks."""

    intro = models.TextField(_("introduction"), blank=True, max_length=400)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    show_last_updated = True
    # The feedback endpoint accepts answers only for page types that ask for them.
    collects_feedback = True
    base_form_class = OwnHospitalPageForm
    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = [
        "home.HospitalHomePage",
        "home.PortalHomePage",
        "home.ContentPage",
        "home.LocationPage",
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("content page")
