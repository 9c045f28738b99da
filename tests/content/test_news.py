"""News at /aktuelt/: listing, tags, paging, image alt text, per-site and national feeds."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.factories import UserFactory
from home.factories import NewsIndexPageFactory, NewsPageFactory, make_hospital
from home.models import NewsPage
from tests.helpers import count_queries, get, soup

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def add_news(index, count, start=datetime.date(2026, 1, 1), **fields):
    items = []
    for n in range(count):
        item = NewsPageFactory(
            parent=index,
            title=f"{index.get_parent().title} nyhet {n}",
            slug=f"nyhet-{n}",
            date=start + datetime.timedelta(days=n),
            **fields,
        )
        items.append(item)
    return items


@pytest.fixture
def image():
    return get_image_model().objects.create(title="Bilde", file=get_test_image_file())


def test_listing_is_newest_first_and_pages_by_ten_without_500_on_bad_pages(client, portal, bergen):
    _t, _s, home = bergen
    add_news(NewsIndexPageFactory(parent=home), 12)
    first = soup(get(client, "/aktuelt/", "helse-bergen"))
    titles = [a.get_text() for a in first.select(".news-item__title a")]
    assert len(titles) == 10 and titles[0].endswith("nyhet 11")
    assert first.find("a", rel="next")["href"] == "?page=2"
    second = soup(get(client, "/aktuelt/?page=2", "helse-bergen"))
    assert [a.get_text() for a in second.select(".news-item__title a")][-1].endswith("nyhet 0")
    for bad in ["0", "-1", "999", "abc", "1e9", "%00"]:
        assert get(client, "/aktuelt/", "helse-bergen", data={"page": bad}).status_code == 200


def test_tag_filter_and_unknown_tags(client, portal, bergen):
    _t, _s, home = bergen
    index = NewsIndexPageFactory(parent=home)
    tagged, _untagged = add_news(index, 2)
    tagged.tags.add("Forskning")
    tagged.save_revision().publish()
    page = soup(get(client, "/aktuelt/?tag=forskning", "helse-bergen"))
    assert [a.get_text() for a in page.select(".news-item__title a")] == [tagged.title]
    assert page.find("label", attrs={"for": "tag-filter"})
    unknown = soup(get(client, "/aktuelt/?tag=finnes-ikke", "helse-bergen"))
    assert len(unknown.select(".news-item__title a")) == 2


def test_saving_a_news_image_without_alt_text_is_refused(bergen, image):
    _t, _s, home = bergen
    index = NewsIndexPageFactory(parent=home)
    news = NewsPage(title="Bilde uten alt", slug="bilde", lead="Ingress", image=image)
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=news)  # Page.save() runs full_clean()
    assert "image_alt" in error.value.message_dict
    news.image_alt = "Sykehusbygget i sol"
    index.add_child(instance=news)
    assert NewsPage.objects.get(slug="bilde").image_alt == "Sykehusbygget i sol"


def test_news_page_renders_its_image_with_the_alt_text(client, portal, bergen, image):
    _t, _s, home = bergen
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(
        parent=index,
        slug="med-bilde",
        image=image,
        image_alt="Sykehusbygget i sol",
        author="Kari Nordmann",
    )
    page = soup(get(client, "/aktuelt/med-bilde/", "helse-bergen"))
    assert page.find("main").find("img")["alt"] == "Sykehusbygget i sol"
    assert "Kari Nordmann" in page.get_text()
    listing = soup(get(client, "/aktuelt/", "helse-bergen"))
    assert listing.find(class_="news-item").img["alt"] == "Sykehusbygget i sol"


def test_site_feeds_rss_and_atom_use_absolute_urls(client, portal, bergen):
    _t, _s, home = bergen
    index = NewsIndexPageFactory(parent=home)
    add_news(index, 3, author="Ola")
    rss = get(client, "/aktuelt/feed/rss/", "helse-bergen")
    assert rss["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.content).find("channel")
    links = [item.findtext("link") for item in channel.findall("item")]
    assert links[0] == "http://helse-bergen.localhost:8000/aktuelt/nyhet-2/"
    assert len(links) == 3
    atom = get(client, "/aktuelt/feed/atom/", "helse-bergen")
    feed = ET.fromstring(atom.content)
    assert [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")][-1] == (
        "http://helse-bergen.localhost:8000/aktuelt/nyhet-0/"
    )
    listing = soup(get(client, "/aktuelt/", "helse-bergen"))
    assert listing.find("link", type="application/rss+xml")["href"] == "/aktuelt/feed/rss/"


def test_portal_feed_aggregates_every_site_with_each_pages_own_url(client, portal, bergen, ous):
    NewsIndexPageFactory(parent=portal)
    add_news(NewsIndexPageFactory(parent=bergen[2]), 2)
    add_news(NewsIndexPageFactory(parent=ous[2]), 2, start=datetime.date(2026, 2, 1))
    channel = ET.fromstring(get(client, "/aktuelt/feed/rss/").content).find("channel")
    items = channel.findall("item")
    assert [i.findtext("link") for i in items] == [
        "http://oslo-universitetssykehus.localhost:8000/aktuelt/nyhet-1/",
        "http://oslo-universitetssykehus.localhost:8000/aktuelt/nyhet-0/",
        "http://helse-bergen.localhost:8000/aktuelt/nyhet-1/",
        "http://helse-bergen.localhost:8000/aktuelt/nyhet-0/",
    ]
    assert items[0].findtext("title").startswith("Oslo universitetssykehus HF: ")
    listing = soup(get(client, "/aktuelt/"))
    assert "Helse Bergen HF" in listing.find_all(class_="news-item")[-1].get_text()


SLUGS = [
    "ahus",
    "stolav",
    "unn",
    "helse-stavanger",
    "sshf",
    "helse-forde",
    "hnt",
    "helse-fonna",
    "helse-mr",
]


def test_national_feed_and_listing_stay_within_a_fixed_query_budget(
    client, portal, django_assert_max_num_queries
):
    NewsIndexPageFactory(parent=portal)

    def add_sites(slugs):
        for slug in slugs:
            _t, _s, home = make_hospital(slug)
            news = add_news(NewsIndexPageFactory(parent=home), 2)
            news[0].tags.add("Forskning")
            news[0].save()

    def counts():
        # Budgets at the counts measured on SQLite and PostgreSQL.
        return (
            count_queries(django_assert_max_num_queries, 15, client, "/aktuelt/feed/rss/"),
            count_queries(django_assert_max_num_queries, 21, client, "/aktuelt/"),
        )

    add_sites(SLUGS[:3])
    get(client, "/aktuelt/feed/rss/")  # the first requests create settings and warm caches
    get(client, "/aktuelt/")
    few = counts()
    add_sites(SLUGS[3:])
    # New sites outdate every cached chrome (core/chrome.py): warm it again.
    get(client, "/aktuelt/feed/rss/")
    get(client, "/aktuelt/")
    assert counts() == few


def test_the_admin_refuses_a_news_image_without_alt_text(client, portal, bergen, image):
    _t, _s, home = bergen
    index = NewsIndexPageFactory(parent=home)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailadmin_pages:add", args=["home", "newspage", index.pk])
    data = {
        "title": "Med bilde",
        "slug": "med-bilde",
        "date": "2026-03-10",
        "lead": "Ingress",
        "image": str(image.pk),
        "image_alt": "",
        "author": "",
        "tags": "",
        "body": streamfield([]),
    }
    response = client.post(url, nested_form_data(data))
    assert response.status_code == 200
    assert "image_alt" in response.context["form"].errors
    assert not NewsPage.objects.filter(slug="med-bilde").exists()
    data["image_alt"] = "Sykehusbygget"
    assert client.post(url, nested_form_data(data)).status_code == 302
    assert NewsPage.objects.get(slug="med-bilde").image_alt == "Sykehusbygget"
