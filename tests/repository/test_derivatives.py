"""Stored files get a preview and searchable text in the background, and failures never escape."""

import io

from django.core.management import call_command

import pytest
from PIL import Image

from repository import demo_files
from repository.models import FileDerivative
from repository.services.derivatives import file_derivative_process
from repository.services.files import materials_storage, stored_file_create
from tests.repository.factories import upload

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
MP4_HEADER = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 200


@pytest.fixture
def store(django_capture_on_commit_callbacks):
    """Store bytes as an upload does, running the tasks queued on commit."""

    def store(name: str, data: bytes):
        with django_capture_on_commit_callbacks(execute=True):
            stored = stored_file_create(upload=upload(name, data), original_name=name)
        return stored

    return store


def preview_image(derivative) -> Image.Image:
    with materials_storage().open(derivative.preview_name) as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return image


def test_a_stored_pdf_gets_its_text_page_count_and_preview_in_the_background(store):
    stored = store("breuken.pdf", demo_files.pdf_bytes("Breuken", ["Alleen in de PDF: zebra"]))

    derivative = FileDerivative.objects.get(stored_file=stored)

    assert derivative.status == FileDerivative.Status.READY
    assert "Alleen in de PDF: zebra" in derivative.text
    assert derivative.page_count == 1
    assert derivative.processed_at is not None
    image = preview_image(derivative)
    assert image.format == "WEBP"
    assert (image.width, image.height) == (derivative.preview_width, derivative.preview_height)
    assert max(image.size) == 960


def test_an_odt_documents_text_ends_up_in_the_derivative(store):
    stored = store("water.odt", demo_files.odt_bytes("Waterkringloop", ["Verdamping"]))

    derivative = FileDerivative.objects.get(stored_file=stored)

    assert derivative.status == FileDerivative.Status.READY
    assert derivative.text == "Waterkringloop\nVerdamping"
    assert derivative.preview_name == ""


def test_a_docx_documents_text_ends_up_in_the_derivative(store):
    stored = store("taal.docx", demo_files.docx_bytes("Spelling", ["Werkwoorden"]))

    assert FileDerivative.objects.get(stored_file=stored).text == "Spelling\nWerkwoorden"


def test_a_corrupt_pdf_is_recorded_as_failed_with_the_error(store):
    stored = store("kapot.pdf", b"%PDF-1.4\n" + b"\x00 niet echt een pdf " * 200)

    derivative = FileDerivative.objects.get(stored_file=stored)

    assert derivative.status == FileDerivative.Status.FAILED
    assert "PDF" in derivative.error


def test_an_image_preview_is_stripped_of_exif_gps(store):
    source = Image.new("RGB", (1600, 1200), "#335577")
    exif = Image.Exif()
    exif[0x010F] = "Camera Merk"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 5.0, 0.0), 3: "E", 4: (4.0, 54.0, 0.0)})
    out = io.BytesIO()
    source.save(out, format="JPEG", exif=exif)
    assert Image.open(io.BytesIO(out.getvalue())).getexif().get_ifd(GPS_IFD)

    stored = store("klas.jpg", out.getvalue())

    derivative = FileDerivative.objects.get(stored_file=stored)
    image = preview_image(derivative)
    assert derivative.status == FileDerivative.Status.READY
    assert (image.width, image.height) == (960, 720)
    assert not image.getexif()
    assert "exif" not in image.info


def test_a_video_without_ffmpeg_gets_no_poster_and_a_placeholder_status(store, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")

    stored = store("les.mp4", MP4_HEADER)

    derivative = FileDerivative.objects.get(stored_file=stored)
    assert derivative.status == FileDerivative.Status.UNAVAILABLE
    assert derivative.preview_name == ""
    assert "ffmpeg" in derivative.error


def test_types_without_preview_or_text_are_marked_unavailable(store):
    stored = store("toon.wav", demo_files.wav_bytes(0.1))

    derivative = FileDerivative.objects.get(stored_file=stored)

    assert derivative.status == FileDerivative.Status.UNAVAILABLE


def test_processing_a_finished_file_again_changes_nothing(store):
    stored = store("a.pdf", demo_files.pdf_bytes("Eenmaal"))
    first = FileDerivative.objects.get(stored_file=stored)

    again = file_derivative_process(stored_file=stored)

    assert again.processed_at == first.processed_at


def test_forcing_derives_again_and_keeps_one_preview(store):
    stored = store("a.pdf", demo_files.pdf_bytes("Opnieuw"))
    first = FileDerivative.objects.get(stored_file=stored)

    again = file_derivative_process(stored_file=stored, force=True)

    assert again.processed_at > first.processed_at
    assert again.preview_name == first.preview_name
    assert materials_storage().exists(again.preview_name)


def test_uploading_with_the_task_queued_does_not_derive_before_commit():
    stored = stored_file_create(
        upload=upload("a.pdf", demo_files.pdf_bytes("Later")), original_name="a.pdf"
    )

    assert not FileDerivative.objects.filter(stored_file=stored).exists()


def test_derive_files_processes_pending_files_only_unless_all_is_asked():
    pending = stored_file_create(
        upload=upload("a.pdf", demo_files.pdf_bytes("Wacht")), original_name="a.pdf"
    )
    done = stored_file_create(
        upload=upload("b.pdf", demo_files.pdf_bytes("Klaar")), original_name="b.pdf"
    )
    file_derivative_process(stored_file=done)
    done_at = FileDerivative.objects.get(stored_file=done).processed_at

    call_command("derive_files", "--pending", stdout=io.StringIO())

    assert FileDerivative.objects.get(stored_file=pending).status == "ready"
    assert FileDerivative.objects.get(stored_file=done).processed_at == done_at

    call_command("derive_files", "--all", stdout=io.StringIO())

    assert FileDerivative.objects.get(stored_file=done).processed_at > done_at


def test_taking_a_file_down_removes_its_preview_and_text(store, django_capture_on_commit_callbacks):
    from repository.services.files import stored_file_take_down
    from tests.accounts.factories import UserFactory

    stored = store("a.pdf", demo_files.pdf_bytes("Weg ermee"))
    preview_name = FileDerivative.objects.get(stored_file=stored).preview_name

    with django_capture_on_commit_callbacks(execute=True):
        stored_file_take_down(stored_file=stored, user=UserFactory(is_superuser=True), reason="X")

    derivative = FileDerivative.objects.get(stored_file=stored)
    assert derivative.text == ""
    assert derivative.preview_name == ""
    assert not materials_storage().exists(preview_name)
