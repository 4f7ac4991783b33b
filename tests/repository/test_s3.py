"""The object-storage path: materials in an S3-compatible store, reached over HTTP on loopback."""

import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlparse

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from repository import demo_files
from repository.services.files import stored_file_create
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import published_material

pytestmark = pytest.mark.django_db


def fetch(url: str):
    return urllib.request.urlopen(url, timeout=10)  # noqa: S310 - loopback test server


def test_stored_object_carries_our_detected_type_not_the_browsers(s3_client, s3_settings):
    claimed_html = SimpleUploadedFile(
        "les.pdf", demo_files.pdf_bytes("Les"), content_type="text/html"
    )

    stored = stored_file_create(upload=claimed_html, original_name="les.pdf")

    head = s3_client.head_object(Bucket=s3_settings, Key=f"materials/{stored.storage_name}")
    assert head["ContentType"] == "application/pdf"
    assert head["ContentDisposition"] == "attachment"


def test_same_bytes_make_one_object(s3_client, s3_settings):
    data = demo_files.pdf_bytes("Eén keer")

    for name in ("a.pdf", "b.pdf"):
        stored_file_create(upload=SimpleUploadedFile(name, data), original_name=name)

    listing = s3_client.list_objects_v2(Bucket=s3_settings, Prefix="materials/")
    assert listing["KeyCount"] == 1


def test_download_redirects_to_a_short_lived_signed_url_with_our_headers(client, s3_settings):
    material = published_material(TeacherFactory())
    version_file = material.versions.get().files.get()

    response = client.get(f"/leermiddelen/{material.pk}/v1/bestanden/{version_file.pk}/")

    assert response.status_code == 302
    assert "X-Amz-Signature=" in response.url and "X-Amz-Expires=300" in response.url
    with fetch(response.url) as delivered:
        assert delivered.headers["Content-Type"] == "application/pdf"
        assert delivered.headers["Content-Disposition"].startswith("attachment")
        assert 'filename="breuken.pdf"' in delivered.headers["Content-Disposition"]
        assert delivered.read().startswith(b"%PDF")


def test_signed_url_is_valid_for_the_configured_minutes_only(client, s3_settings, settings):
    materials = settings.STORAGES["materials"]
    settings.STORAGES = {
        **settings.STORAGES,
        "materials": {**materials, "OPTIONS": {**materials["OPTIONS"], "querystring_expire": 60}},
    }
    material = published_material(TeacherFactory())
    version_file = material.versions.get().files.get()
    before = datetime.now(UTC).replace(microsecond=0)

    url = client.get(f"/leermiddelen/{material.pk}/v1/bestanden/{version_file.pk}/").url

    query = parse_qs(urlparse(url).query)
    signed_at = datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert query["X-Amz-Expires"] == ["60"]
    assert before - timedelta(seconds=5) <= signed_at <= datetime.now(UTC)


def test_unsigned_object_url_is_refused(s3_endpoint, s3_settings):
    material = published_material(TeacherFactory())
    stored = material.versions.get().files.get().stored_file

    with pytest.raises(urllib.error.HTTPError):
        fetch(f"{s3_endpoint}/{s3_settings}/materials/{stored.storage_name}")
