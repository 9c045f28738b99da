"""The move of the registry and the site settings from `home` to `core` upgrades a database in
place, and every app's migrations stay a straight line.

The test takes the test database back to the migrations of 1353981 (the last commit before
`core`), fills it with what a running site has (registry, site, page tree, site settings with
a navigation menu, alert banners, the menu's revision, log entry and translation source, a
national treatment, a trial, a webmaster group with per-site rights), runs `migrate` as an
upgrade would, and reads it all back with the current models: the same rows in the renamed
tables, and revisions, permissions, log entries and translation sources now pointing at
`core`'s content types.
"""

import datetime
import uuid
from collections import Counter

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.models import F
from django.utils import timezone
from wagtail.models import GroupSitePermission, ModelLogEntry, Revision, Site
from wagtail_localize.models import TranslationSource

from core.models import AlertSettings, HealthTrust, NavigationMenu, Region, SiteSettings
from home.models import ContentPage, HospitalHomePage
from treatments.models import Treatment
from trials.models import TrialPage

# Each project app's last migration at 1353981; Django's, Wagtail's and the other apps' did not
# change, so they stay at their current last migration.
BEFORE_CORE = {
    "home": "0006_alter_newspage_image_alt",
    "treatments": "0003_contact_cards_and_locations",
    "trials": "0001_initial",
    "research": "0001_initial",
    "careers": "0001_initial",
    "search": "0002_site_promotion",
    "sharing": "0001_initial",
}
PROJECT_APPS = [*BEFORE_CORE, "core"]
MOVED = ["region", "healthtrust", "navigationmenu", "sitesettings", "alertsettings"]
# Columns added after the move, checked on their own (core 0003: the site a menu belongs to).
ADDED_SINCE = {"navigationmenu": {"site_id"}}

BODY = [
    {"type": "paragraph", "value": "<p>Slik forbereder du deg.</p>", "id": str(uuid.uuid4())},
    {
        "type": "fact_box",
        "value": {"heading": "Husk", "text": "<p>Ta med legitimasjon.</p>"},
        "id": str(uuid.uuid4()),
    },
]
BANNERS = [
    {
        "type": "banner",
        "value": {
            "message": "Stengt inngang B",
            "level": "warning",
            "link": "",
            "start": "2026-01-01T08:00:00",
            "end": "2026-01-31T16:00:00",
        },
        "id": str(uuid.uuid4()),
    }
]


def test_every_app_migrates_in_a_straight_line():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    leaves = Counter(app for app, _name in graph.leaf_nodes())
    assert {app: count for app, count in leaves.items() if count != 1} == {}
    # Our own apps: one first migration and no merge migrations, so one chain each. (Wagtail
    # ships merge migrations of its own; only its single leaf is ours to rely on.)
    roots = Counter(app for app, _name in graph.root_nodes())
    assert all(roots[app] == 1 for app in PROJECT_APPS), roots
    merges = [
        node
        for node in graph.nodes
        if node[0] in PROJECT_APPS
        and len([parent for parent in graph.node_map[node].parents if parent[0] == node[0]]) > 1
    ]
    assert merges == []


# Migrations cannot run inside the transaction a normal test is rolled back in (SQLite's schema
# editor refuses outright), hence a transactional test. Such a test ends by emptying every
# table; serialized_rollback restores the rows the migrations made (locales, registry, root
# page) at the start of this and of every later transactional test, as the end-to-end tests do.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_of_the_previous_main_upgrades_without_losing_rows():
    executor = MigrationExecutor(connection)
    current = executor.loader.graph.leaf_nodes()
    before_core = [(app, BEFORE_CORE.get(app, name)) for app, name in current if app != "core"]
    try:
        executor.migrate([*before_core, ("core", None)])
        ContentType.objects.clear_cache()
        old_apps = executor.loader.project_state(before_core).apps
        assert_content_types_as_on_the_previous_main(old_apps)
        built = build_site(old_apps)
        rows = {model: table_rows(f"home_{model}") for model in MOVED}
        # The new code may look a type up before `migrate` runs (a deploy that starts the
        # servers first), creating a row under the new label; the old row must still win.
        stray = old_apps.get_model("contenttypes", "ContentType")
        stray.objects.create(app_label="core", model="navigationmenu")

        # What `manage.py migrate` does on deployment, post_migrate signals included.
        call_command("migrate", interactive=False, verbosity=0)
        ContentType.objects.clear_cache()

        tables = set(connection.introspection.table_names())
        assert {f"core_{model}" for model in MOVED} <= tables
        assert {f"home_{model}" for model in MOVED} & tables == set()
        assert {
            model: table_rows(f"core_{model}", leave_out=ADDED_SINCE.get(model, ()))
            for model in MOVED
        } == rows
        assert_site_survives(built)
    finally:
        # Whatever failed, later tests get the current schema back, and a content type cache as
        # full as before: the next transactional test restores its rows into flushed tables,
        # building Wagtail tasks that look up their content type, which an empty cache would
        # insert afresh under new ids, clashing with the restored rows.
        call_command("migrate", interactive=False, verbosity=0)
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(*django_apps.get_models())


def assert_content_types_as_on_the_previous_main(apps):
    """The test database was built by a full migrate, whose post_migrate created `core`'s
    content types; migrating back through core 0001 relabelled them to `home`. That is what a
    database at the previous main has, so the upgrade takes the relabelling path, not the
    branch that keeps an existing `core` row."""
    types = apps.get_model("contenttypes", "ContentType").objects
    # Only the moved models: `core`'s later models (e.g. its workflow task) keep their rows.
    assert not types.filter(app_label="core", model__in=MOVED).exists()
    assert set(
        types.filter(app_label="home", model__in=MOVED).values_list("model", flat=True)
    ) == set(MOVED)


def table_rows(table, leave_out=()):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY id")
        columns = [column[0] for column in cursor.description]
        return [
            {name: value for name, value in zip(columns, row, strict=True) if name not in leave_out}
            for row in cursor.fetchall()
        ]


def content_type(apps, model):
    return apps.get_model("contenttypes", "ContentType").objects.get(
        app_label=model._meta.app_label, model=model._meta.model_name
    )


def tree_step(number):
    """One level of a treebeard path: four base-36 digits."""
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[digit] + digits
    return digits.rjust(4, "0")


def add_page(apps, label, parent, **fields):
    """A page stored as treebeard's add_child would: historical models have no tree methods."""
    model = apps.get_model(label)
    pages = apps.get_model("wagtailcore", "Page").objects
    last = (
        pages.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    page = model.objects.create(
        path=parent.path + tree_step(int(last[-4:], 36) + 1 if last else 1),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{fields['slug']}/",
        content_type=content_type(apps, model),
        locale_id=parent.locale_id,
        draft_title=fields["title"],
        live=True,
        **fields,
    )
    pages.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    return page


def build_site(apps):
    """A hospital's site as the previous main stored it; returns the primary keys to check."""
    now = timezone.now()
    get = apps.get_model
    nb = get("wagtailcore", "Locale").objects.get(language_code="nb")
    root = get("wagtailcore", "Page").objects.get(depth=1)

    region = get("home", "Region").objects.create(slug="helse-test", name="Helse Test RHF")
    home = add_page(apps, "home.HospitalHomePage", root, title="Sykehuset Test", slug="test")
    site = get("wagtailcore", "Site").objects.create(
        hostname="test.localhost", port=80, site_name="Sykehuset Test", root_page=home
    )
    trust = get("home", "HealthTrust").objects.create(
        slug="sykehuset-test",
        name="Sykehuset Test HF",
        kind="trust",
        public_domain="sykehuset-test.no",
        region=region,
        site=site,
    )
    partner = get("home", "HealthTrust").objects.get(slug="helse-bergen")
    content = add_page(
        apps, "home.ContentPage", home, title="Før operasjonen", slug="for-operasjon", body=BODY
    )

    Menu = get("home", "NavigationMenu")
    link = {"label": "Før operasjonen", "page": content.pk, "url": ""}
    items = [{"type": "link", "value": link, "id": str(uuid.uuid4())}]
    menu = Menu.objects.create(title="Hovedmeny Sykehuset Test", items=items, locale=nb)
    menu_type = content_type(apps, Menu)
    revision = get("wagtailcore", "Revision").objects.create(
        content_type=menu_type,
        base_content_type=menu_type,
        object_id=str(menu.pk),
        created_at=now,
        object_str=menu.title,
        # What RevisionMixin.serializable_data() stores: StreamFields as JSON text.
        content={
            "pk": menu.pk,
            "translation_key": str(menu.translation_key),
            "locale": nb.pk,
            "latest_revision": None,
            "title": menu.title,
            "items": Menu._meta.get_field("items").value_to_string(menu),
        },
    )
    Menu.objects.filter(pk=menu.pk).update(latest_revision=revision)
    log_entry = get("wagtailcore", "ModelLogEntry").objects.create(
        content_type=menu_type,
        label=menu.title,
        action="wagtail.create",
        timestamp=now,
        object_id=str(menu.pk),
        revision=revision,
        content_changed=True,
        uuid=uuid.uuid4(),
    )
    translatable = get("wagtail_localize", "TranslatableObject").objects.create(
        translation_key=menu.translation_key, content_type=menu_type
    )
    source = get("wagtail_localize", "TranslationSource").objects.create(
        object=translatable,
        specific_content_type=menu_type,
        locale=nb,
        object_repr=menu.title,
        content_json="{}",
        created_at=now,
        last_updated_at=now,
        schema_version=BEFORE_CORE["home"],
    )

    get("home", "SiteSettings").objects.create(
        site=site,
        display_name="Sykehuset",
        theme_colour="#00405a",
        phone="55 00 00 00",
        email="post@sykehuset-test.no",
        main_navigation=menu,
    )
    get("home", "AlertSettings").objects.create(site=site, banners=BANNERS)

    category = get("treatments", "Category").objects.create(
        name="Kirurgi", slug="kirurgi", locale=nb
    )
    treatment = get("treatments", "Treatment").objects.create(
        title="Kneprotese",
        slug="kneprotese",
        summary="Nytt kneledd.",
        category=category,
        locale=nb,
        responsible_trust=trust,
    )
    trial = add_page(
        apps,
        "trials.TrialPage",
        home,
        title="Kneprotesestudien",
        slug="kneprotesestudien",
        summary="Sammenligner to proteser.",
        eligibility="Voksne som skal få kneprotese.",
        inclusion_start=datetime.date(2026, 1, 1),
        contact_name="Studiesykepleier",
        responsible_trust=trust,
    )
    get("trials", "TrialPage").participating_trusts.through.objects.create(
        trialpage_id=trial.pk, healthtrust_id=partner.pk
    )

    # A webmaster: edits the menus anywhere, and this site's settings only.
    Permission = get("auth", "Permission")
    group = get("auth", "Group").objects.create(name="Nettredaktører Sykehuset Test")
    group.permissions.add(
        Permission.objects.get(content_type=menu_type, codename="change_navigationmenu")
    )
    site_permission = get("wagtailcore", "GroupSitePermission").objects.create(
        group=group,
        site=site,
        permission=Permission.objects.get(
            content_type=content_type(apps, get("home", "SiteSettings")),
            codename="change_sitesettings",
        ),
    )
    webmaster = get("auth", "User").objects.create(username="nettredaktor-test", password="!")
    webmaster.groups.add(group)

    return {
        "region": region.pk,
        "trust": trust.pk,
        "partner": partner.pk,
        "site": site.pk,
        "home": home.pk,
        "content": content.pk,
        "menu": menu.pk,
        "revision": revision.pk,
        "log_entry": log_entry.pk,
        "source": source.pk,
        "treatment": treatment.pk,
        "trial": trial.pk,
        "site_permission": site_permission.pk,
        "webmaster": webmaster.pk,
    }


def assert_site_survives(built):
    site = Site.objects.get(pk=built["site"])
    trust = HealthTrust.objects.get(pk=built["trust"])
    assert (trust.region, trust.site) == (Region.objects.get(pk=built["region"]), site)
    # The renamed tables still hand out new primary keys.
    assert Region.objects.create(slug="helse-ny", name="Helse Ny").pk > built["region"]

    home = HospitalHomePage.objects.get(pk=built["home"])
    assert site.root_page.specific == home
    assert [page.title for page in home.get_children().specific()] == [
        "Før operasjonen",
        "Kneprotesestudien",
    ]
    content = ContentPage.objects.get(pk=built["content"])
    assert list(content.body.raw_data) == BODY
    assert content.body[1].value["heading"] == "Husk"

    menu = NavigationMenu.objects.get(pk=built["menu"])
    assert menu.items[0].value["page"].specific == content
    assert menu.site == site  # the site whose settings choose it (core 0003)
    assert (menu.latest_revision.pk, list(menu.revisions)) == (
        built["revision"],
        [menu.latest_revision],
    )
    revision = Revision.objects.get(pk=built["revision"])
    assert revision.content_type.natural_key() == ("core", "navigationmenu")
    assert revision.base_content_type == revision.content_type
    assert revision.as_object().title == "Hovedmeny Sykehuset Test"
    assert list(ModelLogEntry.objects.for_instance(menu)) == [
        ModelLogEntry.objects.get(pk=built["log_entry"])
    ]
    source = TranslationSource.objects.get(pk=built["source"])
    assert source.object.content_type.app_label == "core"
    assert source.get_source_instance() == menu

    settings = SiteSettings.for_site(site)
    assert (settings.display_name, settings.phone, settings.main_navigation) == (
        "Sykehuset",
        "55 00 00 00",
        menu,
    )
    assert list(AlertSettings.for_site(site).banners.raw_data) == BANNERS

    assert Treatment.objects.get(pk=built["treatment"]).responsible_trust == trust
    trial = TrialPage.objects.get(pk=built["trial"])
    assert trial.responsible_trust == trust
    assert list(trial.participating_trusts.values_list("pk", flat=True)) == [built["partner"]]

    # The permissions moved with their content types: none duplicated, none left in `home`.
    site_permission = GroupSitePermission.objects.get(pk=built["site_permission"])
    assert site_permission.permission.content_type.natural_key() == ("core", "sitesettings")
    assert not ContentType.objects.filter(app_label="home", model__in=MOVED).exists()
    webmaster = get_user_model().objects.get(pk=built["webmaster"])
    assert webmaster.has_perm("core.change_navigationmenu")
    assert not webmaster.has_perm("home.change_navigationmenu")
    policy = SiteSettings.get_permission_policy()
    assert policy.user_has_permission_for_instance(webmaster, "change", site)
    other_site = Site.objects.get(is_default_site=True)
    assert not policy.user_has_permission_for_instance(webmaster, "change", other_site)
