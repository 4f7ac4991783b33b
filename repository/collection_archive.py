"""A whole collection as one ZIP: a folder per material plus one NAAMSVERMELDING.txt for all."""

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _

from metadata.licences import LICENCES
from repository.archives import ATTRIBUTION_NAME, open_stored, stored_files_reachable
from repository.attribution import Attribution, attribution_for_version
from repository.models import Collection, MaterialSource, VersionFile
from repository.selectors.collections import CollectionEntry
from repository.zipstream import ZipMember, safe_member_name, unique_member_names, zip_stream

# Items' details sit under their numbered line, so the file reads as a list.
INDENT = "   "


@dataclass(frozen=True)
class _Folder:
    entry: CollectionEntry
    name: str
    files: list[tuple[str, VersionFile]]
    left_out: list[str]


def collection_archive_filename(collection: Collection) -> str:
    return f"{slugify(collection.title) or 'arrangement'}.zip"


def _folders(entries: list[CollectionEntry]) -> list[_Folder]:
    folders = []
    for entry in entries:
        if entry.is_section or not entry.is_available:
            continue
        files = list(entry.version.files.all())
        available = [f for f in files if not f.stored_file.is_removed]
        names = unique_member_names([f.original_name for f in available])
        folders.append(
            _Folder(
                entry=entry,
                name=safe_member_name(f"{entry.position:02d} {entry.title}"),
                files=list(zip(names, available, strict=True)),
                left_out=[f.original_name for f in files if f.stored_file.is_removed],
            )
        )
    return folders


def _source_lines(source: MaterialSource) -> list[str]:
    """Return a remix source's attribution and, indented, the chain it inherited."""
    licence = LICENCES.get(source.licence)
    line = _(
        "‘%(title)s’ (versie %(number)s) door %(authors)s, bron: %(source)s, licentie: %(licence)s"
    ) % {
        "title": source.title,
        "number": source.version_number,
        "authors": source.authors,
        "source": source.source_url,
        "licence": licence.label if licence else source.licence,
    }
    inherited = [
        f"  {text.strip()}" for text in source.inherited_attribution.splitlines() if text.strip()
    ]
    return [f"- {line}", *inherited]


def _item_lines(
    entry: CollectionEntry, material_url: Callable[[int], str], folder: _Folder | None
) -> list[str]:
    """Return one material's credit, its version, its remix chain and its files."""
    material = entry.material
    credit = attribution_for_version(
        entry.version, material=material, source_url=material_url(material.pk)
    )
    published = formats.date_format(entry.version.published_at, "j F Y")
    lines = [
        "",
        f"{entry.position}. {credit.text}",
        INDENT
        + _("Versie %(number)s, gepubliceerd op %(date)s.")
        % {"number": entry.version.number, "date": published},
    ]
    sources = getattr(material, "source_rows", [])
    if sources:
        lines.append(INDENT + _("Gebaseerd op:"))
        lines += [INDENT + line for source in sources for line in _source_lines(source)]
    if folder is not None:
        lines.append(INDENT + _("Bestanden in map ‘%(folder)s’:") % {"folder": folder.name})
        lines += [f"{INDENT}- {name}" for name, _file in folder.files]
        if folder.left_out:
            removed = _(
                "Om juridische redenen van het platform verwijderd en daarom niet opgenomen:"
            )
            lines.append(INDENT + removed)
            lines += [f"{INDENT}- {name}" for name in folder.left_out]
    return lines


def collection_attribution_text(
    collection: Collection,
    attribution: Attribution,
    entries: list[CollectionEntry],
    *,
    material_url: Callable[[int], str],
    folders: dict[int, _Folder] | None = None,
) -> str:
    """Return NAAMSVERMELDING.txt: the collection's own credit, then every item with its chain."""
    folders = folders or {}
    lines = [_("Naamsvermelding"), "", attribution.text]
    if collection.based_on_attribution.strip():
        lines += ["", _("Dit arrangement is gebaseerd op:")]
        lines += [
            f"- {line}" for line in collection.based_on_attribution.splitlines() if line.strip()
        ]
    lines += [
        "",
        _("Licentie van het arrangement: %(licence)s") % {"licence": attribution.licence_label},
    ]
    if attribution.licence is not None:
        lines.append(attribution.licence.url)
    lines += [
        _("Elk leermiddel houdt zijn eigen licentie; die staat hieronder bij het leermiddel."),
        "",
        _("Leermiddelen in dit arrangement:"),
    ]
    left_out = []
    for entry in entries:
        if entry.is_section:
            lines += ["", _("Onderdeel: %(title)s") % {"title": entry.item.title}]
            continue
        if not entry.is_available:
            left_out.append(entry.title)
            continue
        lines += _item_lines(entry, material_url, folders.get(entry.item.pk))
    if left_out:
        lines += [
            "",
            _("Niet meer beschikbaar en daarom niet opgenomen:"),
            *(f"- ‘{title}’" for title in left_out),
        ]
    return "\r\n".join(lines) + "\r\n"


def collection_zip_chunks(
    collection: Collection,
    entries: list[CollectionEntry],
    attribution: Attribution,
    *,
    material_url: Callable[[int], str],
) -> Iterator[bytes]:
    """Yield the ZIP of every available item's newest files and the attribution file."""
    folders = _folders(entries)
    text = collection_attribution_text(
        collection,
        attribution,
        entries,
        material_url=material_url,
        folders={folder.entry.item.pk: folder for folder in folders},
    )
    encoded = text.encode("utf-8")
    members = [
        ZipMember(
            name=ATTRIBUTION_NAME,
            open=lambda: io.BytesIO(encoded),
            size=len(encoded),
            mime_type="text/plain",
        )
    ]
    for folder in folders:
        members += [
            ZipMember(
                name=f"{folder.name}/{name}",
                open=lambda storage_name=f.stored_file.storage_name: open_stored(storage_name),
                size=f.stored_file.size,
                mime_type=f.stored_file.mime_type,
            )
            for name, f in folder.files
        ]
    stored_files_reachable(
        [f.stored_file.storage_name for folder in folders for _n, f in folder.files]
    )
    return zip_stream(members)
