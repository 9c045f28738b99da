"""A local editor does not see other sites' drafts and private pages in the page chooser, the
page types report and the translations report; their own site's they see (home/confinement.py).
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import Translation, TranslationSource

from core.factories import UserFactory
from home.factories import ContentPageFactory
from home.groups import NATIONAL_EDITORS, sync_site_groups

pytestmark = pytest.mark.django_db

OWN = ["Bergen-kladd", "Bergen-lukket", "Bergen-åpen"]
OTHER_HIDDEN = ["OUS-kladd", "OUS-lukket"]
OTHER_PUBLIC = ["OUS-åpen"]


def pages_of(home, prefix, edited):
    draft = ContentPageFactory(parent=home, title=f"{prefix}-kladd", slug="kladd", live=False)
    private = ContentPageFactory(parent=home, title=f"{prefix}-lukket", slug="lukket")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    public = ContentPageFactory(parent=home, title=f"{prefix}-åpen", slug="apen")
    # The draft is the last edited page of its type, so the page types report names it.
    for offset, page in enumerate([public, private, draft]):
        page.latest_revision_created_at = edited + datetime.timedelta(minutes=offset)
        page.save()
    return draft, private, public


@pytest.fixture
def sites(portal, bergen, ous):
    now = timezone.now()
    bergen_pages = pages_of(bergen[2], "Bergen", now)
    ous_pages = pages_of(ous[2], "OUS", now + datetime.timedelta(hours=1))
    english = Locale.objects.get(language_code="en")
    for page in (*bergen_pages, *ous_pages):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        Translation.objects.create(source=source, target_locale=english)
    sync_site_groups()
    return bergen, ous


def local_editor():
    return UserFactory(groups=[Group.objects.get(name="helse-bergen redaktør")])


def html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    # The chooser answers with JSON, its HTML inside.
    is_json = response["Content-Type"].startswith("application/json")
    return response.json()["html"] if is_json else response.content.decode()


def shown(client, url, **params):
    listed = html(client, url, **params)
    return {title for title in OWN + OTHER_HIDDEN + OTHER_PUBLIC if title in listed}


def chooser(client, home):
    return shown(client, reverse("wagtailadmin_choose_page_child", args=[home.pk]))


def page_types(client):
    return shown(client, reverse("wagtailadmin_reports:page_types_usage_results"))


def translations(client):
    return shown(client, reverse("wagtail_localize:translations_report_results"))


def test_the_page_chooser_hides_other_sites_drafts_and_private_pages(client, sites):
    (_t, _s, bergen_home), (_t, _s, ous_home) = sites
    client.force_login(local_editor())
    assert chooser(client, bergen_home) == set(OWN)
    assert chooser(client, ous_home) == set(OTHER_PUBLIC)
    for query in ("kladd", "lukket", "åpen"):
        found = shown(client, reverse("wagtailadmin_choose_page_search"), q=query)
        assert not found & set(OTHER_HIDDEN), query
    assert shown(client, reverse("wagtailadmin_choose_page_search"), q="kladd") == {"Bergen-kladd"}


def test_a_page_below_a_private_page_is_private_too(client, sites):
    (_t, _s, bergen_home), (_t, _s, ous_home) = sites
    for home, title in ((bergen_home, "Bergen-barn"), (ous_home, "OUS-barn")):
        ContentPageFactory(parent=home.get_children().get(slug="lukket"), title=title)
    client.force_login(local_editor())
    listed = html(client, reverse("wagtailadmin_choose_page_search"), q="barn")
    assert "Bergen-barn" in listed
    assert "OUS-barn" not in listed


def test_the_page_types_report_names_no_other_sites_draft(client, sites):
    client.force_login(local_editor())
    # The last edited content page the editor sees: OUS's public one, not its later draft.
    assert page_types(client) == {"OUS-åpen"}


def test_the_translations_report_lists_only_what_the_editor_sees(client, sites):
    client.force_login(local_editor())
    assert translations(client) == set(OWN + OTHER_PUBLIC)


@pytest.mark.parametrize(
    "user",
    [
        lambda: UserFactory(groups=[Group.objects.get(name=NATIONAL_EDITORS)]),
        lambda: UserFactory(is_superuser=True),
    ],
    ids=["national editor", "superuser"],
)
def test_the_national_board_and_superusers_see_every_site(client, sites, user):
    _bergen, (_t, _s, ous_home) = sites
    client.force_login(user())
    assert chooser(client, ous_home) == set(OTHER_HIDDEN + OTHER_PUBLIC)
    assert translations(client) == set(OWN + OTHER_HIDDEN + OTHER_PUBLIC)


def test_superusers_see_every_sites_pages_in_the_page_types_report(client, sites):
    # National editors have no page rights, so Wagtail does not show them this report.
    client.force_login(UserFactory(is_superuser=True))
    assert page_types(client) == {"OUS-kladd"}


def retitle_in_draft(home, slug, title, edited=None):
    page = home.get_children().get(slug=slug).specific
    page.title = title
    page.save_revision()
    if edited:
        type(page).objects.filter(pk=page.pk).update(latest_revision_created_at=edited)


def test_other_sites_pages_show_their_live_title_not_a_draft_one(client, sites):
    _bergen, (_t, _s, ous_home) = sites
    # Still the last edited content page the editor sees, so the page types report names it.
    later = timezone.now() + datetime.timedelta(days=1)
    retitle_in_draft(ous_home, "apen", "Hemmelig ny tittel", edited=later)
    client.force_login(local_editor())
    listings = {
        "browse": html(client, reverse("wagtailadmin_choose_page_child", args=[ous_home.pk])),
        "search": html(client, reverse("wagtailadmin_choose_page_search"), q="OUS"),
        "page types": html(client, reverse("wagtailadmin_reports:page_types_usage_results")),
    }
    for name, listed in listings.items():
        assert "Hemmelig ny tittel" not in listed, name
        assert "OUS-åpen" in listed, name


def test_an_editor_sees_their_own_pages_draft_title(client, sites):
    (_t, _s, bergen_home), _ous = sites
    retitle_in_draft(bergen_home, "apen", "Bergen ny tittel")
    client.force_login(local_editor())
    listed = html(client, reverse("wagtailadmin_choose_page_child", args=[bergen_home.pk]))
    assert "Bergen ny tittel" in listed
    found = html(client, reverse("wagtailadmin_choose_page_search"), q="Bergen")
    assert "Bergen ny tittel" in found


def test_the_translations_report_names_other_sites_translations_by_their_live_title(client, sites):
    (_t, _s, bergen_home), (_t, _s, ous_home) = sites
    english = Locale.objects.get(language_code="en")
    for home, prefix in ((bergen_home, "Bergen"), (ous_home, "OUS")):
        page = home.get_children().get(slug="apen")
        translated = page.specific.copy_for_translation(english, copy_parents=True)
        retitle_in_draft(translated.get_parent(), "apen", f"{prefix} utkast til tittel")
    sync_site_groups()  # Bergen's rights reach its new English root
    client.force_login(local_editor())
    for url in ("translations_report", "translations_report_results"):
        listed = html(client, reverse(f"wagtail_localize:{url}"))
        assert "OUS utkast til tittel" not in listed, url
        assert "Bergen utkast til tittel" in listed, url
        assert listed.count("OUS-åpen") == 2, url  # the source, and its translation's title
