"""Files reach browsers safely: only when allowed, as attachments, never run on our origin."""

import hashlib

import pytest

from repository import demo_files
from repository.services.files import stored_file_take_down
from repository.services.materials import (
    material_add_file,
    material_save_draft,
    material_withdraw,
)
from tests.accounts.factories import ReviewerFactory, TeacherFactory, UserFactory
from tests.repository.factories import draft_material, published_material, upload

pytestmark = pytest.mark.django_db


def download_url(material, version=1, index=0):
    version_file = material.versions.get(number=version).files.all()[index]
    return f"/leermiddelen/{material.pk}/v{version}/bestanden/{version_file.pk}/"


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_anyone_downloads_a_published_file_as_an_attachment(client):
    material = published_material(TeacherFactory())

    response = client.get(download_url(material))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="breuken.pdf"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert body(response).startswith(b"%PDF")


def test_pdf_may_be_shown_inline_on_request(client):
    material = published_material(TeacherFactory())

    response = client.get(download_url(material) + "?weergave=inline")

    assert response["Content-Disposition"].startswith("inline")


def test_other_types_are_never_inline(client):
    material = published_material(
        TeacherFactory(), files=[upload("plaat.png", demo_files.png_bytes("x"))]
    )

    response = client.get(download_url(material) + "?weergave=inline")

    assert response["Content-Disposition"].startswith("attachment")


def test_the_type_sent_is_ours_not_the_uploaders(client):
    claimed_html = upload("notities.md", b"# Kop\n\nTekst met *nadruk*.\n")
    claimed_html.content_type = "text/html"
    material = published_material(TeacherFactory(), files=[claimed_html])

    response = client.get(download_url(material))

    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"].startswith("attachment")


def test_version_one_still_downloads_with_identical_bytes_after_version_two(client):
    teacher = TeacherFactory()
    material = published_material(teacher)
    original = body(client.get(download_url(material)))
    material_add_file(
        material=material,
        user=teacher,
        upload=upload("extra.pdf", demo_files.pdf_bytes("Extra")),
        original_name="extra.pdf",
    )
    from repository.services.materials import material_publish

    material_publish(material=material, user=teacher)

    again = body(client.get(download_url(material, version=1)))
    assert hashlib.sha256(again).hexdigest() == hashlib.sha256(original).hexdigest()
    assert client.get(download_url(material, version=2, index=1)).status_code == 200


def test_anonymous_visitor_cannot_download_files_of_a_draft(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    stored_file_id = material.files.get().stored_file_id

    response = client.get(f"/leermiddelen/{material.pk}/concept/bestanden/{stored_file_id}/")

    assert response.status_code == 404


def test_another_teacher_cannot_download_files_of_a_draft(client):
    material = draft_material(TeacherFactory())
    client.force_login(TeacherFactory())

    response = client.get(
        f"/leermiddelen/{material.pk}/concept/bestanden/{material.files.get().stored_file_id}/"
    )

    assert response.status_code == 404


def test_owner_downloads_files_of_the_draft(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    response = client.get(
        f"/leermiddelen/{material.pk}/concept/bestanden/{material.files.get().stored_file_id}/"
    )

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_public_cannot_see_unpublished_draft_files_of_a_live_material(client):
    teacher = TeacherFactory()
    material = published_material(teacher)
    new_file = material_add_file(
        material=material,
        user=teacher,
        upload=upload("geheim.pdf", demo_files.pdf_bytes("Nog niet klaar")),
        original_name="geheim.pdf",
    )
    material_save_draft(material=material, user=teacher, data={"title": "Nog niet gepubliceerd"})

    response = client.get(
        f"/leermiddelen/{material.pk}/concept/bestanden/{new_file.stored_file_id}/"
    )

    assert response.status_code == 404


def test_reviewer_cannot_download_a_draft_that_is_not_in_review(client):
    material = draft_material(TeacherFactory())
    client.force_login(ReviewerFactory())

    response = client.get(
        f"/leermiddelen/{material.pk}/concept/bestanden/{material.files.get().stored_file_id}/"
    )

    assert response.status_code == 404


def test_files_of_a_withdrawn_material_are_not_public(client):
    teacher = TeacherFactory()
    material = published_material(teacher)
    url = download_url(material)
    material_withdraw(material=material, user=teacher, reason="Verouderd")

    assert client.get(url).status_code == 404
    client.force_login(teacher)
    assert client.get(url).status_code == 200


def test_a_file_id_from_another_material_is_not_served(client):
    first = published_material(TeacherFactory(), title="Eerste")
    second = published_material(
        TeacherFactory(), title="Tweede", files=[upload("b.pdf", demo_files.pdf_bytes("B"))]
    )
    foreign_file = second.versions.get().files.get()

    response = client.get(f"/leermiddelen/{first.pk}/v1/bestanden/{foreign_file.pk}/")

    assert response.status_code == 404


def test_taken_down_file_answers_410_with_an_explanation(
    client, django_capture_on_commit_callbacks
):
    material = published_material(TeacherFactory())
    stored = material.versions.get().files.get().stored_file
    with django_capture_on_commit_callbacks(execute=True):
        stored_file_take_down(
            stored_file=stored, user=UserFactory(is_superuser=True), reason="Inbreuk"
        )

    response = client.get(download_url(material))

    assert response.status_code == 410
    assert "verwijderd" in response.content.decode()


def test_material_files_are_kept_outside_the_served_media_folder():
    from cms.settings import base

    assert not base.MATERIALS_ROOT.is_relative_to(base.MEDIA_ROOT)


def test_guessed_storage_urls_lead_nowhere(client, settings):
    material = published_material(TeacherFactory())
    stored = material.versions.get().files.get().stored_file

    assert client.get(f"{settings.MEDIA_URL}{stored.storage_name}").status_code == 404
    assert client.get(f"/media/materials/{stored.storage_name}").status_code == 404
