"""Large uploads are hashed and written on a second thread, and nothing is left when they fail."""

import errno
import gc
import hashlib
import os
import threading
from pathlib import Path

import pytest

from repository.upload_handlers import CHUNK_BYTES, HashingTemporaryFileUploadHandler


@pytest.fixture
def upload_dir(settings):
    """The folder temporary uploads go to (the test's own, see tests/conftest.py)."""
    return Path(settings.FILE_UPLOAD_TEMP_DIR)


class FullDisk:
    """A file on a disk that fills up after `room` bytes."""

    def __init__(self, file, room: int):
        self.file, self.room = file, room

    def write(self, data):
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return self.file.write(data)

    def __getattr__(self, name):
        return getattr(self.file, name)


def writer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "upload-writer"]


def start(data_size: int) -> HashingTemporaryFileUploadHandler:
    handler = HashingTemporaryFileUploadHandler()
    handler.new_file("files", "les.mp4", "video/mp4", data_size)
    return handler


def send(handler, data: bytes) -> None:
    for start_at in range(0, len(data), CHUNK_BYTES):
        handler.receive_data_chunk(data[start_at : start_at + CHUNK_BYTES], start_at)


def test_many_chunks_are_written_in_order_and_hashed(upload_dir):
    data = os.urandom(9 * CHUNK_BYTES + 12_345)
    handler = start(len(data))

    send(handler, data)
    received = handler.file_complete(len(data))

    assert received.sha256 == hashlib.sha256(data).hexdigest()
    assert Path(received.temporary_file_path()).read_bytes() == data
    assert received.size == len(data)
    assert not writer_threads()
    received.close()


def test_a_full_disk_fails_the_upload_and_leaves_no_temporary_file(upload_dir):
    data = os.urandom(6 * CHUNK_BYTES)
    handler = start(len(data))
    handler.file.file = FullDisk(handler.file.file, room=2 * CHUNK_BYTES)

    with pytest.raises(OSError, match="No space left"):
        send(handler, data)
        handler.file_complete(len(data))

    assert not any(upload_dir.iterdir())
    assert not writer_threads()


def test_an_interrupted_upload_stops_its_writer_and_leaves_no_temporary_file(upload_dir):
    handler = start(3 * CHUNK_BYTES)
    send(handler, os.urandom(2 * CHUNK_BYTES))

    handler.upload_interrupted()

    assert not any(upload_dir.iterdir())
    assert not writer_threads()


def test_an_upload_abandoned_halfway_stops_its_writer_and_leaves_no_temporary_file(upload_dir):
    handler = start(3 * CHUNK_BYTES)
    send(handler, os.urandom(2 * CHUNK_BYTES))
    assert writer_threads()

    # As when reading the body fails: Django drops the handler without telling it.
    del handler
    gc.collect()

    assert not writer_threads()
    assert not any(upload_dir.iterdir())
