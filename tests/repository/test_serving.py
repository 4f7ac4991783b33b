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
from repository.serving import SANDBOX_POLICY
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


def test_a_single_byte_range_is_answered_with_partial_content(client):
    material = published_material(TeacherFactory())
    whole = body(client.get(download_url(material)))

    response = client.get(download_url(material), HTTP_RANGE="bytes=5-14")

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 5-14/{len(whole)}"
    assert response["Content-Length"] == "10"
    assert body(response) == whole[5:15]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_suffix_range_gives_the_last_bytes(client):
    material = published_material(TeacherFactory())
    whole = body(client.get(download_url(material)))

    response = client.get(download_url(material), HTTP_RANGE="bytes=-8")

    assert response.status_code == 206
    assert body(response) == whole[-8:]


def test_a_range_beyond_the_end_is_unsatisfiable(client):
    material = published_material(TeacherFactory())

    response = client.get(download_url(material), HTTP_RANGE="bytes=999999-")

    assert response.status_code == 416
    assert response["Content-Range"].startswith("bytes */")


def test_several_ranges_or_a_stale_if_range_get_the_whole_file(client):
    material = published_material(TeacherFactory())

    several = client.get(download_url(material), HTTP_RANGE="bytes=0-1,5-6")
    stale = client.get(download_url(material), HTTP_RANGE="bytes=0-1", HTTP_IF_RANGE='"oud"')

    assert several.status_code == 200
    assert stale.status_code == 200


def test_downloads_announce_ranges_and_a_strong_etag(client):
    material = published_material(TeacherFactory())
    sha256 = material.versions.get().files.get().stored_file.sha256

    response = client.get(download_url(material))

    assert response["Accept-Ranges"] == "bytes"
    assert response["ETag"] == f'"{sha256}"'


def test_head_requests_are_answered_without_a_body(client):
    material = published_material(TeacherFactory())

    response = client.head(download_url(material))

    assert response.status_code == 200
    assert response["Content-Length"] == str(material.versions.get().files.get().stored_file.size)


def test_files_zips_and_previews_all_carry_the_serving_headers(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        material = published_material(TeacherFactory())
    version_file = material.versions.get().files.get()
    base = f"/leermiddelen/{material.pk}/v1/"

    for url, disposition in [
        (f"{base}bestanden/{version_file.pk}/", "attachment"),
        (f"{base}download.zip", "attachment"),
        (f"{base}bestanden/{version_file.pk}/voorbeeld/", "inline"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Content-Security-Policy"] == SANDBOX_POLICY, url
        assert response["Content-Disposition"].startswith(disposition), url


def test_a_preview_image_is_served_inline_as_webp_with_its_length(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        material = published_material(TeacherFactory())
    version_file = material.versions.get().files.get()

    response = client.get(f"/leermiddelen/{material.pk}/v1/bestanden/{version_file.pk}/voorbeeld/")

    assert response["Content-Type"] == "image/webp"
    assert int(response["Content-Length"]) == len(body(response))


def test_a_file_without_a_preview_has_no_preview_url(client):
    material = published_material(TeacherFactory())
    version_file = material.versions.get().files.get()

    response = client.get(f"/leermiddelen/{material.pk}/v1/bestanden/{version_file.pk}/voorbeeld/")

    assert response.status_code == 404


def test_files_of_a_material_that_was_unpublished_are_not_public(client):
    from wagtail.actions.unpublish import UnpublishAction

    teacher = TeacherFactory()
    material = published_material(teacher)
    url = download_url(material)
    UnpublishAction(material, user=teacher).execute(skip_permission_checks=True)

    assert client.get(url).status_code == 404
    assert client.get(f"/leermiddelen/{material.pk}/v1/download.zip").status_code == 404
