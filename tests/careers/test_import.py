"""import_jobs: create, update, unpublish, invalid records, broken feeds, both formats."""

import json
import threading
from datetime import date, datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, ManagementUtility, call_command
from django.db import connections
from wagtail.models import Revision

from careers import importer
from careers.factories import JobPageFactory, ProfessionFactory
from careers.models import JobPage

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "careers" / "data"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime(2026, 12, 1, 9, tzinfo=ZoneInfo("Europe/Oslo")), tick=False):
        yield


@pytest.fixture
def professions(db):
    for slug in ("lege", "sykepleier", "jordmor", "psykolog", "radiograf", "helsefagarbeider"):
        ProfessionFactory(name=slug.capitalize(), slug=slug)


def job(external_id, **fields):
    record = {
        "id": external_id,
        "title": f"Stilling {external_id}",
        "department": "Medisinsk klinikk",
        "location": "Bergen",
        "position_type": "fast",
        "deadline": "2027-01-31",
        "summary": "Vi søker en kollega.",
        "apply_url": f"https://candidate.webcruiter.com/eksempel/{external_id}",
    }
    record.update(fields)
    return record


def feed(tmp_path, jobs, name="feed.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"format": "fnsp-jobs/1", "jobs": jobs}), encoding="utf-8")
    return str(path)


def run(source, site="helse-bergen", *args):
    out, err = _Buffer(), _Buffer()
    call_command("import_jobs", source, "--site", site, *args, stdout=out, stderr=err)
    return out.text, err.text


class _Buffer:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass

    @property
    def text(self):
        return "".join(self.parts)


def imported():
    return {
        page.external_id: page
        for page in JobPage.objects.exclude(external_id="").order_by("external_id")
    }


def test_import_creates_published_jobs_with_every_field(tmp_path, bergen_jobb, professions):
    source = feed(
        tmp_path,
        [
            job(
                "A1",
                title="Overlege",
                profession="lege",
                percentage=80,
                positions=2,
                start_date="2027-03-01",
                description="Første avsnitt.\n\nAndre <b>avsnitt</b> & mer.",
                contacts=[{"name": "Kari Eksempel", "phone": "55 00 00 00"}],
            ),
            job("A2", position_type="vikariat"),
        ],
    )
    out, err = run(source)
    assert "[1/2] created: A1 Overlege" in out
    assert "Import finished: 2 created, 0 updated, 0 unchanged, 0 unpublished, 0 rejected." in out
    assert err == ""
    jobs = imported()
    overlege = jobs["A1"]
    assert overlege.live and overlege.get_parent().pk == bergen_jobb.pk
    assert (overlege.percentage, overlege.positions) == (80, 2)
    assert overlege.profession.slug == "lege"
    assert overlege.start_date == date(2027, 3, 1)
    assert overlege.deadline == date(2027, 1, 31)
    # Feed text is never trusted as HTML.
    assert overlege.body == "<p>Første avsnitt.</p><p>Andre avsnitt &amp; mer.</p>"
    assert overlege.contacts[0].value["name"] == "Kari Eksempel"
    assert jobs["A2"].position_type == "vikariat"
    assert set(JobPage.objects.open()) == set(jobs.values())


def test_a_second_run_of_the_same_feed_changes_nothing(tmp_path, bergen_jobb):
    source = feed(tmp_path, [job("A1"), job("A2")])
    run(source)
    revisions = Revision.objects.count()
    out, _err = run(source)
    assert "0 created, 0 updated, 2 unchanged, 0 unpublished, 0 rejected" in out
    assert Revision.objects.count() == revisions


def test_import_updates_changed_jobs_and_unpublishes_those_gone_from_the_feed(
    tmp_path, bergen_jobb
):
    run(feed(tmp_path, [job("A1"), job("A2"), job("A3")]))
    handmade = JobPageFactory(parent=bergen_jobb, title="Laget for hånd")
    pk_a1 = imported()["A1"].pk

    out, _err = run(
        feed(tmp_path, [job("A1", title="Ny tittel", deadline="2027-02-28"), job("A3")])
    )
    assert "0 created, 1 updated, 1 unchanged, 1 unpublished, 0 rejected" in out
    assert "unpublished: A2" in out
    jobs = imported()
    assert jobs["A1"].pk == pk_a1
    assert (jobs["A1"].title, jobs["A1"].deadline) == ("Ny tittel", date(2027, 2, 28))
    assert not jobs["A2"].live
    assert jobs["A3"].live
    # Jobs made by editors, without an external id, are not the feed's business.
    handmade.refresh_from_db()
    assert handmade.live

    # A job that comes back is published again.
    out, _err = run(
        feed(tmp_path, [job("A1", title="Ny tittel", deadline="2027-02-28"), job("A2"), job("A3")])
    )
    assert "1 updated" in out and imported()["A2"].live


def test_a_copied_job_is_not_the_feeds(tmp_path, bergen_jobb):
    run(feed(tmp_path, [job("A1")]))
    copy = imported()["A1"].copy(update_attrs={"slug": "kopi", "title": "Kopi"})
    assert copy.external_id == ""
    out, _err = run(feed(tmp_path, [job("A1")]))
    assert "1 unchanged" in out and JobPage.objects.get(pk=copy.pk).live


def test_import_only_touches_the_given_site(tmp_path, bergen_jobb, ous_jobb):
    run(feed(tmp_path, [job("A1")]), "oslo-universitetssykehus")
    run(feed(tmp_path, [job("B1")]), "helse-bergen")
    jobs = imported()
    assert jobs["A1"].live and jobs["B1"].live
    assert jobs["A1"].get_parent().pk == ous_jobb.pk


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (
            {"apply_url": "http://webcruiter.example/1"},
            "apply_url 'http://webcruiter.example/1' is not an https URL",
        ),
        ({"deadline": "31.01.2027"}, "deadline '31.01.2027' is not a date"),
        ({"deadline": None}, "deadline is missing"),
        ({"position_type": "deltid"}, "position_type 'deltid' is not one of"),
        ({"percentage": 150}, "percentage 150 is not between 1 and 100"),
        ({"profession": "astronaut"}, "unknown profession 'astronaut'"),
        ({"title": ""}, "title is missing"),
        ({"contacts": [{"name": "Kari", "email": "ikke-epost"}]}, "is not an e-mail address"),
    ],
)
def test_an_invalid_record_is_reported_and_the_rest_still_imports(
    tmp_path, bergen_jobb, professions, bad, reason
):
    source = feed(tmp_path, [job("A1"), job("A2", **bad), job("A3")])
    out, err = run(source)
    assert "Rejected record 2 (A2): " in err and reason in err
    assert "2 created, 0 updated, 0 unchanged, 0 unpublished, 1 rejected" in out
    assert set(imported()) == {"A1", "A3"}


def test_an_invalid_record_keeps_its_previous_job(tmp_path, bergen_jobb):
    run(feed(tmp_path, [job("A1"), job("A2")]))
    out, _err = run(feed(tmp_path, [job("A1"), job("A2", deadline="snart")]))
    assert "0 unpublished, 1 rejected" in out
    assert imported()["A2"].live


def test_a_repeated_id_is_rejected(tmp_path, bergen_jobb):
    _out, err = run(feed(tmp_path, [job("A1"), job("A1", title="Igjen")]))
    assert "appears more than once" in err
    assert imported()["A1"].title == "Stilling A1"


def test_a_new_job_with_a_past_deadline_is_imported_with_a_warning(tmp_path, bergen_jobb):
    _out, err = run(feed(tmp_path, [job("A1", deadline="2026-11-30")]))
    assert "Warning: A1: the deadline 2026-11-30 is before today" in err
    assert not JobPage.objects.open().exists()


def snapshot():
    return sorted(
        JobPage.objects.values_list("external_id", "title", "live", "deadline", "latest_revision")
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "fnsp-jobs/1", "jobs": [', "The feed is not valid JSON"),
        ("", "The feed is not valid JSON"),
        ('{"format": "other/2", "jobs": []}', "Unknown feed format 'other/2'"),
        ('{"format": "fnsp-jobs/1", "jobs": {}}', 'The feed has no list "jobs"'),
        ('{"hello": "world"}', "Unknown feed"),
        ('{"format": "fnsp-jobs/1", "jobs": []}', "The feed has no jobs"),
        ('{"format": "fnsp-jobs/1", "jobs": [{"id": "X"}]}', "No record in the feed is valid"),
    ],
)
def test_a_broken_feed_exits_with_an_error_and_changes_nothing(
    tmp_path, bergen_jobb, content, message
):
    run(feed(tmp_path, [job("A1"), job("A2")]))
    before = snapshot()
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        run(str(path))
    assert snapshot() == before


def test_a_broken_feed_makes_manage_py_exit_non_zero(tmp_path, bergen_jobb, capsys, monkeypatch):
    # run_from_argv closes every connection when it ends; on PostgreSQL that would close
    # the test's own transaction under it.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    path = tmp_path / "broken.json"
    path.write_text("{nope", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(
            ["manage.py", "import_jobs", str(path), "--site", "helse-bergen"]
        ).execute()
    assert exit_info.value.code == 1
    assert "CommandError: The feed is not valid JSON" in capsys.readouterr().err
    assert not JobPage.objects.exists()


def test_an_empty_feed_unpublishes_everything_only_when_asked(tmp_path, bergen_jobb):
    run(feed(tmp_path, [job("A1")]))
    out, _err = run(feed(tmp_path, []), "helse-bergen", "--allow-empty")
    assert "1 unpublished" in out
    assert not imported()["A1"].live


def test_unreadable_source_and_unknown_site_are_clear_errors(tmp_path, bergen_jobb, ous):
    with pytest.raises(CommandError, match=r"Could not read .*nope\.json"):
        run(str(tmp_path / "nope.json"))
    with pytest.raises(CommandError, match="Unknown site 'atlantis'"):
        run(feed(tmp_path, [job("A1")]), "atlantis")
    with pytest.raises(CommandError, match="has no /jobb/ page"):
        run(feed(tmp_path, [job("A1")]), "oslo-universitetssykehus")
    not_utf8 = tmp_path / "latin1.json"
    not_utf8.write_bytes('{"format": "fnsp-jobs/1", "jobs": ["æøå"]}'.encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        run(str(not_utf8))
    assert not JobPage.objects.exists()


def test_a_failure_half_way_rolls_the_whole_run_back(tmp_path, bergen_jobb, monkeypatch):
    run(feed(tmp_path, [job("A1"), job("A2")]))
    before = snapshot()
    original = importer._assign
    calls = []

    def failing_assign(page, record):
        calls.append(record.external_id)
        if record.external_id == "A3":
            raise RuntimeError("database went away")
        original(page, record)

    monkeypatch.setattr(importer, "_assign", failing_assign)
    with pytest.raises(RuntimeError):
        run(feed(tmp_path, [job("A1", title="Endret"), job("A3")]))
    assert calls == ["A1", "A3"]
    assert snapshot() == before


def test_json_ld_feed_imports_job_postings(bergen_jobb, professions):
    out, err = run(str(DATA / "sample_jobs.jsonld"))
    assert "Read 2 records (json-ld)" in out
    assert err == ""
    jobs = imported()
    assert set(jobs) == {"WC-5001", "WC-5002"}
    helsefag = jobs["WC-5001"]
    assert helsefag.department == "Ortopedisk klinikk"
    assert (helsefag.position_type, helsefag.percentage) == ("fast", 75)
    assert helsefag.profession.slug == "helsefagarbeider"
    assert helsefag.deadline == date(2027, 1, 15)
    assert helsefag.contacts[0].value["phone"] == "55 00 00 01"
    assert (
        helsefag.body == "<p>Vi søker helsefagarbeider i 75 % stilling.</p><p>Eksempelinnhold.</p>"
    )
    lis = jobs["WC-5002"]
    assert (lis.department, lis.positions, lis.start_date) == ("Medisinsk avdeling", 3, None)
    assert lis.profession.slug == "lege"


def test_json_ld_validity_errors_are_reported_per_posting(tmp_path, bergen_jobb):
    posting = {
        "@type": "JobPosting",
        "identifier": "X1",
        "title": "Stilling",
        "description": "Tekst",
        "validThrough": "2027-01-01T12:00:00Z",
        "employmentType": "TEMPORARY",
        "hiringOrganization": {"name": "Helse Bergen HF"},
        "jobLocation": {"address": "Bergen"},
        "url": "https://jobbnorge.no/x1",
    }
    broken = dict(posting, identifier="X2", employmentType="ASTRONAUT")
    path = tmp_path / "feed.jsonld"
    path.write_text(json.dumps([posting, broken]), encoding="utf-8")
    _out, err = run(str(path))
    assert "Rejected record 2 (X2): employmentType 'ASTRONAUT'" in err
    [x1] = imported().values()
    assert (x1.position_type, x1.department, x1.location) == (
        "vikariat",
        "Helse Bergen HF",
        "Bergen",
    )
    assert x1.deadline == date(2027, 1, 1)


def test_the_sample_feed_has_one_deliberately_invalid_record(bergen_jobb, professions):
    out, err = run(str(DATA / "sample_jobs.json"))
    assert "4 created, 0 updated, 0 unchanged, 0 unpublished, 1 rejected" in out
    assert "Rejected record 5 (WC-4714): apply_url" in err


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_import_reads_a_feed_from_a_url(tmp_path, bergen_jobb):
    feed(tmp_path, [job("U1")], name="jobs.json")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        out, _err = run(f"{base}/jobs.json")
        assert "1 created" in out
        with pytest.raises(CommandError, match="Could not fetch"):
            run(f"{base}/missing.json")
    finally:
        server.shutdown()
        server.server_close()
    assert set(imported()) == {"U1"}
