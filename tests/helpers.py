"""Helpers every test module shares: requests to a site by its slug, parsed HTML, query counts,
publishing and translating."""

from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield


def get(client, path, slug=None, **extra):
    """GET `path` on the site `slug`, or on the portal without one.

    Sites are told apart by host name (`<slug>.localhost`, the portal is `localhost`), so every
    request names its host. `extra` goes to the test client as is: `data={...}` for the query
    string, `HTTP_...` for headers.
    """
    return client.get(path, HTTP_HOST=f"{slug}.localhost" if slug else "localhost", **extra)


def get_ok(client, path, slug=None, **extra):
    """`get`, asserting the page was served: a test reading a page's content then fails on the
    status, not on something missing from an error page."""
    response = get(client, path, slug, **extra)
    assert response.status_code == 200, response.status_code
    return response


def soup(response):
    """The response's HTML parsed: tests look for elements and attributes, not for strings."""
    return BeautifulSoup(response.content, "html.parser")


def dashboard_tables(response, panel):
    """The tables of a dashboard panel (its `{% panel id=… %}`), by caption: their rows' text."""
    section = soup(response).select_one(f"#{panel}-section")
    assert section is not None, panel
    return {
        table.caption.get_text(" ", strip=True): table.tbody.get_text(" ", strip=True)
        for table in section.select("table")
    }


def count_queries(assert_max_num_queries, budget, client, path, slug=None):
    """How many queries `get_ok` of `path` takes, failing the test if more than `budget`.

    For the "does not grow with N" tests, which compare counts: every measured request is also
    held to its budget. Pass pytest-django's `django_assert_max_num_queries` fixture first
    (a fixture cannot be imported).
    """
    with assert_max_num_queries(budget) as captured:
        get_ok(client, path, slug)
    # Read now: the connection's query log is a bounded deque that later set-up may overflow.
    return len(captured)


def publish(page):
    """Publish a new revision of `page` and return it as saved, as the next request sees it."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(obj, code, **fields):
    """A published translation of a page or snippet into the locale `code`, with `fields` set."""
    translated = obj.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()  # a snippet's copy is not saved yet
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def admin_form_post(client, url, model, **changes):
    """The POST of the admin form at `url` as `client`'s browser sends it, with `changes`; the
    `model`'s StreamFields sent empty (their inputs are made by JavaScript, which the test has
    not)."""
    html = client.get(url).content.decode()
    forms = BeautifulSoup(html, "html.parser").find_all("form")
    index = next(i for i, form in enumerate(forms) if form.get("action") == url)
    data = querydict_from_html(html, form_index=index)
    streams = [f.name for f in model._meta.get_fields() if isinstance(f, StreamField)]
    for name, value in {
        **nested_form_data({name: streamfield([]) for name in streams}),
        **changes,
    }.items():
        data[name] = value
    return data


def run_worker():
    """`manage.py db_worker` until the task queue is empty (with the `worker_queue` fixture)."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
