"""Refuse polyglots: bytes that pass as an allowed type but also carry a second format.

libmagic names only the first format it recognises. A PDF or photo whose first kilobyte holds a
web page, or which ends in a ZIP, reads as something else to a browser sniffing the content or
to an unpacking tool; a ZIP with bytes in front of it hides whatever those bytes are.
"""

import re
import zipfile
from typing import IO

from django.utils.translation import gettext as _

from repository.filetypes import FileRefused, FileType

PROLOGUE_BYTES = 1024
# Markup a browser would render or run. Binary formats never need these near their start.
MARKUP_PROLOGUE = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|script|svg|iframe|object|embed|\?php)[\s>/]",
    re.IGNORECASE,
)
ZIP_LOCAL_HEADER = b"PK\x03\x04"
# Text is allowed to talk about markup, and ZIPs of web pages contain it by design; both are
# checked by other means (text is served as text/plain attachments, ZIPs below).
PROLOGUE_CATEGORIES = {"image", "audio", "video"}
PROLOGUE_MIME_TYPES = {"application/pdf"}
ZIP_BASED_CATEGORIES = {"archive"}


def _is_zip_based(handle: IO[bytes]) -> bool:
    handle.seek(0)
    try:
        return handle.read(4) == ZIP_LOCAL_HEADER
    finally:
        handle.seek(0)


def _has_appended_zip(handle: IO[bytes]) -> bool:
    """Tell whether a readable ZIP central directory sits at the end of these bytes."""
    handle.seek(0)
    try:
        if not zipfile.is_zipfile(handle):
            return False
        handle.seek(0)
        # A stray end-of-archive signature in compressed data is not enough: the directory
        # it points to must list at least one member.
        with zipfile.ZipFile(handle) as archive:
            return bool(archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    finally:
        handle.seek(0)


def _zip_has_leading_bytes(handle: IO[bytes]) -> bool:
    """Tell whether anything precedes a ZIP's first member (a page or program in front of it)."""
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            offsets = [info.header_offset for info in archive.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    finally:
        handle.seek(0)
    return bool(offsets) and min(offsets) > 0


def polyglot_check(handle: IO[bytes], file_type: FileType, display_name: str) -> None:
    """Raise FileRefused when the bytes of this allowed type also carry a second format."""
    if file_type.category in PROLOGUE_CATEGORIES or file_type.mime_type in PROLOGUE_MIME_TYPES:
        handle.seek(0)
        prologue = handle.read(PROLOGUE_BYTES)
        handle.seek(0)
        if MARKUP_PROLOGUE.search(prologue):
            raise FileRefused(
                _(
                    "‘%(name)s’ is een %(type)s, maar bevat ook een webpagina of script. Zulke "
                    "dubbele bestanden slaan we niet op. Sla het bestand opnieuw op vanuit het "
                    "programma waarmee je het maakte."
                )
                % {"name": display_name, "type": file_type.label}
            )
        if not _is_zip_based(handle) and _has_appended_zip(handle):
            raise FileRefused(
                _(
                    "‘%(name)s’ is een %(type)s, maar er zit ook een ZIP-archief in verstopt. "
                    "Zulke dubbele bestanden slaan we niet op."
                )
                % {"name": display_name, "type": file_type.label}
            )
    elif (file_type.category in ZIP_BASED_CATEGORIES or _is_zip_like(file_type)) and (
        _zip_has_leading_bytes(handle)
    ):
        raise FileRefused(
            _(
                "‘%(name)s’ is een %(type)s, maar er staat iets anders vóór het archief. Zulke "
                "dubbele bestanden slaan we niet op."
            )
            % {"name": display_name, "type": file_type.label}
        )


def _is_zip_like(file_type: FileType) -> bool:
    # ODF, OOXML and EPUB are ZIP containers too.
    return file_type.category == "document" and file_type.mime_type != "application/pdf"
