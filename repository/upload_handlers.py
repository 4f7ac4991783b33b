"""Upload handlers: large chunks, and the SHA-256 computed while the bytes arrive."""

import hashlib

from django.core.files.uploadhandler import MemoryFileUploadHandler, TemporaryFileUploadHandler

# Django reads the request body in the smallest chunk any handler asks for; its default of
# 64 KiB makes a 1 GiB upload cost 16,384 rounds of boundary search and writes.
CHUNK_BYTES = 4 * 1024 * 1024


class LargeChunkMemoryFileUploadHandler(MemoryFileUploadHandler):
    """Keep small uploads in memory, read in large chunks."""

    chunk_size = CHUNK_BYTES


class HashingTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Write large uploads to a temporary file, hashing them on the way in.

    The file gets a `sha256` attribute, so storing it does not read the bytes a second time.
    """

    chunk_size = CHUNK_BYTES

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.digest = hashlib.sha256()

    def receive_data_chunk(self, raw_data, start):
        self.digest.update(raw_data)
        return super().receive_data_chunk(raw_data, start)

    def file_complete(self, file_size):
        upload = super().file_complete(file_size)
        upload.sha256 = self.digest.hexdigest()
        return upload
