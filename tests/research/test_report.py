"""The admin report of research groups without a published English version, and the notice."""

import csv
import datetime
import io

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale

from core.factories import UserFactory
from home.groups import sync_site_groups
from research.factories import make_group, research_index
from tests.helpers import publish, translate
from tests.research.localize import translate_with_localize

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(bergen, ous):
    """Bergen: one translated, one not; OUS: one not, one draft only (not live)."""
    homes = {"bergen": bergen[2], "ous": ous[2]}
    for home in homes.values():
        translate(home, "en")
        make_group(home, title="Placeholder", slug="placeholder")
        translate_with_localize(research_index(home), "en", {"forskning": "research"})
    translated = make_group(homes["bergen"], title="Oversatt", slug="oversatt")
    translate_with_localize(translated, "en", {"Oversatt": "Translated"})
    untranslated = [
        make_group(homes["bergen"], title="Uoversatt Bergen", slug="uoversatt-bergen"),
        make_group(homes["ous"], title="Uoversatt Oslo", slug="uoversatt-oslo"),
    ]
    english_draft = make_group(homes["ous"], title="Utkast", slug="utkast")
    translate_with_localize(english_draft, "en", {}).unpublish()
    untranslated.append(english_draft)
    for placeholder in homes.values():
        research_index(placeholder).get_children().get(slug="placeholder").delete()
    return translated, untranslated


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def report_titles(client, **params):
    response = client.get(reverse("research_untranslated_report"), params)
    assert response.status_code == 200
    return {row.title for row in response.context["object_list"]}


def test_report_lists_exactly_the_groups_without_live_english(admin_client, groups):
    _translated, untranslated = groups
    assert report_titles(admin_client) == {group.title for group in untranslated}


def test_report_lists_groups_whose_english_is_older_than_the_norwegian(admin_client, groups):
    translated, untranslated = groups
    english = translated.get_translation(Locale.objects.get(language_code="en"))
    with time_machine.travel(english.last_published_at + datetime.timedelta(days=1)):
        publish(translated)
    assert report_titles(admin_client) == {"Oversatt"} | {group.title for group in untranslated}
    with time_machine.travel(english.last_published_at + datetime.timedelta(days=2)):
        publish(english)
    assert report_titles(admin_client) == {group.title for group in untranslated}


def test_an_english_first_group_is_not_outdated_by_its_norwegian_translation(
    admin_client, groups, bergen
):
    english_index = research_index(bergen[2]).get_translation(
        Locale.objects.get(language_code="en")
    )
    group = make_group(english_index.get_parent(), title="English first", slug="english-first")
    with time_machine.travel(group.last_published_at + datetime.timedelta(days=1)):
        translate_with_localize(group, "nb", {"English first": "Engelsk først"})
    _translated, untranslated = groups
    assert report_titles(admin_client) == {group.title for group in untranslated}


def test_report_filters_by_site(admin_client, groups, bergen):
    trust = bergen[0]
    assert report_titles(admin_client, site=trust.pk) == {"Uoversatt Bergen"}
    # An unknown site is a form error in the filter, never a 500.
    assert (
        admin_client.get(reverse("research_untranslated_report"), {"site": "x"}).status_code == 200
    )


def test_report_exports_csv(admin_client, groups):
    response = admin_client.get(reverse("research_untranslated_report"), {"export": "csv"})
    assert response.status_code == 200
    header, *rows = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    assert len(header) == 5
    assert {(row[0], row[1]) for row in rows} == {
        ("Uoversatt Bergen", "Helse Bergen HF"),
        ("Uoversatt Oslo", "Oslo universitetssykehus HF"),
        ("Utkast", "Oslo universitetssykehus HF"),
    }


def test_report_is_in_the_reports_menu(admin_client, groups):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse("research_untranslated_report").encode() in response.content


def test_edit_view_warns_about_missing_english_version(admin_client, groups):
    translated, untranslated = groups
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[untranslated[0].pk]))
    notices = [str(m) for m in response.context["messages"]]
    # The admin speaks Bokmål here (LANGUAGE_CODE); the notice is in the editor's language.
    assert any("ingen publisert engelsk versjon" in notice for notice in notices)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    assert not any("engelsk versjon" in str(m) for m in response.context["messages"])


def test_site_editors_see_only_their_sites_groups(client, groups, bergen):
    sync_site_groups()
    editor = UserFactory(groups=[Group.objects.get(name="helse-bergen redaktør")], is_staff=True)
    client.force_login(editor)
    assert report_titles(client) == {"Uoversatt Bergen"}
