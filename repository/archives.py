"""A whole material version as one ZIP: every file plus NAAMSVERMELDING.txt."""

import io
from collections.abc import Iterator
from contextlib import closing

from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _

from repository.attribution import Attribution
from repository.models import MaterialVersion, VersionFile
from repository.services.files import materials_storage
from repository.zipstream import ZipMember, unique_member_names, zip_stream

ATTRIBUTION_NAME = "NAAMSVERMELDING.txt"


def open_stored(storage_name: str):
    """Open stored bytes for reading in chunks, also on S3."""
    handle = materials_storage().open(storage_name, "rb")
    s3_object = getattr(handle, "obj", None)
    if s3_object is not None:
        # django-storages' S3File first downloads the whole object, by default into memory.
        return closing(s3_object.get()["Body"])
    return handle


def stored_files_reachable(storage_names: list[str]) -> None:
    """Open the first stored file now, raising when the storage cannot be read.

    A ZIP is streamed: once its first bytes are sent, a failing read can only cut it off.
    Checking before the response starts turns an unreachable storage into the 503 page.
    """
    if storage_names:
        with open_stored(storage_names[0]):
            pass


def archive_filename(version: MaterialVersion) -> str:
    return f"{slugify(version.title) or 'leermiddel'}-v{version.number}.zip"


def attribution_file_text(
    version: MaterialVersion,
    attribution: Attribution,
    *,
    included: list[str],
    left_out: list[str],
) -> str:
    """Return NAAMSVERMELDING.txt: who made it, under which licence, and what is inside."""
    lines = [
        _("Naamsvermelding"),
        "",
        attribution.text,
        "",
        _("Licentie: %(licence)s") % {"licence": attribution.licence_label},
    ]
    if attribution.licence is not None:
        lines += [attribution.licence.url, str(attribution.licence.explanation)]
    lines += [
        "",
        _("Versie %(number)s, gepubliceerd op %(date)s.")
        % {
            "number": version.number,
            "date": formats.date_format(version.published_at, "j F Y"),
        },
    ]
    if version.change_note:
        lines.append(_("Wat is er veranderd: %(note)s") % {"note": version.change_note})
    lines += ["", _("Bestanden in deze ZIP:"), *(f"- {name}" for name in included)]
    if left_out:
        lines += [
            "",
            _("Om juridische redenen van het platform verwijderd en daarom niet opgenomen:"),
            *(f"- {name}" for name in left_out),
        ]
    return "\r\n".join(lines) + "\r\n"


def version_zip_chunks(
    version: MaterialVersion, files: list[VersionFile], attribution: Attribution
) -> Iterator[bytes]:
    """Yield the ZIP of a version's available files and its attribution file, chunk by chunk."""
    available = [f for f in files if not f.stored_file.is_removed]
    left_out = [f.original_name for f in files if f.stored_file.is_removed]
    names = unique_member_names([f.original_name for f in available], reserved=[ATTRIBUTION_NAME])
    text = attribution_file_text(version, attribution, included=names, left_out=left_out)
    encoded = text.encode("utf-8")
    members = [
        ZipMember(
            name=ATTRIBUTION_NAME,
            open=lambda: io.BytesIO(encoded),
            size=len(encoded),
            mime_type="text/plain",
        ),
        *(
            ZipMember(
                name=name,
                open=lambda storage_name=f.stored_file.storage_name: open_stored(storage_name),
                size=f.stored_file.size,
                mime_type=f.stored_file.mime_type,
            )
            for name, f in zip(names, available, strict=True)
        ),
    ]
    stored_files_reachable([f.stored_file.storage_name for f in available])
    return zip_stream(members)
