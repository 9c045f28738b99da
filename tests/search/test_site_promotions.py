"""Each site's own promoted results: kept by that site's webmasters, shown on that site only."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import GroupSitePermission

from core.factories import UserFactory
from home.groups import NATIONAL_EDITORS, sync_site_groups
from search.models import SitePromotion
from tests.helpers import get, soup, translate
from tests.search.test_search import search

pytestmark = pytest.mark.django_db


def promoted(client, query, slug):
    box = soup(search(client, query, slug=slug)).select_one(".promoted")
    return [(a.get_text(strip=True), a["href"]) for a in box.select("a")] if box else []


@pytest.fixture
def picks(content, bergen, ous):
    """Bergen recommends its visiting hours for "Besøk", OUS its own; one national link."""
    bergen_site, ous_site = bergen[1], ous[1]
    SearchPromotion.objects.create(
        query=Query.get("besøk"),
        external_link_url="https://www.helsenorge.no/",
        external_link_text="Helsenorge",
        sort_order=0,
    )
    return {
        "bergen": SitePromotion.objects.create(
            site=bergen_site, query_string="besøk", page=content["bergen_visit"], sort_order=1
        ),
        "bergen_link": SitePromotion.objects.create(
            site=bergen_site,
            query_string="besøk",
            external_link_url="https://www.helse-bergen.no/besok",
            external_link_text="Besøk på Haukeland (video)",
            sort_order=0,
        ),
        "ous": SitePromotion.objects.create(
            site=ous_site, query_string="besøk", page=content["ous_visit"]
        ),
    }


def test_a_sites_picks_come_first_on_that_site_only(client, content, picks):
    assert promoted(client, "  BESØK ", "helse-bergen") == [
        ("Besøk på Haukeland (video)", "https://www.helse-bergen.no/besok"),
        ("Besøkstider", f"/{content['bergen_visit'].slug}/"),
        ("Helsenorge", "https://www.helsenorge.no/"),
    ]
    assert promoted(client, "besøk", "oslo-universitetssykehus") == [
        ("Besøkstider", f"/{content['ous_visit'].slug}/"),
        ("Helsenorge", "https://www.helsenorge.no/"),
    ]
    assert promoted(client, "besøk", None) == [("Helsenorge", "https://www.helsenorge.no/")]
    assert promoted(client, "besøkstid", "helse-bergen") == []


def test_the_same_link_picked_nationally_and_locally_shows_once(client, content, picks):
    SearchPromotion.objects.create(
        query=Query.get("besøk"), page=content["bergen_visit"], sort_order=5
    )
    links = [href for _title, href in promoted(client, "besøk", "helse-bergen")]
    assert links.count(f"/{content['bergen_visit'].slug}/") == 1


def test_unpublished_and_untranslated_picks_are_not_shown(client, content, picks):
    content["bergen_visit"].unpublish()
    assert [title for title, _ in promoted(client, "besøk", "helse-bergen")] == [
        "Besøk på Haukeland (video)",
        "Helsenorge",
    ]


def test_a_pick_shows_in_the_language_of_its_page_only(client, content, picks, bergen):
    translate(bergen[2], "en")
    response = get(client, "/en/sok/", "helse-bergen", data={"q": "besøk"})
    box = soup(response).select_one(".promoted")
    assert [a.get_text(strip=True) for a in box.select("a")] == [
        "Besøk på Haukeland (video)",
        "Helsenorge",
    ]


def test_validation(content, bergen, ous):
    bergen_site = bergen[1]

    def errors(**fields):
        with pytest.raises(ValidationError) as caught:
            SitePromotion(site=bergen_site, **fields).full_clean()
        return caught.value.message_dict

    assert "page" in errors(query_string="besøk", page=content["ous_visit"])
    assert "page" in errors(query_string="besøk")
    assert "external_link_url" in errors(
        query_string="besøk",
        page=content["bergen_visit"],
        external_link_url="https://example.org/",
        external_link_text="x",
    )
    assert "external_link_text" in errors(
        query_string="besøk", external_link_url="https://example.org/"
    )
    assert "query_string" in errors(query_string="   ", page=content["bergen_visit"])
    good = SitePromotion(
        site=bergen_site, query_string="  Besøk  TID ", page=content["bergen_visit"]
    )
    good.full_clean()
    assert good.query_string == "besøk tid"
    # A page under a translation of the site's root belongs to the site too.
    translate(bergen[2], "en")
    english_page = translate(content["bergen_visit"], "en")
    SitePromotion(site=bergen_site, query_string="visit", page=english_page).full_clean()


@pytest.fixture
def groups(picks):
    sync_site_groups()


def member(name):
    return UserFactory(groups=[Group.objects.get(name=name)])


def test_webmasters_hold_the_right_on_their_own_site_only(groups, bergen):
    rows = GroupSitePermission.objects.filter(permission__codename="change_sitepromotion")
    assert {(row.group.name, row.site_id) for row in rows} >= {
        ("helse-bergen nettansvarlig", bergen[1].pk)
    }
    assert all(row.group.name.endswith("nettansvarlig") for row in rows)
    bergen_rows = [row for row in rows if row.group.name.startswith("helse-bergen")]
    assert [row.site_id for row in bergen_rows] == [bergen[1].pk]


def test_a_webmaster_lists_and_adds_for_their_own_site_only(client, groups, picks, content, ous):
    client.force_login(member("helse-bergen nettansvarlig"))
    index = client.get(reverse("site_promotions:index"))
    assert index.status_code == 200
    listed = index.content.decode()
    assert "Besøk på Haukeland (video)" in listed
    assert f"/site_promotions/edit/{picks['ous'].pk}/" not in listed

    form = client.get(reverse("site_promotions:add"))
    choices = [o["value"] for o in soup(form).select("select[name=site] option") if o["value"]]
    assert choices == [str(picks["bergen"].site_id)]
    # The page is picked with Wagtail's chooser, not from a list of every page of every site.
    assert soup(form).select_one("select[name=page]") is None
    assert soup(form).select_one("input[type=hidden][name=page]") is not None

    data = {
        "query_string": "Parkering",
        "page": content["ous_visit"].pk,
        "sort_order": 0,
        "site": ous[1].pk,
    }
    refused = client.post(reverse("site_promotions:add"), data)
    assert refused.status_code == 200
    assert "site" in refused.context["form"].errors
    data["site"] = picks["bergen"].site_id
    refused = client.post(reverse("site_promotions:add"), data)
    assert "page" in refused.context["form"].errors  # OUS's page on Bergen's list
    assert not SitePromotion.objects.filter(query_string="parkering").exists()

    data["page"] = content["bergen_visit"].pk
    assert client.post(reverse("site_promotions:add"), data).status_code == 302
    assert SitePromotion.objects.get(query_string="parkering").site_id == data["site"]


def test_a_webmaster_cannot_open_change_or_delete_another_sites_pick(client, groups, picks):
    client.force_login(member("helse-bergen nettansvarlig"))
    own, other = picks["bergen"], picks["ous"]
    assert client.get(reverse("site_promotions:edit", args=[own.pk])).status_code == 200
    for name in ("edit", "delete", "copy", "history", "usage"):
        response = client.get(reverse(f"site_promotions:{name}", args=[other.pk]))
        assert response.status_code in (302, 403), name
    client.post(
        reverse("site_promotions:edit", args=[other.pk]),
        {"site": own.site_id, "query_string": "kapret", "page": own.page_id, "sort_order": 0},
    )
    client.post(reverse("site_promotions:delete", args=[other.pk]))
    other.refresh_from_db()
    assert other.query_string == "besøk" and other.site_id != own.site_id


@pytest.mark.parametrize("group", ["helse-bergen redaktør", NATIONAL_EDITORS])
def test_editors_without_the_site_right_have_no_access(client, groups, picks, group):
    client.force_login(member(group))
    assert client.get(reverse("site_promotions:index")).status_code in (302, 403)
    assert client.get(reverse("site_promotions:add")).status_code in (302, 403)


def test_a_superuser_sees_every_sites_picks(client, groups, picks, admin_user):
    client.force_login(admin_user)
    listed = client.get(reverse("site_promotions:index")).content.decode()
    for pick in picks.values():
        assert f"/site_promotions/edit/{pick.pk}/" in listed


def test_a_phrase_matches_the_words_searched_for(client, content, bergen):
    pick = SitePromotion(
        site=bergen[1], query_string="Besøk på  Haukeland?", page=content["bergen_visit"]
    )
    pick.full_clean()
    pick.save()
    assert pick.query_string == "besøk haukeland"
    for typed in ("besøk på Haukeland", "Besøk Haukeland!"):
        assert [title for title, _ in promoted(client, typed, "helse-bergen")] == ["Besøkstider"]
    # Wagtail's own admin keeps punctuation; such a national phrase matches as typed.
    SearchPromotion.objects.create(
        query=Query.get("MR-undersøkelse"),
        external_link_url="https://www.helsenorge.no/mr/",
        external_link_text="Om MR",
        sort_order=0,
    )
    assert promoted(client, "MR-undersøkelse", "helse-bergen") == [
        ("Om MR", "https://www.helsenorge.no/mr/")
    ]


def test_a_picked_page_moved_to_another_site_is_shown_on_neither(client, content, picks, ous):
    page = content["bergen_visit"]
    page.slug = "besokstider-bergen"
    page.save_revision().publish()
    page.move(ous[2], pos="last-child")
    assert "Besøkstider" not in [t for t, _ in promoted(client, "besøk", "helse-bergen")]
    assert promoted(client, "besøk", "oslo-universitetssykehus")[0][1] == (
        f"/{content['ous_visit'].slug}/"
    )
    assert len(promoted(client, "besøk", "oslo-universitetssykehus")) == 2


def test_each_action_needs_its_own_right_on_that_site(client, groups, picks, bergen, ous):
    """Change on Bergen and delete on OUS: Bergen's picks may be edited, not deleted."""
    group = Group.objects.create(name="endre anbefalinger")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for site, codename in ((bergen[1], "change"), (ous[1], "delete")):
        GroupSitePermission.objects.create(
            group=group,
            site=site,
            permission=Permission.objects.get(codename=f"{codename}_sitepromotion"),
        )
    user = UserFactory(groups=[group])
    client.force_login(user)
    own = picks["bergen"]
    assert client.get(reverse("site_promotions:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("site_promotions:add")).status_code in (302, 403)
    client.post(reverse("site_promotions:delete", args=[own.pk]))
    assert SitePromotion.objects.filter(pk=own.pk).exists()


def test_the_list_filter_and_form_errors(client, groups, picks, content):
    client.force_login(member("helse-bergen nettansvarlig"))
    index = client.get(reverse("site_promotions:index"))
    options = [o.get_text(strip=True) for o in soup(index).select("select[name=site] option")]
    assert [o for o in options if o not in ("", "---------", "All", "Alle")] == [
        str(picks["bergen"].site)
    ]
    response = client.post(
        reverse("site_promotions:add"),
        {"site": picks["bergen"].site_id, "query_string": "?", "page": 999999, "sort_order": 0},
    )
    errors = response.context["form"].errors
    assert len(errors["page"]) == 1  # "not a valid choice", not also "choose a page"
    assert "query_string" in errors  # nothing left to search for
