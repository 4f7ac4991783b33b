"""What changed: metadata and files between two states of a material, with text diffs."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from taggit.models import Tag

from accounts.models import User
from metadata.licences import LICENCES
from metadata.models import Concept
from repository.filetypes import ALLOWED_TYPES
from repository.models import (
    CONCEPT_FIELDS,
    Material,
    MaterialSource,
    MaterialVersion,
    StoredFile,
    VersionFile,
)
from repository.selectors.material_page import language_name
from repository.text_diff import TEXT_TYPES, TextDiff, text_diff

PLAIN_FIELDS = (
    "title",
    "summary",
    "description",
    "language",
    "licence",
    "time_required",
    "accessibility_summary",
)


@dataclass(frozen=True)
class FileRow:
    """One file of a material state: which bytes, under which name, in which role."""

    stored_file_id: int
    name: str
    role: str


@dataclass
class Snapshot:
    """A material's metadata and files at one moment, as plain values."""

    values: dict
    related: dict[str, list[int]]
    files: list[FileRow]


def _snapshot(content: dict, files: list[FileRow] | None = None) -> Snapshot:
    """Read a revision's stored content without building model objects (no queries)."""
    related = {name: list(content.get(name) or []) for name in (*CONCEPT_FIELDS, "co_authors")}
    related["keywords"] = [row["tag"] for row in content.get("tagged_keywords") or []]
    if files is None:
        rows = sorted(content.get("files") or [], key=lambda row: row.get("sort_order") or 0)
        files = [FileRow(row["stored_file"], row["original_name"], row["role"]) for row in rows]
    return Snapshot(
        values={name: content.get(name) for name in PLAIN_FIELDS}, related=related, files=files
    )


def file_rows(files) -> list[FileRow]:
    """Describe MaterialFile or VersionFile rows, in the order given."""
    return [FileRow(row.stored_file_id, row.original_name, row.role) for row in files]


def version_snapshots(versions: list[MaterialVersion]) -> dict[int, Snapshot]:
    """Return each version's snapshot, keyed by version pk, in one query for all their files."""
    files: dict[int, list] = {version.pk: [] for version in versions}
    for row in VersionFile.objects.filter(version__in=versions).order_by("sort_order", "pk"):
        files[row.version_id].append(row)
    return {
        version.pk: _snapshot(version.revision.content, file_rows(files[version.pk]))
        for version in versions
    }


@dataclass(frozen=True)
class ListItem:
    label: str
    changed: bool = False


@dataclass
class FieldChange:
    """One metadata field that differs: plain text before and after, or list items."""

    name: str
    label: str
    old: str = ""
    new: str = ""
    is_list: bool = False
    old_items: list[ListItem] = field(default_factory=list)
    new_items: list[ListItem] = field(default_factory=list)


def _field_label(name: str) -> str:
    return capfirst(str(Material._meta.get_field(name).verbose_name))


def _plain_value(name: str, value) -> str:
    if value in (None, ""):
        return ""
    if name == "language":
        return language_name(value)
    if name == "licence":
        licence = LICENCES.get(value)
        return str(licence.label) if licence else value
    if name == "time_required":
        return _("%(minutes)s minuten") % {"minutes": value}
    return str(value)


def _concept_label(concept: Concept, field_name: str) -> str:
    if field_name == "curriculum_goals" and concept.notation:
        return f"{concept.notation}: {concept.label}"
    return concept.label


def _labels(changed: dict[str, tuple[list[int], list[int]]]) -> dict[str, dict[int, str]]:
    """Look up the labels of every id in the changed list fields: one query per kind."""

    def ids(names) -> set[int]:
        return {
            pk for name in names if name in changed for pk in (*changed[name][0], *changed[name][1])
        }

    labels: dict[str, dict[int, str]] = {}
    if concept_ids := ids(CONCEPT_FIELDS):
        concepts = Concept.objects.in_bulk(concept_ids)
        for name in CONCEPT_FIELDS:
            labels[name] = {pk: _concept_label(c, name) for pk, c in concepts.items()}
    if user_ids := ids(["co_authors"]):
        labels["co_authors"] = {user.pk: user.name for user in User.objects.filter(pk__in=user_ids)}
    if tag_ids := ids(["keywords"]):
        labels["keywords"] = dict(Tag.objects.filter(pk__in=tag_ids).values_list("pk", "name"))
    return labels


def metadata_changes(old: Snapshot, new: Snapshot) -> list[FieldChange]:
    """Return the fields whose value differs between two snapshots, with readable labels."""
    changes = [
        FieldChange(
            name=name,
            label=_field_label(name),
            old=_plain_value(name, old.values.get(name)),
            new=_plain_value(name, new.values.get(name)),
        )
        for name in PLAIN_FIELDS
        if (old.values.get(name) or "") != (new.values.get(name) or "")
    ]
    changed_lists = {
        name: (old.related[name], new.related[name])
        for name in (*CONCEPT_FIELDS, "keywords", "co_authors")
        if set(old.related[name]) != set(new.related[name])
    }
    labels = _labels(changed_lists)
    for name, (old_ids, new_ids) in changed_lists.items():
        known = labels.get(name, {})
        changes.append(
            FieldChange(
                name=name,
                label=_field_label(name),
                is_list=True,
                old_items=_list_items(old_ids, others=new_ids, labels=known),
                new_items=_list_items(new_ids, others=old_ids, labels=known),
            )
        )
    return changes


def _list_items(ids: list[int], *, others: list[int], labels: dict[int, str]) -> list[ListItem]:
    # A concept or user may be gone since; its id says at least that something was there.
    items = (ListItem(labels.get(pk, f"#{pk}"), pk not in others) for pk in ids)
    return sorted(items, key=lambda item: item.label.casefold())


@dataclass(frozen=True)
class FileInfo:
    name: str
    mime_type: str
    size: int
    is_removed: bool

    @property
    def type_label(self) -> str:
        file_type = ALLOWED_TYPES.get(self.mime_type)
        return str(file_type.label) if file_type else self.mime_type


FILE_STATUS_LABELS = {
    "added": gettext_lazy("toegevoegd"),
    "removed": gettext_lazy("weggehaald"),
    "changed": gettext_lazy("gewijzigd"),
    "renamed": gettext_lazy("andere naam"),
    "unchanged": gettext_lazy("ongewijzigd"),
}


@dataclass
class FileChange:
    status: str
    old: FileInfo | None
    new: FileInfo | None
    text: TextDiff | None = None

    @property
    def status_label(self) -> str:
        return str(FILE_STATUS_LABELS[self.status])

    @property
    def name(self) -> str:
        return (self.new or self.old).name


def pair_files(
    old: list[FileRow], new: list[FileRow]
) -> list[tuple[FileRow | None, FileRow | None]]:
    """Pair each old file with its counterpart: the same name first, then the same bytes."""
    unmatched_new = list(new)
    pairs: list[tuple[FileRow | None, FileRow | None]] = []
    unmatched_old = []
    for row in old:
        match = next((other for other in unmatched_new if other.name == row.name), None)
        if match is None:
            unmatched_old.append(row)
            continue
        unmatched_new.remove(match)
        pairs.append((row, match))
    for row in unmatched_old:
        match = next(
            (other for other in unmatched_new if other.stored_file_id == row.stored_file_id), None
        )
        if match is not None:
            unmatched_new.remove(match)
        pairs.append((row, match))
    pairs.extend((None, row) for row in unmatched_new)
    return pairs


def _status(old: FileRow | None, new: FileRow | None) -> str:
    if old is None:
        return "added"
    if new is None:
        return "removed"
    if old.stored_file_id != new.stored_file_id:
        return "changed"
    return "unchanged" if old.name == new.name else "renamed"


def file_changes(old: list[FileRow], new: list[FileRow]) -> list[FileChange]:
    """Return every file of both states with what happened to it; text files get a diff."""
    stored = StoredFile.objects.in_bulk({row.stored_file_id for row in (*old, *new)})

    def info(row: FileRow | None) -> FileInfo | None:
        if row is None:
            return None
        blob = stored[row.stored_file_id]
        return FileInfo(row.name, blob.mime_type, blob.size, blob.is_removed)

    changes = []
    for old_row, new_row in pair_files(old, new):
        change = FileChange(_status(old_row, new_row), info(old_row), info(new_row))
        if (
            change.status == "changed"
            and change.old.mime_type in TEXT_TYPES
            and change.new.mime_type in TEXT_TYPES
        ):
            change.text = text_diff(stored[old_row.stored_file_id], stored[new_row.stored_file_id])
        changes.append(change)
    return changes


@dataclass
class Changes:
    """The differences between two states of a material."""

    metadata: list[FieldChange]
    files: list[FileChange]

    @property
    def changed_files(self) -> list[FileChange]:
        return [change for change in self.files if change.status != "unchanged"]

    @property
    def has_changes(self) -> bool:
        return bool(self.metadata or self.changed_files)


def changes_between(old: Snapshot, new: Snapshot) -> Changes:
    return Changes(metadata=metadata_changes(old, new), files=file_changes(old.files, new.files))


@dataclass
class VersionDiff:
    """A version compared with the one before it."""

    version: MaterialVersion
    previous: MaterialVersion
    changes: Changes


def version_diff(material: Material, number: int) -> VersionDiff | None:
    """Compare version `number` with the version before it; None when either is missing."""
    versions = {
        version.number: version
        for version in material.versions.filter(number__in=[number - 1, number]).select_related(
            "revision"
        )
    }
    if len(versions) != 2:
        return None
    snapshots = version_snapshots(list(versions.values()))
    previous, version = versions[number - 1], versions[number]
    return VersionDiff(
        version=version,
        previous=previous,
        changes=changes_between(snapshots[previous.pk], snapshots[version.pk]),
    )


@dataclass
class SourceUpdate:
    """A newer published version of a remix's source, and what changed since the remix's one."""

    source: MaterialSource
    old_version: MaterialVersion | None
    new_version: MaterialVersion
    # The versions after the remix's one, newest first: their change notes tell the story.
    versions: list[MaterialVersion]
    changes: Changes
    old_files: list[FileRow]
    new_files: list[FileRow]


def _dealt_with(source: MaterialSource) -> int:
    return max(source.version_number, source.seen_version_number or 0)


def newest_source_version(source: MaterialSource) -> MaterialVersion | None:
    """Return the source's newest version if it is newer than what the remix's owner dealt with."""
    material = source.source_material
    if material is None or not material.live or material.is_withdrawn:
        return None
    return material.versions.filter(number__gt=_dealt_with(source)).order_by("-number").first()


def source_update(source: MaterialSource) -> SourceUpdate | None:
    """Describe the newer source version the remix has not dealt with yet, or None."""
    material = source.source_material
    if material is None or not material.live or material.is_withdrawn:
        return None
    wanted = Q(number__gt=source.version_number) | Q(pk=source.source_version_id)
    versions = list(material.versions.filter(wanted).select_related("revision").order_by("-number"))
    newer = [version for version in versions if version.number > source.version_number]
    if not newer or newer[0].number <= _dealt_with(source):
        return None
    newest = newer[0]
    old_version = next((v for v in versions if v.pk == source.source_version_id), None)
    snapshots = version_snapshots([newest, *([old_version] if old_version else [])])
    old = snapshots[old_version.pk] if old_version else Snapshot({}, _empty_related(), [])
    new = snapshots[newest.pk]
    return SourceUpdate(
        source=source,
        old_version=old_version,
        new_version=newest,
        versions=newer,
        changes=changes_between(old, new),
        old_files=old.files,
        new_files=new.files,
    )


def draft_diff(material: Material) -> tuple[MaterialVersion, Changes] | None:
    """Compare the latest draft with the latest version; None before the first version."""
    latest = material.versions.select_related("revision").order_by("-number").first()
    if latest is None or material.latest_revision is None:
        return None
    old = version_snapshots([latest])[latest.pk]
    return latest, changes_between(old, _snapshot(material.latest_revision.content))


def remix_diff(source: MaterialSource) -> tuple[MaterialVersion, Changes] | None:
    """Compare the source version a remix is based on with the remix's latest version."""
    remix_version = source.remix.versions.select_related("revision").order_by("-number").first()
    source_version = source.source_version
    if remix_version is None or source_version is None:
        return None
    snapshots = version_snapshots([source_version, remix_version])
    return remix_version, changes_between(snapshots[source_version.pk], snapshots[remix_version.pk])


def _empty_related() -> dict[str, list[int]]:
    return {name: [] for name in (*CONCEPT_FIELDS, "co_authors", "keywords")}
