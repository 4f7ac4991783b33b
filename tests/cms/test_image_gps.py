"""Photos uploaded to the CMS (Wagtail images) lose their GPS coordinates, and no rendition of
an image carries them, even when the original still does (an image stored before this check)."""

import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image

from repository import demo_files
from repository.image_metadata import GPS_IFD
from tests.accounts.factories import EditorFactory

pytestmark = pytest.mark.django_db


def photo_with_location(image_format: str = "JPEG") -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Fotomaker"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (52.0, 5.0, 30.0), 3: "E", 4: (4.0, 53.0, 12.0)})
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "#1d6b2a").save(out, image_format, exif=exif)
    return out.getvalue()


def gps_of(data: bytes) -> dict:
    return dict(Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD))


def read(field_file) -> bytes:
    with field_file.open("rb") as handle:
        return handle.read()


@pytest.fixture
def editor(client):
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    user = EditorFactory()
    client.force_login(user)
    return user


def test_a_photo_uploaded_in_the_admin_is_stored_without_gps_but_with_its_other_exif(
    client, editor
):
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Schoolplein",
            "file": SimpleUploadedFile("plein.jpg", photo_with_location(), "image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302
    stored = read(get_image_model().objects.get().file)
    assert gps_of(stored) == {}
    assert Image.open(io.BytesIO(stored)).getexif()[0x010F] == "Fotomaker"


def test_the_stored_size_and_hash_describe_the_bytes_without_gps(client, editor):
    client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Schoolplein",
            "file": SimpleUploadedFile("plein.png", photo_with_location("PNG"), "image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    image = get_image_model().objects.get()
    stored = read(image.file)
    assert image.file_size == len(stored)
    assert image.get_file_hash() == hashlib.sha1(stored).hexdigest()  # noqa: S324 - as Wagtail


def test_the_multiple_uploader_strips_gps_too(client, editor):
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("plein.jpg", photo_with_location(), "image/jpeg")},
    )

    assert response.status_code == 200
    assert response.json()["success"]
    assert gps_of(read(get_image_model().objects.get().file)) == {}


def test_renditions_of_an_uploaded_photo_carry_no_gps(client, editor):
    client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("plein.jpg", photo_with_location(), "image/jpeg")},
    )

    rendition = get_image_model().objects.get().get_rendition("width-32")

    assert gps_of(read(rendition.file)) == {}


def test_a_rendition_of_an_original_that_still_has_gps_carries_none(editor):
    image = get_image_model().objects.create(
        title="Oude foto", file=ContentFile(demo_files.jpeg_bytes("Foto"), name="oud.jpg")
    )
    # An original stored before GPS was stripped: write the bytes behind the model's back.
    storage, name = image.file.storage, image.file.name
    storage.delete(name)
    storage.save(name, ContentFile(photo_with_location()))
    image = get_image_model().objects.get(pk=image.pk)
    assert gps_of(read(image.file)) != {}

    rendition = image.get_rendition("width-32")

    assert gps_of(read(rendition.file)) == {}


def test_editing_an_images_title_leaves_its_file_alone(client, editor):
    client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("plein.jpg", photo_with_location(), "image/jpeg")},
    )
    image = get_image_model().objects.get()
    name = image.file.name

    image.title = "Nieuwe titel"
    image.save()

    assert image.file.name == name
