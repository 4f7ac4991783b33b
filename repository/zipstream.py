"""A ZIP archive produced as a stream of chunks, in constant memory, whatever the files' sizes.

`zipfile` writes to any object with `write()`; on an unseekable one it puts sizes and CRC
after each member (data descriptors), so nothing has to be held back to patch up later.
"""

import io
import re
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

CHUNK_BYTES = 64 * 1024
MAX_NAME_CHARS = 120
# Types that are compressed already; deflating them again costs time and gains nothing.
COMPRESSED_PREFIXES = ("image/", "audio/", "video/", "application/zip", "application/vnd.")
UNSAFE_NAME_CHARACTERS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


@dataclass(frozen=True)
class ZipMember:
    name: str
    open: Callable[[], IO[bytes]]
    size: int
    mime_type: str = "application/octet-stream"


class _Drain(io.RawIOBase):
    """A write-only, unseekable sink whose bytes are taken out after every write."""

    def __init__(self):
        self._chunks: list[bytes] = []
        self._written = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        self._written += len(data)
        return len(data)

    def tell(self) -> int:
        # zipfile records offsets for the central directory from this, without seeking.
        return self._written

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def safe_member_name(name: str, fallback: str = "bestand") -> str:
    """Return a name that unpacks safely anywhere: no folders, control or reserved characters."""
    name = unicodedata.normalize("NFC", name)
    name = UNSAFE_NAME_CHARACTERS.sub("_", name).strip().lstrip(".").strip()
    if not name:
        return fallback
    path = PurePosixPath(name)
    suffix = path.suffix if len(path.suffix) <= 10 else ""
    stem = name[: len(name) - len(suffix)] if suffix else name
    return stem[: MAX_NAME_CHARS - len(suffix)] + suffix


def unique_member_names(names: Iterable[str], *, reserved: Iterable[str] = ()) -> list[str]:
    """Sanitise names and number duplicates (‘blad.pdf’, ‘blad (2).pdf’), ignoring case."""
    taken = {name.casefold() for name in reserved}
    result = []
    for original in names:
        name = safe_member_name(original)
        path = PurePosixPath(name)
        stem, suffix = (name[: -len(path.suffix)], path.suffix) if path.suffix else (name, "")
        candidate, number = name, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem} ({number}){suffix}"
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


def _compression(mime_type: str) -> tuple[int, int | None]:
    if mime_type.startswith(COMPRESSED_PREFIXES):
        # Still deflate (level 1): some unzippers mishandle stored members with data descriptors.
        return zipfile.ZIP_DEFLATED, 1
    return zipfile.ZIP_DEFLATED, 6


def zip_stream(members: Iterable[ZipMember]) -> Iterator[bytes]:
    """Yield a ZIP archive of the members chunk by chunk, reading each file in chunks."""
    sink = _Drain()
    date_time = time.localtime()[:6]
    with zipfile.ZipFile(sink, mode="w", allowZip64=True) as archive:
        for member in members:
            info = zipfile.ZipInfo(member.name, date_time=date_time)
            info.compress_type, compress_level = _compression(member.mime_type)
            info._compresslevel = compress_level
            info.file_size = member.size
            info.external_attr = 0o644 << 16
            with member.open() as source, archive.open(info, mode="w") as target:
                while chunk := source.read(CHUNK_BYTES):
                    target.write(chunk)
                    if data := sink.take():
                        yield data
            if data := sink.take():
                yield data
    if data := sink.take():
        yield data
