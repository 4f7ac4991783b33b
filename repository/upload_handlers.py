"""Upload handlers: large chunks, and the SHA-256 computed while the bytes arrive."""

import hashlib
import queue
import threading
import weakref

from django.core.files.uploadhandler import MemoryFileUploadHandler, TemporaryFileUploadHandler

# Django reads the request body in the smallest chunk any handler asks for; its default of
# 64 KiB makes a 1 GiB upload cost 16,384 rounds of boundary search and writes.
CHUNK_BYTES = 4 * 1024 * 1024
# Chunks waiting for the writer: what an upload holds in memory, whatever its size.
QUEUED_CHUNKS = 2


class LargeChunkMemoryFileUploadHandler(MemoryFileUploadHandler):
    """Keep small uploads in memory, read in large chunks."""

    chunk_size = CHUNK_BYTES


class _ChunkWriter:
    """Hash and write chunks on a thread of their own, in the order they were handed over.

    Hashing and writing release the GIL, so they run on the second core while the request
    thread receives and parses the next chunk.
    """

    def __init__(self, file, digest):
        self.chunks = queue.Queue(maxsize=QUEUED_CHUNKS)
        self.error: BaseException | None = None
        # The thread holds the file and digest, never the handler, so a handler abandoned
        # halfway (the client went away) is freed and stops its writer.
        self.thread = threading.Thread(
            target=self._run, args=(file, digest), name="upload-writer", daemon=True
        )
        self.thread.start()

    def _run(self, file, digest):
        while (chunk := self.chunks.get()) is not None:
            # After a failure the rest is only drained, so the request thread never blocks.
            if self.error is None:
                try:
                    digest.update(chunk)
                    file.write(chunk)
                except BaseException as error:  # re-raised in the request thread
                    self.error = error

    def put(self, chunk: bytes) -> None:
        self.chunks.put(chunk)

    def stop(self) -> None:
        """Wait until every chunk handed over is written."""
        self.chunks.put(None)
        # A garbage collection that frees the handler may run on the writer thread itself.
        if threading.current_thread() is not self.thread:
            self.thread.join()


class HashingTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Write large uploads to a temporary file, hashing them on the way in.

    The file gets a `sha256` attribute, so storing it does not read the bytes a second time.
    """

    chunk_size = CHUNK_BYTES

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.digest = hashlib.sha256()
        self.writer = _ChunkWriter(self.file, self.digest)
        # Django calls neither file_complete nor upload_interrupted when reading the body
        # fails; the writer then stops when the handler is freed, before its file is removed.
        self._stop_writer = weakref.finalize(self, self.writer.stop)

    def receive_data_chunk(self, raw_data, start):
        self._raise_write_error()
        self.writer.put(raw_data)

    def file_complete(self, file_size):
        self._stop_writer()
        self._raise_write_error()
        upload = super().file_complete(file_size)
        upload.sha256 = self.digest.hexdigest()
        return upload

    def upload_interrupted(self):
        if hasattr(self, "writer"):
            self._stop_writer()
        super().upload_interrupted()

    def _raise_write_error(self) -> None:
        if (error := self.writer.error) is not None:
            self._stop_writer()
            # The upload cannot be completed: its temporary file goes now, not at exit.
            super().upload_interrupted()
            raise error
