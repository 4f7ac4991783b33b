"""Which files a material may hold, decided from their bytes (libmagic), never from names."""

import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import magic
from PIL import Image

from repository.archive_checks import h5p_contents_problem, zip_structure_problem

SNIFF_BYTES = 2 * 1024 * 1024
MAX_FILENAME_CHARS = 200
# Control characters, and the marks that reorder text (bidi overrides and isolates, LRM/RLM).
UNSHOWABLE_CHARACTERS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
WINDOWS_FORBIDDEN_CHARACTERS = re.compile(r'[<>:"|?*]')
WINDOWS_RESERVED_NAMES = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{number}" for number in range(1, 10)),
    *(f"LPT{number}" for number in range(1, 10)),
}
# Images whose header promises more pixels than Pillow decodes safely are refused unread.
MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS


@dataclass(frozen=True)
class FileType:
    mime_type: str
    extensions: tuple[str, ...]
    label: str
    category: str

    @property
    def extension(self) -> str:
        return self.extensions[0]


def _types(*rows) -> dict[str, FileType]:
    return {row[0]: FileType(*row) for row in rows}


ALLOWED_TYPES = _types(
    ("application/pdf", ("pdf",), gettext_lazy("PDF-document"), "document"),
    (
        "application/vnd.oasis.opendocument.text",
        ("odt",),
        gettext_lazy("tekstdocument (ODT)"),
        "document",
    ),
    (
        "application/vnd.oasis.opendocument.spreadsheet",
        ("ods",),
        gettext_lazy("rekenblad (ODS)"),
        "document",
    ),
    (
        "application/vnd.oasis.opendocument.presentation",
        ("odp",),
        gettext_lazy("presentatie (ODP)"),
        "document",
    ),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ("docx",),
        gettext_lazy("Word-document"),
        "document",
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ("xlsx",),
        gettext_lazy("Excel-rekenblad"),
        "document",
    ),
    (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ("pptx",),
        gettext_lazy("PowerPoint-presentatie"),
        "document",
    ),
    ("application/epub+zip", ("epub",), gettext_lazy("e-book (EPUB)"), "document"),
    ("image/png", ("png",), gettext_lazy("afbeelding (PNG)"), "image"),
    ("image/jpeg", ("jpg", "jpeg"), gettext_lazy("foto (JPEG)"), "image"),
    ("image/gif", ("gif",), gettext_lazy("afbeelding (GIF)"), "image"),
    ("image/webp", ("webp",), gettext_lazy("afbeelding (WebP)"), "image"),
    ("audio/mpeg", ("mp3",), gettext_lazy("geluid (MP3)"), "audio"),
    ("audio/ogg", ("ogg", "oga", "opus"), gettext_lazy("geluid (Ogg)"), "audio"),
    ("audio/x-wav", ("wav",), gettext_lazy("geluid (WAV)"), "audio"),
    ("audio/flac", ("flac",), gettext_lazy("geluid (FLAC)"), "audio"),
    ("audio/x-m4a", ("m4a",), gettext_lazy("geluid (M4A)"), "audio"),
    ("video/mp4", ("mp4", "m4v"), gettext_lazy("video (MP4)"), "video"),
    ("video/webm", ("webm",), gettext_lazy("video (WebM)"), "video"),
    ("video/ogg", ("ogv",), gettext_lazy("video (Ogg)"), "video"),
    ("text/plain", ("txt", "md", "markdown"), gettext_lazy("tekstbestand"), "text"),
    ("text/vtt", ("vtt",), gettext_lazy("ondertiteling (WebVTT)"), "text"),
    ("application/zip", ("zip",), gettext_lazy("ZIP met webpagina's"), "archive"),
    ("application/h5p+zip", ("h5p",), gettext_lazy("interactieve oefening (H5P)"), "archive"),
)

# libmagic's names for some allowed types differ between versions.
MIME_ALIASES = {
    "audio/wav": "audio/x-wav",
    "audio/vnd.wave": "audio/x-wav",
    "audio/x-flac": "audio/flac",
    "audio/mp4": "audio/x-m4a",
    "text/markdown": "text/plain",
    "text/x-markdown": "text/plain",
}

OOXML = "application/vnd.openxmlformats-officedocument"
OOXML_MARKERS = {
    "word/document.xml": f"{OOXML}.wordprocessingml.document",
    "xl/workbook.xml": f"{OOXML}.spreadsheetml.sheet",
    "ppt/presentation.xml": f"{OOXML}.presentationml.presentation",
}
ZIP_MIME_TYPES = {"application/zip", "application/x-zip-compressed", "application/octet-stream"}
STATIC_WEB_EXTENSIONS = {
    "html",
    "htm",
    "css",
    "js",
    "json",
    "txt",
    "md",
    "xml",
    "svg",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
    "ico",
    "woff",
    "woff2",
    "ttf",
    "otf",
    "mp3",
    "ogg",
    "wav",
    "mp4",
    "webm",
    "vtt",
    "pdf",
}

DESCRIBED_TYPES = {
    "text/html": gettext_lazy("een webpagina (HTML)"),
    "application/x-dosexec": gettext_lazy("een programma"),
    "application/x-executable": gettext_lazy("een programma"),
    "image/svg+xml": gettext_lazy("een SVG-afbeelding"),
    "application/x-shellscript": gettext_lazy("een script"),
    "text/x-shellscript": gettext_lazy("een script"),
}


class FileRefused(ValueError):
    """A file the platform will not store, with a message for the person who uploaded it."""


def display_filename(name: str, fallback: str = "bestand") -> str:
    """Return a file name safe to show and to save anywhere: one plain name, no tricks.

    Drops folders, control characters and the bidirectional overrides that can make
    'foto‮gpj.exe' read as 'fotoexe.jpg'; avoids names Windows reserves; keeps the extension.
    """
    name = unicodedata.normalize("NFC", name)
    name = UNSHOWABLE_CHARACTERS.sub("", name)
    name = re.split(r"[/\\]", name)[-1]
    name = WINDOWS_FORBIDDEN_CHARACTERS.sub("_", name).strip(" .")
    if not name:
        return fallback
    stem, dot, extension = name.rpartition(".")
    if not dot or len(extension) > 10:
        stem, dot, extension = name, "", ""
    if stem.split(".")[0].upper() in WINDOWS_RESERVED_NAMES:
        stem = f"_{stem}"
    return stem[: MAX_FILENAME_CHARS - len(dot + extension)].rstrip(" .") + dot + extension


def _zip_names(handle: IO[bytes]) -> list[str] | None:
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            return archive.namelist()
    except zipfile.BadZipFile:
        return None
    finally:
        handle.seek(0)


def _zip_member(handle: IO[bytes], name: str, limit: int = 200) -> bytes:
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive, archive.open(name) as member:
            return member.read(limit)
    finally:
        handle.seek(0)


def _refine_zip(mime_type: str, handle: IO[bytes], extension: str) -> str:
    """Tell the zip-based formats apart by their contents, as libmagic cannot always."""
    names = _zip_names(handle)
    if names is None:
        return mime_type
    if "mimetype" in names:
        declared = _zip_member(handle, "mimetype").decode("ascii", "replace").strip()
        if declared in ALLOWED_TYPES:
            return declared
    if "[Content_Types].xml" in names:
        for marker, ooxml_type in OOXML_MARKERS.items():
            if marker in names:
                return ooxml_type
    if "h5p.json" in names and extension == "h5p":
        return "application/h5p+zip"
    return "application/zip" if mime_type in ZIP_MIME_TYPES else mime_type


def _check_archive_contents(file_type: FileType, handle: IO[bytes], display_name: str) -> None:
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            names = archive.namelist()
            problem = zip_structure_problem(archive, display_name)
    except zipfile.BadZipFile:
        # Not a ZIP at all (a PDF, say): nothing inside to check.
        return
    finally:
        handle.seek(0)
    if problem:
        raise FileRefused(problem)
    lowered = [name.lower() for name in names]
    if any(name.endswith("vbaproject.bin") or name.startswith("basic/") for name in lowered):
        raise FileRefused(
            _("‘%(name)s’ bevat macro's. Bewaar het bestand zonder macro's en probeer het opnieuw.")
            % {"name": display_name}
        )
    if file_type.mime_type == "application/h5p+zip" and (
        problem := h5p_contents_problem(names, display_name)
    ):
        raise FileRefused(problem)
    if file_type.mime_type == "application/zip":
        unexpected = sorted(
            {
                PurePosixPath(name).suffix.lstrip(".") or name
                for name in lowered
                if not name.endswith("/")
                and PurePosixPath(name).suffix.lstrip(".") not in STATIC_WEB_EXTENSIONS
            }
        )
        if unexpected:
            raise FileRefused(
                _(
                    "‘%(name)s’ bevat bestanden die niet in een webpagina horen (%(kinds)s). "
                    "Een ZIP mag alleen HTML, CSS, JavaScript, afbeeldingen, geluid en video "
                    "bevatten."
                )
                % {"name": display_name, "kinds": ", ".join(unexpected[:5])}
            )


def _check_image_size(handle: IO[bytes], display_name: str) -> None:
    """Refuse decompression bombs from the image header, before any pixel is decoded."""
    handle.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(handle) as image:
                too_large = image.width * image.height > MAX_IMAGE_PIXELS
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        too_large = True
    except OSError:
        # libmagic calls it an image but Pillow cannot read it: the preview will say so.
        too_large = False
    finally:
        handle.seek(0)
    if too_large:
        raise FileRefused(
            _(
                "‘%(name)s’ is een te grote afbeelding: hoogstens %(limit)s megapixel is "
                "toegestaan. Verklein de afbeelding en probeer het opnieuw."
            )
            % {"name": display_name, "limit": MAX_IMAGE_PIXELS // 1_000_000}
        )


def detect_file_type(handle: IO[bytes], display_name: str, path: str | None = None) -> FileType:
    """Return the allowed type of these bytes, or raise FileRefused with a Dutch explanation."""
    if path:
        detected = magic.from_file(path, mime=True)
    else:
        handle.seek(0)
        detected = magic.from_buffer(handle.read(SNIFF_BYTES), mime=True)
        handle.seek(0)
    extension = PurePosixPath(display_name.lower()).suffix.lstrip(".")
    detected = MIME_ALIASES.get(detected, detected)
    if (
        detected in ZIP_MIME_TYPES
        or detected.startswith("application/vnd.")
        or detected in ("application/epub+zip",)
    ):
        detected = _refine_zip(detected, handle, extension)
    file_type = ALLOWED_TYPES.get(detected)
    if file_type is None:
        described = DESCRIBED_TYPES.get(detected)
        if described and extension:
            message = _(
                "‘%(name)s’ heet een .%(extension)s-bestand, maar is eigenlijk %(actual)s. "
                "Zulke bestanden kunnen we niet opslaan."
            ) % {"name": display_name, "extension": extension, "actual": described}
        else:
            message = _(
                "We kunnen ‘%(name)s’ niet opslaan: dit soort bestand (%(type)s) is niet "
                "toegestaan. Toegestaan zijn onder meer PDF, ODF- en Office-documenten, "
                "EPUB, afbeeldingen, geluid, video, tekst en H5P."
            ) % {"name": display_name, "type": detected}
        raise FileRefused(message)
    if extension and extension not in file_type.extensions:
        raise FileRefused(
            _(
                "‘%(name)s’ heet een .%(extension)s-bestand, maar is eigenlijk een %(actual)s. "
                "Geef het bestand de juiste extensie (.%(expected)s) en probeer het opnieuw."
            )
            % {
                "name": display_name,
                "extension": extension,
                "actual": file_type.label,
                "expected": file_type.extension,
            }
        )
    if file_type.category in ("archive", "document"):
        _check_archive_contents(file_type, handle, display_name)
    if file_type.category == "image":
        _check_image_size(handle, display_name)
    return file_type
