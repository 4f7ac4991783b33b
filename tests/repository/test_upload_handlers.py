"""Large uploads are hashed while they arrive and moved, not copied, into storage."""

import hashlib
from pathlib import Path

from django.core.files.storage import storages
from django.urls import reverse

import pytest

from repository import demo_files
from repository.models import StoredFile
from repository.upload_handlers import CHUNK_BYTES, HashingTemporaryFileUploadHandler
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import upload

pytestmark = pytest.mark.django_db


def test_the_handler_hashes_the_bytes_as_they_arrive(settings, tmp_path):
    data = b"%PDF-1.4\n" + bytes(range(256)) * 50_000
    handler = HashingTemporaryFileUploadHandler()
    handler.new_file("files", "les.pdf", "application/pdf", len(data))
    for start in range(0, len(data), CHUNK_BYTES):
        handler.receive_data_chunk(data[start : start + CHUNK_BYTES], start)

    received = handler.file_complete(len(data))

    assert received.sha256 == hashlib.sha256(data).hexdigest()
    assert Path(received.temporary_file_path()).parent == Path(settings.FILE_UPLOAD_TEMP_DIR)
    received.close()


def test_a_large_upload_is_stored_under_its_hash_and_leaves_no_temporary_file(client, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    client.force_login(TeacherFactory())
    data = demo_files.pdf_bytes("Breuken vergelijken", ["regel"] * 400)
    assert len(data) > 1024

    response = client.post(
        reverse("repository:material_upload"),
        {"files": [upload("breuken.pdf", data)]},
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == 201
    stored = StoredFile.objects.get()
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    with storages["materials"].open(stored.storage_name) as blob:
        assert blob.read() == data
    assert not any(Path(settings.FILE_UPLOAD_TEMP_DIR).iterdir())
