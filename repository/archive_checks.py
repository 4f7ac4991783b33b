"""What an uploaded ZIP-based file (ZIP, H5P, EPUB, OOXML, ODF) may not contain.

Each check returns a Dutch message for the uploader, or None when the archive is fine. Sizes
are the ones the archive declares: unzipping stops there, so they bound what it produces.
"""

import io
import re
import stat
import zipfile
from pathlib import PurePosixPath

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_ARCHIVE_ENTRIES = 10_000
MAX_ARCHIVE_UNPACKED_BYTES = 2 * 1024**3
# Legitimate XML and text rarely pack beyond 1:100; zip bombs reach 1:1000 and more.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_FROM_BYTES = 1024 * 1024
# An office document may embed a spreadsheet (one level); deeper nesting is refused.
MAX_ARCHIVE_DEPTH = 1
MAX_NESTED_ARCHIVE_BYTES = 100 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
WINDOWS_DRIVE = re.compile(r"^[a-zA-Z]:")
MEMBER_NAME_SHOWN = 80

# An H5P package holds h5p.json, the exercise's content (data and media) and the libraries
# that play it. We never run a package on our origin; the allow-list keeps other files out.
H5P_CONTENT_EXTENSIONS = {
    *("json", "txt", "csv", "md", "vtt", "pdf"),
    *("png", "jpg", "jpeg", "gif", "webp", "svg"),
    *("mp3", "m4a", "ogg", "oga", "wav", "mp4", "webm", "ogv"),
}
H5P_LIBRARY_EXTENSIONS = {
    *H5P_CONTENT_EXTENSIONS,
    "js",
    "css",
    "woff",
    "woff2",
    "ttf",
    "otf",
    "eot",
}
H5P_LIBRARY_FOLDER = re.compile(r"^[A-Za-z0-9_.]+-\d+\.\d+$")


def _has_unsafe_path(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (
        "\\" in name
        or "\x00" in name
        or name.startswith("/")
        or bool(WINDOWS_DRIVE.match(name))
        or ".." in parts
    )


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _is_packed_suspiciously(info: zipfile.ZipInfo) -> bool:
    return info.file_size >= RATIO_CHECK_FROM_BYTES and info.file_size > (
        MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
    )


def _member_problem(info: zipfile.ZipInfo, display_name: str) -> str | None:
    params = {"name": display_name, "member": info.filename[:MEMBER_NAME_SHOWN]}
    if _has_unsafe_path(info.filename):
        return _("‘%(name)s’ bevat een bestand met een ongeldige plek (%(member)s).") % params
    if _is_link(info):
        return (
            _(
                "‘%(name)s’ bevat een snelkoppeling (%(member)s). Vervang die door het bestand "
                "zelf en probeer het opnieuw."
            )
            % params
        )
    if info.flag_bits & 0x1:
        return (
            _(
                "‘%(name)s’ bevat een versleuteld bestand (%(member)s). Sla het op zonder "
                "wachtwoord en probeer het opnieuw."
            )
            % params
        )
    if _is_packed_suspiciously(info):
        return (
            _(
                "‘%(name)s’ bevat een bestand dat verdacht sterk is ingepakt (%(member)s). Zulke "
                "archieven kunnen we niet opslaan."
            )
            % params
        )
    return None


def _nested_zip_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    """Return the start of a member that is itself a ZIP archive (at most the limit + 1)."""
    with archive.open(info) as member:
        head = member.read(len(ZIP_MAGIC))
        if head != ZIP_MAGIC:
            return None
        return head + member.read(MAX_NESTED_ARCHIVE_BYTES + 1 - len(head))


def zip_structure_problem(
    archive: zipfile.ZipFile, display_name: str, depth: int = 0
) -> str | None:
    """Find zip bombs, archives nested too deep, paths out of the archive, links, encryption."""
    infos = archive.infolist()
    if len(infos) > MAX_ARCHIVE_ENTRIES:
        return _("‘%(name)s’ bevat te veel bestanden: hoogstens %(limit)s zijn toegestaan.") % {
            "name": display_name,
            "limit": MAX_ARCHIVE_ENTRIES,
        }
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_ARCHIVE_UNPACKED_BYTES:
        return _(
            "‘%(name)s’ wordt uitgepakt %(size)s groot; hoogstens %(limit)s is toegestaan."
        ) % {
            "name": display_name,
            "size": filesizeformat(unpacked),
            "limit": filesizeformat(MAX_ARCHIVE_UNPACKED_BYTES),
        }
    for info in infos:
        problem = _member_problem(info, display_name)
        if problem:
            return problem
        if info.is_dir():
            continue
        try:
            nested = _nested_zip_bytes(archive, info)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError):
            return _("‘%(name)s’ is beschadigd of gebruikt een onbekende inpakmethode.") % {
                "name": display_name
            }
        if nested is None:
            continue
        if depth >= MAX_ARCHIVE_DEPTH or len(nested) > MAX_NESTED_ARCHIVE_BYTES:
            return _(
                "‘%(name)s’ bevat archieven in archieven. Pak ze uit en lever de bestanden los aan."
            ) % {"name": display_name}
        try:
            inner = zipfile.ZipFile(io.BytesIO(nested))
        except zipfile.BadZipFile:
            # Starts like a ZIP but is none: plain bytes, nothing to unpack.
            continue
        with inner:
            problem = zip_structure_problem(inner, display_name, depth + 1)
        if problem:
            return problem
    return None


def h5p_contents_problem(names: list[str], display_name: str) -> str | None:
    """Check an H5P package against its layout and the allow-list of file kinds."""
    files = [name for name in names if not name.endswith("/")]
    if "content/content.json" not in files:
        return _("‘%(name)s’ is geen geldig H5P-pakket: content/content.json ontbreekt.") % {
            "name": display_name
        }
    unexpected = set()
    for name in files:
        path = PurePosixPath(name)
        extension = path.suffix.lower().lstrip(".")
        top = path.parts[0]
        allowed = (
            name == "h5p.json"
            or (top == "content" and extension in H5P_CONTENT_EXTENSIONS)
            or (H5P_LIBRARY_FOLDER.match(top) and extension in H5P_LIBRARY_EXTENSIONS)
        )
        if not allowed:
            unexpected.add(extension or path.name)
    if not unexpected:
        return None
    return _(
        "‘%(name)s’ bevat bestanden die niet in een H5P-pakket horen (%(kinds)s). Exporteer de "
        "oefening opnieuw vanuit H5P en probeer het nog eens."
    ) % {"name": display_name, "kinds": ", ".join(sorted(unexpected)[:5])}
