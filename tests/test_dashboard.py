"""The admin dashboard and explorer of a site's editors open at their own site."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Locale, Page, Workflow, WorkflowTask

from core.factories import UserFactory
from home.factories import ContentPageFactory, make_hospital
from home.groups import sync_site_groups
from tests.helpers import dashboard_tables, soup

pytestmark = pytest.mark.django_db


def content(parent, title, user=None, **fields):
    page = ContentPageFactory(parent=parent, title=title, **fields)
    page.save_revision(user=user, log_action=True).publish()
    return page


def world(bergen_home, ous_home, stavanger_home):
    """One page of each kind on Bergen, and the same on OUS, which Bergen's editors must not
    see; Stavanger has one page for the regional editors."""
    author = UserFactory(first_name="Kari", last_name="Nordmann")
    # A site's own review workflow (pages have none by default: docs/permissions.md#approval).
    workflow = Workflow.objects.create(name="Sidegodkjenning")
    task = GroupApprovalTask.objects.create(name="Godkjenning")
    task.groups.set(Group.objects.filter(name__endswith=" nettansvarlig"))
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for home, name in ((bergen_home, "Bergen"), (ous_home, "OUS")):
        draft = content(home, f"Kladd {name}", author)
        draft.title = f"Kladd {name} endret"
        draft.save_revision(user=author, log_action=True)
        moderated = content(home, f"Til godkjenning {name}", author)
        workflow.start(moderated, author)
        content(home, f"Gammel {name}", author)
        Page.objects.filter(title=f"Gammel {name}").update(
            last_published_at=timezone.now() - datetime.timedelta(days=400)
        )
    content(stavanger_home, "Nyhet Stavanger", author)


@pytest.fixture
def sites(portal, bergen, ous):
    bergen_home, ous_home = bergen[2], ous[2]
    _t, _s, stavanger_home = make_hospital("helse-stavanger")
    english = bergen_home.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    sync_site_groups()
    world(bergen_home, ous_home, stavanger_home)
    return {"bergen_home": bergen_home, "bergen_english": english}


def member(name):
    return UserFactory(groups=[Group.objects.get(name=name)])


def tables(response):
    return dashboard_tables(response, "fnsp-site-pages")


def test_a_local_editors_dashboard_shows_their_own_sites_pages(client, sites):
    client.force_login(member("helse-bergen redaktør"))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    page = soup(response)
    heading = page.select_one("#fnsp-site-pages-section h2")
    assert "Helse Bergen HF" in heading.get_text()
    found = tables(response)
    assert set(found) == {
        "Kladder",
        "Til godkjenning",
        "Bør gjennomgås: ikke publisert på over 12 måneder",
        "Siste endringer",
    }
    assert "Kladd Bergen endret" in found["Kladder"]
    assert "Til godkjenning Bergen" in found["Til godkjenning"]
    assert "Gammel Bergen" in found["Bør gjennomgås: ikke publisert på over 12 måneder"]
    assert "Kari Nordmann" in found["Siste endringer"]
    everything = " ".join(found.values())
    assert "OUS" not in everything and "Stavanger" not in everything
    # Not Wagtail's count of every page below Root ("N sider opprettet i FNSP").
    assert not page.select(f'a[href="{reverse("wagtailadmin_explore_root")}"] .w-sr-only')


def test_a_regional_editors_dashboard_covers_the_regions_sites(client, sites):
    client.force_login(member("Helse Vest redaktør"))
    response = client.get(reverse("wagtailadmin_home"))
    found = tables(response)
    assert "2 nettsteder" in soup(response).select_one("#fnsp-site-pages-section h2").get_text()
    assert "Helse Stavanger HF" in found["Siste endringer"]
    assert "Helse Bergen HF" in found["Kladder"]
    assert "OUS" not in " ".join(found.values())


def test_the_dashboard_has_a_bounded_number_of_queries(
    client, sites, django_assert_max_num_queries
):
    def dashboard_queries(group):
        client.force_login(member(group))
        client.get(reverse("wagtailadmin_home"))  # the site caches, emptied by a new site
        with django_assert_max_num_queries(35) as captured:
            assert client.get(reverse("wagtailadmin_home")).status_code == 200
        return len(captured)

    dashboard_queries("helse-bergen redaktør")
    regional = dashboard_queries("Helse Vest redaktør")
    # A third site in the region, with its own pages: not one query more.
    _t, _s, fonna_home = make_hospital("helse-fonna")
    content(fonna_home, "Nyhet Fonna", UserFactory())
    sync_site_groups()
    assert dashboard_queries("Helse Vest redaktør") == regional


def test_pages_opens_at_the_editors_own_site_root(client, sites):
    client.force_login(member("helse-bergen redaktør"))
    response = client.get(reverse("wagtailadmin_home"))
    # The sidebar's "Pages" item: telepath args (its attributes, the start page id).
    explorer = explorer_item(response)
    assert explorer[1] == sites["bergen_home"].pk
    client.force_login(member("Helse Vest redaktør"))
    explorer = explorer_item(client.get(reverse("wagtailadmin_home")))
    assert explorer[1] == Page.get_first_root_node().pk


def explorer_item(response):
    props = json.loads(soup(response).select_one("#wagtail-sidebar-props").string)

    def walk(node):
        if isinstance(node, dict):
            args = node.get("_args")
            if node.get("_type") == "wagtail.sidebar.PageExplorerMenuItem":
                return args
            for value in node.values():
                found = walk(value)
                if found:
                    return found
        if isinstance(node, list):
            for value in node:
                found = walk(value)
                if found:
                    return found
        return None

    return walk(props)
