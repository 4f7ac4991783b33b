"""Deriving reads a stored file in place when it is on this disk, and not at all when pointless."""

from django.core.files.storage import FileSystemStorage, Storage

import pytest

from repository import demo_files
from repository.models import FileDerivative
from repository.services.derivatives import file_derivative_process
from repository.services.files import stored_file_create
from tests.reliability.storages import UnreadableStorage, use_materials_storage
from tests.repository.factories import upload

pytestmark = pytest.mark.django_db

MP4_HEADER = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 200


class ObjectStorage(Storage):
    """Keeps files on this disk behind an object store's interface: no local paths."""

    def __init__(self, **options):
        self.disk = FileSystemStorage(**options)

    def _open(self, name, mode="rb"):
        return self.disk.open(name, mode)

    def _save(self, name, content):
        return self.disk.save(name, content)

    def exists(self, name):
        return self.disk.exists(name)

    def delete(self, name):
        self.disk.delete(name)


class UnreadableObjectStorage(ObjectStorage):
    """Has no local paths and does not answer reads, as a bucket that stopped answering."""

    def _open(self, name, mode="rb"):
        raise OSError("storage did not answer the read")


def stored(name: str, data: bytes):
    return stored_file_create(upload=upload(name, data), original_name=name)


def test_a_file_on_local_disk_is_derived_in_place_without_opening_it_through_the_storage(
    settings,
):
    pdf = stored("breuken.pdf", demo_files.pdf_bytes("Breuken", ["Alleen in de PDF: zebra"]))
    use_materials_storage(settings, UnreadableStorage)

    derivative = file_derivative_process(stored_file=pdf, force=True)

    assert derivative.status == FileDerivative.Status.READY
    assert "zebra" in derivative.text
    assert derivative.preview_name


def test_a_file_in_an_object_store_is_copied_down_to_derive(settings, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    pdf = stored("breuken.pdf", demo_files.pdf_bytes("Breuken", ["Alleen in de PDF: zebra"]))
    use_materials_storage(settings, ObjectStorage)

    derivative = file_derivative_process(stored_file=pdf, force=True)

    assert derivative.status == FileDerivative.Status.READY
    assert "zebra" in derivative.text


def test_a_video_without_ffmpeg_is_not_read_at_all(settings, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    video = stored("les.mp4", MP4_HEADER)
    use_materials_storage(settings, UnreadableObjectStorage)

    derivative = file_derivative_process(stored_file=video, force=True)

    assert derivative.status == FileDerivative.Status.UNAVAILABLE
    assert derivative.error == "ffmpeg is not installed"


def test_a_type_without_preview_or_text_is_not_read_at_all(settings):
    sound = stored("toon.wav", demo_files.wav_bytes(0.1))
    use_materials_storage(settings, UnreadableObjectStorage)

    derivative = file_derivative_process(stored_file=sound, force=True)

    assert derivative.status == FileDerivative.Status.UNAVAILABLE
    assert derivative.error == ""


def test_an_unreadable_object_store_is_recorded_as_failed_not_raised(settings):
    pdf = stored("breuken.pdf", demo_files.pdf_bytes("Breuken"))
    use_materials_storage(settings, UnreadableObjectStorage)

    derivative = file_derivative_process(stored_file=pdf, force=True)

    assert derivative.status == FileDerivative.Status.FAILED
    assert "storage did not answer the read" in derivative.error


def test_ffmpeg_gone_between_the_check_and_the_poster_frame_leaves_a_placeholder(
    settings, monkeypatch
):
    from repository import previews

    video = stored("les.mp4", MP4_HEADER)
    monkeypatch.setattr(previews, "ffmpeg_available", lambda: True)
    monkeypatch.setenv("PATH", "/nonexistent")

    derivative = file_derivative_process(stored_file=video, force=True)

    assert derivative.status == FileDerivative.Status.UNAVAILABLE
    assert "ffmpeg" in derivative.error
