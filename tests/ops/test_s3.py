"""Media on a real S3-compatible server (fnsp_site/storage.py, `s3_media`): uploads and
renditions land in the bucket and are read from it; documents still go through Wagtail's view,
which checks a collection's restriction; a stopped store makes the server unready."""

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from core.factories import UserFactory

pytestmark = pytest.mark.django_db


def png_bytes():
    return get_test_image_file().file.getvalue()


def test_an_image_uploaded_in_the_admin_is_stored_and_served_by_the_object_store(client, s3_media):
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("kart.png", png_bytes(), "image/png")},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200, response.content
    assert response.json()["success"], response.json()
    image = get_image_model().objects.get()
    assert image.file.name in s3_media.object_names()
    rendition = image.get_rendition("fill-40x30")
    assert rendition.file.name in s3_media.object_names()
    assert rendition.url.startswith(f"{s3_media.endpoint}/fnsp-media/")
    served = requests.get(rendition.url)
    assert served.status_code == 200
    assert served.content[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_restricted_document_is_served_by_wagtails_view_not_the_store(client, s3_media):
    root = Collection.get_first_root_node()
    staff_only = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=staff_only, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document(title="Rutine", collection=staff_only)
    document.file.save("rutine.txt", ContentFile(b"intern rutine"), save=True)
    assert document.file.name in s3_media.object_names()
    # Not readable at its address in the store: only Wagtail's view hands it out.
    assert requests.get(f"{s3_media.endpoint}/fnsp-media/{document.file.name}").status_code == 403

    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]
    client.force_login(UserFactory())
    staff = client.get(document.url)
    assert staff.status_code == 200
    assert b"".join(staff.streaming_content) == b"intern rutine"


def test_a_stopped_object_store_makes_the_server_unready(client, s3_media):
    assert client.get("/readyz").json()["checks"]["storage"] == {
        "ok": True,
        "backend": "S3Storage",
        "ms": pytest.approx(0, abs=5000),
    }
    s3_media.stop()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]
