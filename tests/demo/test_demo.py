import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, Revision, Site
from wagtail_localize.models import StringTranslation

from core.models import HealthTrust, NavigationMenu, SiteSettings
from core.sites import SiteDirectory
from home.models import HospitalHomePage, PortalHomePage
from research.models import Person, ResearchArea, ResearchGroupPage
from research.views import groups_without_english
from tests.demo.conftest import ADMIN_PASSWORD
from treatments.models import Treatment, TreatmentPage
from trials.models import TrialPage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "live")),
        "revisions": Revision.objects.count(),
        "sites": list(Site.objects.order_by("pk").values_list("hostname", "port", "root_page")),
        "groups": Group.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "menus": NavigationMenu.objects.count(),
        "settings": SiteSettings.objects.count(),
        "users": get_user_model().objects.count(),
        "treatments": list(Treatment.objects.values_list("pk", "live", "latest_revision")),
        "research areas": list(ResearchArea.objects.values_list("pk", "name")),
        "researchers": Person.objects.count(),
        "string translations": StringTranslation.objects.count(),
    }


def test_load_demo_builds_every_site(demo):
    assert "[45/45]" in demo
    assert "Demo data ready" in demo

    portal_site = Site.objects.get(is_default_site=True)
    assert (portal_site.hostname, portal_site.port) == ("localhost", 8000)
    assert isinstance(portal_site.root_page.specific, PortalHomePage)
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()
    for trust in HealthTrust.objects.select_related("site"):
        assert trust.site.hostname == f"{trust.slug}.localhost"
        assert trust.site.root_page.title == trust.name
        assert SiteSettings.for_site(trust.site).main_navigation is not None
    assert get_user_model().objects.get(username="admin").check_password(ADMIN_PASSWORD)
    assert Group.objects.filter(name="helse-bergen redaktør").exists()
    # Sample content says so.
    assert (
        "Eksempelinnhold"
        in Page.objects.get(
            slug="besokstider", url_path__startswith="/ahus/"
        ).specific.body.render_as_block()
    )

    # National treatments: 30+ across 8+ categories, several hospitals each, 5+ in English.
    live = Treatment.objects.live().filter(locale__language_code="nb")
    assert live.count() >= 30
    assert live.values("category").distinct().count() >= 8
    assert Treatment.objects.live().filter(locale__language_code="en").count() >= 5
    for treatment in live:
        # One offer per hospital: the Bokmål page (its translations repeat its local text).
        local = TreatmentPage.objects.live().filter(treatment=treatment, locale=treatment.locale)
        assert local.count() >= 3, treatment
        assert len({page.local_referral for page in local}) == local.count()

    # Clinical trials: 25+, across regions, statuses and categories, several multi-centre.
    trials = TrialPage.objects.live().with_status()
    assert trials.count() >= 25
    assert trials.values("responsible_trust__region").distinct().count() == 4
    assert {"open", "planned", "closed", "suspended", "withdrawn"} <= set(
        trials.values_list("recruitment_status", flat=True)
    )
    assert trials.values("categories").distinct().count() >= 8
    multi_centre = [t for t in trials if t.participating_trusts.count() >= 2]
    assert len(multi_centre) >= 5
    assert all(t.treatments.exists() and t.diagnoses.exists() for t in trials)

    # Research groups: 12+ at 6+ hospitals, all but two with a live English version; a
    # nynorsk home page and a Northern Sami treatment page.
    groups = ResearchGroupPage.objects.live().filter(locale__language_code="nb")
    assert groups.count() >= 12
    directory = SiteDirectory()
    assert len({directory.trust_for(group) for group in groups}) >= 6
    assert groups_without_english().count() == 2
    assert HospitalHomePage.objects.live().filter(locale__language_code="nn").exists()
    assert TreatmentPage.objects.live().filter(locale__language_code="se").exists()


def test_a_second_run_changes_nothing(demo, capsys):
    before = snapshot()
    call_command("load_demo")
    assert "nothing new" in capsys.readouterr().out
    assert snapshot() == before


def test_demo_sites_serve_their_own_name(demo, client):
    for slug, name in [
        ("helse-bergen", "Helse Bergen HF"),
        ("unn", "Universitetssykehuset Nord-Norge HF"),
    ]:
        response = client.get("/", HTTP_HOST=f"{slug}.localhost:8000")
        assert response.status_code == 200
        assert f'<span class="site-header__name">{name}</span>' in response.content.decode()
    response = client.get("/en/about-us/", HTTP_HOST="helse-bergen.localhost:8000")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    for path in ["/en/research/", "/en/research/heart-rhythm-research/", "/nn/"]:
        response = client.get(path, HTTP_HOST="helse-bergen.localhost:8000")
        assert response.status_code == 200, path
    assert client.get("/forskning/", HTTP_HOST="localhost:8000").status_code == 200
    sami = TreatmentPage.objects.live().get(locale__language_code="se")
    response = client.get(sami.get_url(), HTTP_HOST="unn.localhost:8000")
    assert response.status_code == 200
    assert '<html lang="se">' in response.content.decode()


def test_the_english_menu_reaches_treatments_and_research(demo, client):
    html = client.get("/en/", HTTP_HOST="helse-bergen.localhost:8000").content.decode()
    menu = BeautifulSoup(html, "html.parser").select_one(".main-nav")
    links = {a["href"] for a in menu.find_all("a")}
    assert {"/en/treatments/", "/en/research/", "/en/about-us/"} <= links
    assert menu.ul.get("lang") is None  # the English menu, not the Bokmål one
