"""Backup and restore end to end (core/backup.py): a small installation built with the
factories is backed up, wiped and restored, and its pages, snippets, revisions, images,
documents, settings and media files are as they were. On SQLite and on PostgreSQL
(`make test-postgres`: pg_dump and pg_restore)."""

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Revision

from core.backup import media_names
from core.factories import set_menu
from core.models.settings import SiteSettings
from home.factories import ContentPageFactory, make_hospital, make_portal


def build():
    make_portal()
    _trust, site, home = make_hospital("helse-bergen", phone="55 97 50 00")
    page = ContentPageFactory(parent=home, title="Parkering", slug="parkering")
    page.title = "Parkering ved sykehuset"
    page.save_revision().publish()
    page.title = "Parkering (utkast)"
    page.save_revision()
    set_menu(site, [page])
    image = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    image.get_rendition("fill-40x30")
    settings = SiteSettings.for_site(site)
    settings.logo = image
    settings.display_name = "Helse Bergen"
    settings.save()
    document = Document(title="Rutine")
    document.file.save("rutine.txt", ContentFile(b"rutine"), save=True)


def snapshot():
    """Every row of every table the project has, and every media file's bytes."""
    rows = {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }
    files = {}
    for name in media_names():
        with default_storage.open(name, "rb") as file:
            files[name] = file.read()
    return rows, files


# serialized_rollback: the data the migrations made is put back for the tests after this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_back_up_wipe_restore_gives_the_same_installation(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    build()
    before = snapshot()
    rows, files = before
    assert len(rows["wagtailcore.Revision"]) == 2
    assert rows["core.NavigationMenu"] and rows["core.SiteSettings"]
    assert any(name.startswith("images/") for name in files)
    assert any(name.startswith("documents/") for name in files)

    call_command("backup", str(tmp_path / "backup"))
    call_command("flush", interactive=False, inhibit_post_migrate=True)
    for name in list(media_names()):
        default_storage.delete(name)
    assert not Page.objects.filter(title__startswith="Parkering").exists()
    assert not list(media_names())

    call_command("restore", str(tmp_path / "backup"), yes=True)

    assert snapshot() == before
    page = Page.objects.get(slug="parkering").specific
    assert page.title == "Parkering ved sykehuset"
    assert page.get_latest_revision_as_object().title == "Parkering (utkast)"
    assert Revision.objects.filter(object_id=str(page.pk)).count() == 2


def test_restore_refuses_a_folder_without_a_backup(tmp_path):
    with pytest.raises(CommandError, match="holds no backup"):
        call_command("restore", str(tmp_path), yes=True)
