"""News (/aktuelt/): a site's news with RSS and Atom feeds; on the portal, all sites' news."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.search import index

from core.http import query_without_page
from core.models import BasePage, ImageWithAltText, SectionIndexPage
from core.sites import SiteDirectory
from home.blocks import BodyBlock
from home.feeds import NewsAtomFeed, NewsRssFeed
from home.forms import OwnHospitalPageForm
from home.jsonld import news_article

NEWS_PER_PAGE = 10


class NewsIndexPage(SectionIndexPage):
    """/aktuelt/ with ?tag= and ?page=, and feeds at feed/rss/ and feed/atom/.

    Under the portal it is the national news page: it lists the news of every site.
    """

    # Plain text, unlike other sections' introductions: the news listing shows it as a lead.
    intro = models.TextField(_("introduction"), blank=True, max_length=400)

    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def news_items(self):
        items = NewsPage.objects.live().public()
        if self.is_national:
            items = items.filter(locale_id=self.locale_id)
        else:
            items = items.descendant_of(self)
        return items.select_related("image").order_by("-date", "-pk")

    @staticmethod
    def annotate_sources(items):
        """Set `source` (the trust's name) on each item; three queries, whatever the sites."""
        directory = SiteDirectory()
        for item in items:
            trust = directory.trust_for(item)
            item.source = trust.name if trust else ""
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.news_items()
        tags = (
            Tag.objects.filter(home_newspagetag_items__content_object__in=items.values("pk"))
            .distinct()
            .order_by("name")
        )
        tag = next((t for t in tags if t.slug == request.GET.get("tag", "")), None)
        if tag:
            items = items.filter(tagged_items__tag=tag)
        paginated = Paginator(
            items.prefetch_related("image__renditions", "tagged_items__tag"), NEWS_PER_PAGE
        ).get_page(request.GET.get("page"))
        if self.is_national:
            self.annotate_sources(paginated.object_list)
        context.update(
            tags=tags,
            chosen_tag=tag,
            news=paginated,
            query_without_page=query_without_page(request),
        )
        return context

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(ImageWithAltText, BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    lead = models.TextField(_("lead"), max_length=400)
    author = models.CharField(_("author"), max_length=120, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    show_last_updated = True
    base_form_class = OwnHospitalPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        ImageWithAltText.image_panel,
        FieldPanel("body"),
        FieldPanel("author"),
        FieldPanel("tags"),
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    og_type = "article"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def structured_data(self, context):
        meta = context.get("meta") or {}
        return news_article(self, context.get("request"), context.get("chrome"), meta.get("image"))
