"""A whole version downloads as one streamed ZIP with every file and an attribution file."""

import io
import os
import tracemalloc
import zipfile

import pytest

from repository import demo_files
from repository.services.files import stored_file_take_down
from repository.services.materials import material_add_file, material_publish, material_withdraw
from repository.zipstream import ZipMember, safe_member_name, unique_member_names, zip_stream
from tests.accounts.factories import TeacherFactory, UserFactory
from tests.repository.factories import published_material, upload

pytestmark = pytest.mark.django_db


def zip_url(material, version=1) -> str:
    return f"/leermiddelen/{material.pk}/v{version}/download.zip"


def unzip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_zip_holds_every_file_of_the_version_and_the_attribution_file(client):
    material = published_material(
        TeacherFactory(),
        files=[upload("breuken.pdf"), upload("plaat.png", demo_files.png_bytes("Plaat"))],
    )

    response = client.get(zip_url(material))

    assert response.status_code == 200
    archive = unzip(response)
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == ["NAAMSVERMELDING.txt", "breuken.pdf", "plaat.png"]
    assert archive.read("breuken.pdf").startswith(b"%PDF")


def test_the_attribution_file_names_title_author_source_and_licence(client):
    teacher = TeacherFactory()
    material = published_material(teacher, title="Breuken vergelijken")

    text = unzip(client.get(zip_url(material))).read("NAAMSVERMELDING.txt").decode("utf-8")

    assert "‘Breuken vergelijken’" in text
    assert teacher.name in text
    assert f"http://testserver/leermiddelen/{material.pk}/" in text
    assert "CC BY 4.0" in text
    assert "https://creativecommons.org/licenses/by/4.0/" in text
    assert "- breuken.pdf" in text


def test_the_zip_download_carries_the_serving_headers(client):
    material = published_material(TeacherFactory(), title="Breuken vergelijken")

    response = client.get(zip_url(material))

    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="breuken-vergelijken-v1.zip"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "public, max-age=3600"


def test_the_zip_streams_a_large_file_in_bounded_memory(client, tmp_path):
    size = 6 * 1024 * 1024
    # Random bytes after a PDF header: typed as PDF, and no compression can shrink them.
    large = upload("groot.pdf", b"%PDF-1.4\n" + os.urandom(size))
    material = published_material(TeacherFactory(), files=[large])
    response = client.get(zip_url(material))
    assert response.streaming
    target = tmp_path / "out.zip"

    tracemalloc.start()
    with target.open("wb") as out:
        for chunk in response.streaming_content:
            out.write(chunk)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert peak < size / 8
    with zipfile.ZipFile(target) as archive:
        assert archive.getinfo("groot.pdf").file_size == size + 9


def test_an_old_versions_zip_still_downloads_with_its_own_files(client):
    teacher = TeacherFactory()
    material = published_material(teacher)
    material_add_file(
        material=material,
        user=teacher,
        upload=upload("extra.pdf", demo_files.pdf_bytes("Extra")),
        original_name="extra.pdf",
    )
    material_publish(material=material, user=teacher)

    old = unzip(client.get(zip_url(material, version=1)))
    new = unzip(client.get(zip_url(material, version=2)))

    assert "extra.pdf" not in old.namelist()
    assert "extra.pdf" in new.namelist()


def test_a_withdrawn_materials_zip_is_not_found_anonymously_but_served_to_its_owner(client):
    teacher = TeacherFactory()
    material = published_material(teacher)
    material_withdraw(material=material, user=teacher, reason="Verouderd")

    assert client.get(zip_url(material)).status_code == 404
    client.force_login(teacher)
    response = client.get(zip_url(material))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_version_that_does_not_exist_is_not_found(client):
    material = published_material(TeacherFactory())

    assert client.get(zip_url(material, version=7)).status_code == 404


def test_taken_down_files_are_left_out_and_named_in_the_attribution_file(
    client, django_capture_on_commit_callbacks
):
    material = published_material(
        TeacherFactory(), files=[upload("a.pdf"), upload("b.png", demo_files.png_bytes("B"))]
    )
    png = material.versions.get().files.get(original_name="b.png").stored_file
    with django_capture_on_commit_callbacks(execute=True):
        stored_file_take_down(stored_file=png, user=UserFactory(is_superuser=True), reason="X")

    archive = unzip(client.get(zip_url(material)))

    assert "b.png" not in archive.namelist()
    assert "- b.png" in archive.read("NAAMSVERMELDING.txt").decode()


def test_duplicate_names_get_numbered_suffixes_ignoring_case():
    names = unique_member_names(
        ["Blad.pdf", "blad.pdf", "blad.pdf", "NAAMSVERMELDING.txt"],
        reserved=["NAAMSVERMELDING.txt"],
    )

    assert names == ["Blad.pdf", "blad (2).pdf", "blad (3).pdf", "NAAMSVERMELDING (2).txt"]


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "_.._etc_passwd"),
        ("map\\bestand.pdf", "map_bestand.pdf"),
        ("..verborgen.txt", "verborgen.txt"),
        ("a\x00b:c?.pdf", "a_b_c_.pdf"),
        ("", "bestand"),
        ("x" * 300 + ".pdf", "x" * 116 + ".pdf"),
    ],
)
def test_member_names_are_sanitised(name, safe):
    assert safe_member_name(name) == safe


def test_zip_stream_yields_a_valid_archive_in_several_chunks():
    data = os.urandom(300_000)
    members = [ZipMember("a.bin", lambda: io.BytesIO(data), len(data))]

    chunks = list(zip_stream(members))

    assert len(chunks) > 2
    assert zipfile.ZipFile(io.BytesIO(b"".join(chunks))).read("a.bin") == data


def test_on_object_storage_the_zip_streams_the_files_from_the_bucket(
    client, s3_settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        material = published_material(
            TeacherFactory(), files=[upload("a.pdf"), upload("b.png", demo_files.png_bytes("B"))]
        )

    archive = unzip(client.get(zip_url(material)))

    assert sorted(archive.namelist()) == ["NAAMSVERMELDING.txt", "a.pdf", "b.png"]
    assert archive.read("a.pdf").startswith(b"%PDF")
