"""The NVA import, against recorded NVA answers (tests/research/nva/) served by a local HTTP
server the test starts (research/nva_replay.py): good, partial and broken answers, nothing lost
when a request fails."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from core.factories import UserFactory
from home.groups import editor_group_name, sync_site_groups
from research.factories import PersonFactory, make_group, research_index
from research.groups import group_editors_name
from research.models import ImportedProject, ImportedResult
from research.nva import NvaClient, import_group
from research.nva_replay import replay_server
from research.tasks import refresh_nva
from tests.helpers import get_ok, soup, translate
from tests.research.localize import translate_with_localize

pytestmark = pytest.mark.django_db

RECORDINGS = Path(__file__).parent / "nva"


@pytest.fixture
def group(bergen):
    kari = PersonFactory(name="Kari Nordmann", nva_id="610001")
    ola = PersonFactory(name="Ola Hansen", nva_id="610002", orcid="0000-0001-5109-3700")
    return make_group(
        bergen[2],
        title="Hjertesviktgruppen",
        slug="hjertesvikt",
        nva_project_ids="2712345, 2799999",
        leaders=[kari],
        members=[ola, PersonFactory(name="Uten NVA")],
    )


def test_a_good_and_partial_answer_is_stored_and_the_malformed_records_reported(group):
    with replay_server(RECORDINGS) as url:
        report = import_group(group, client=NvaClient(base_url=url))

    project = ImportedProject.objects.get(group_key=group.translation_key)
    assert project.project_id == "2712345"
    assert project.title == {
        "nb": "Hjertesvikt hos eldre: tidlig oppfølging",
        "en": "Heart failure in the elderly: early follow-up",
    }
    assert (project.start_date.isoformat(), project.end_date.isoformat()) == (
        "2023-01-01",
        "2027-12-31",
    )
    assert project.funding == [
        {
            "names": {"nb": "Norges forskningsråd", "en": "Research Council of Norway"},
            "code": "326456",
        }
    ]
    assert project.coordinator["nb"] == "Helse Bergen HF"
    assert project.participants == ["Kari Nordmann", "Ola Hansen"]

    results = ImportedResult.objects.filter(group_key=group.translation_key)
    assert [(r.year, r.venue, r.doi) for r in results][:2] == [
        (2025, "European Heart Journal", "10.1093/eurheartj/ehaf001"),
        (2024, "BMJ Open", "10.1136/bmjopen-2024-000001"),
    ]
    assert results.count() == 4
    # The malformed project (no title) and the malformed result are reported, not stored.
    assert len(report.errors) == 2
    assert "project 2799999: malformed record" in report.errors[0]
    assert "a result of Ola Hansen: malformed record" in report.errors[1]
    # An empty ORCID is filled from NVA; one the editors wrote is kept.
    kari, ola = (m.person for m in group.members.order_by("person__name")[:2])
    kari.refresh_from_db()
    ola.refresh_from_db()
    assert (kari.orcid, ola.orcid) == ("0000-0002-1825-0097", "0000-0001-5109-3700")


@pytest.mark.parametrize(
    ("faults", "problem"),
    [
        ({"cristin/project/2712345": (429, "{}")}, "rate limited (429), retry after 60 s"),
        ({"cristin/project/2712345": (500, "{}")}, "HTTP 500"),
        ({"cristin/project/2712345": (200, "<html>")}, "not JSON"),
        ({"cristin/project/2712345": ("slow", 1)}, "timed out"),
        ({"cristin/project/2712345": (200, '{"title": 5, "hits": 5}')}, "malformed record"),
    ],
)
def test_a_failed_request_is_reported_and_leaves_what_was_stored(group, faults, problem):
    with replay_server(RECORDINGS) as url:
        import_group(group, client=NvaClient(base_url=url))
    before = {
        "projects": list(ImportedProject.objects.values_list("project_id", "title", "fetched_at")),
        "results": list(ImportedResult.objects.values_list("result_id", "title", "fetched_at")),
    }
    faults = {
        **faults,
        "search/resources/contributor-610001": faults["cristin/project/2712345"],
    }
    with replay_server(RECORDINGS, faults) as url:
        report = import_group(group, client=NvaClient(base_url=url, timeout=0.3))

    assert any(problem in error and "project 2712345" in error for error in report.errors)
    assert any(problem in error and "Kari Nordmann" in error for error in report.errors)
    after = {
        "projects": list(ImportedProject.objects.values_list("project_id", "title", "fetched_at")),
        "results": list(ImportedResult.objects.values_list("result_id", "title", "fetched_at")),
    }
    # Kari's results stay (her search failed); Ola's one good result was fetched again.
    assert after["projects"] == before["projects"]
    assert {r[0] for r in after["results"]} == {r[0] for r in before["results"]}


def test_an_unreachable_api_is_reported(group):
    with replay_server(RECORDINGS) as url:
        pass  # the server is gone: nothing listens on its port any more
    report = import_group(group, client=NvaClient(base_url=url))
    assert report.projects == report.results == 0
    assert any("cannot reach" in error for error in report.errors)


def test_imported_projects_show_in_the_pages_language_after_the_editors_own(client, group, bergen):
    translate(bergen[2], "en")
    translate_with_localize(research_index(bergen[2]), "en", {"forskning": "research"})
    english = translate_with_localize(group, "en", {"Hjertesviktgruppen": "Heart failure group"})
    with replay_server(RECORDINGS) as url:
        import_group(group, client=NvaClient(base_url=url))

    page = soup(get_ok(client, "/forskning/hjertesvikt/", "helse-bergen"))
    projects = page.select(".project--imported strong")
    assert [p.get_text() for p in projects] == ["Hjertesvikt hos eldre: tidlig oppfølging"]
    assert "Norges forskningsråd 326456" in page.select_one(".project--imported").get_text()
    assert len(page.select(".publication--imported")) == 4

    page = soup(get_ok(client, english.get_url_parts()[2], "helse-bergen"))
    project = page.select_one(".project--imported")
    assert project.strong.get_text() == "Heart failure in the elderly: early follow-up"
    assert "Research Council of Norway" in project.get_text()
    assert "Haukeland University Hospital" in project.get_text()

    # What the editors wrote wins: the same project id or DOI is shown once, as they wrote it.
    group.projects = [
        (
            "project",
            {"title": "Vår tittel", "period": "2023–", "funding": "", "cristin_id": "2712345"},
        )
    ]
    group.publications = [
        (
            "publication",
            {"title": "Vår", "journal": "EHJ", "year": 2025, "doi": "10.1093/EURHEARTJ/ehaf001"},
        )
    ]
    group.save_revision().publish()
    page = soup(get_ok(client, "/forskning/hjertesvikt/", "helse-bergen"))
    assert not page.select(".project--imported")
    assert len(page.select(".publication--imported")) == 3


def test_the_command_and_the_scheduled_task_import_every_group(group, settings, capsys):
    with replay_server(RECORDINGS) as url:
        call_command("import_nva", url=url)
        assert (
            "1 groups: 1 projects and 4 results imported, 2 problem(s)." in capsys.readouterr().out
        )
        ImportedProject.objects.all().delete()
        settings.NVA_API_URL = url
        refresh_nva.enqueue()  # the immediate backend of the tests runs it at once
    assert ImportedProject.objects.filter(group_key=group.translation_key).count() == 1


def test_the_admin_action_imports_for_whoever_may_edit_the_group(client, group, ous, settings):
    sync_site_groups()
    url = reverse("research_nva_import", args=[group.pk])
    client.force_login(
        UserFactory(groups=[Group.objects.get(name=editor_group_name("oslo-universitetssykehus"))])
    )
    # Wagtail's "no permission": back to the dashboard; nothing imported.
    for response in (client.get(url), client.post(url)):
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not ImportedProject.objects.exists()

    client.force_login(
        UserFactory(groups=[Group.objects.get(name=group_editors_name("helse-bergen", group))])
    )
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[group.pk]))
    assert url in edit.content.decode()
    assert client.get(url).status_code == 200
    with replay_server(RECORDINGS) as base_url:
        settings.NVA_API_URL = base_url
        response = client.post(url, follow=True)
    notices = [str(m) for m in response.context["messages"]]
    assert ImportedProject.objects.filter(group_key=group.translation_key).exists()
    assert any("2799999" in notice for notice in notices)
