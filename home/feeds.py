"""RSS 2.0 and Atom feeds of a news index: one site's news, or on the portal every site's."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

# The newest items in a feed; older news is on the listing's later pages.
FEED_SIZE = 30


class NewsRssFeed(Feed):
    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        if index.is_national:
            return _("News from the specialist health service")
        site = Site.find_for_request(self.request)
        return f"{index.title} – {site.site_name}" if site else index.title

    def link(self, index):
        return index.get_full_url(self.request)

    def description(self, index):
        return index.intro or index.title

    def items(self, index):
        items = list(index.news_items().prefetch_related("tagged_items__tag")[:FEED_SIZE])
        if index.is_national:
            index.annotate_sources(items)
        return items

    def item_title(self, item):
        source = getattr(item, "source", "")
        return f"{source}: {item.title}" if source else item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        # The page's own site, not the site the feed is read from.
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [tagged.tag.name for tagged in item.tagged_items.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
