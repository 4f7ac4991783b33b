"""Reads for the public material page: versions with their files, previews and related materials."""

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils.translation import get_language_info

from repository.filetypes import ALLOWED_TYPES
from repository.models import FileDerivative, Material, MaterialVersion, VersionFile

RELATED_LIMIT = 6
CAPTION_TYPE = "text/vtt"


def material_page_versions(material: Material) -> list[MaterialVersion]:
    """Return the published versions, newest first, with files, stored files and derivatives."""
    files = VersionFile.objects.select_related("stored_file__derivative").order_by("sort_order")
    return list(
        material.versions.order_by("-number").prefetch_related(Prefetch("files", queryset=files))
    )


def related_materials(
    material: Material, *, goal_ids: list[int], subject_ids: list[int], limit: int = RELATED_LIMIT
) -> list[Material]:
    """Return published materials sharing a curriculum goal first, then a subject, in one query."""
    if not goal_ids and not subject_ids:
        return []
    goals = Material.curriculum_goals.through.objects.filter(
        material=OuterRef("pk"), concept_id__in=goal_ids
    )
    subjects = Material.subjects.through.objects.filter(
        material=OuterRef("pk"), concept_id__in=subject_ids
    )
    return list(
        Material.objects.published()
        .exclude(pk=material.pk)
        .annotate(shares_goal=Exists(goals))
        .filter(Exists(goals) | Exists(subjects))
        .only("pk", "title", "summary", "updated_at")
        .order_by("-shares_goal", "-updated_at", "-pk")[:limit]
    )


@dataclass
class FileEntry:
    """One file as the material page shows it: what it is, how big, and how to see or get it."""

    name: str
    mime_type: str
    size: int
    download_url: str
    preview_url: str = ""
    preview_width: int | None = None
    preview_height: int | None = None
    page_count: int | None = None
    is_removed: bool = False
    captions: list["FileEntry"] = field(default_factory=list)
    # The audio or video file this caption track belongs to, shown with that file.
    subtitles: str = ""

    @property
    def type_label(self) -> str:
        file_type = ALLOWED_TYPES.get(self.mime_type)
        return str(file_type.label) if file_type else self.mime_type

    @property
    def category(self) -> str:
        file_type = ALLOWED_TYPES.get(self.mime_type)
        return file_type.category if file_type else ""

    @property
    def is_pdf(self) -> bool:
        return self.mime_type == "application/pdf"

    @property
    def stem(self) -> str:
        return PurePosixPath(self.name).stem.casefold()


def _derivative(stored_file) -> FileDerivative | None:
    try:
        return stored_file.derivative
    except FileDerivative.DoesNotExist:
        return None


def file_entries(files, *, download_url, preview_url) -> list[FileEntry]:
    """Describe files for the page; caption files attach to the audio or video they subtitle.

    `files` are VersionFile or MaterialFile rows with stored files (and derivatives) loaded;
    `download_url` and `preview_url` turn a row into its URLs.
    """
    entries = []
    for row in files:
        stored_file = row.stored_file
        derivative = _derivative(stored_file)
        has_preview = derivative is not None and bool(derivative.preview_name)
        entries.append(
            FileEntry(
                name=row.original_name,
                mime_type=stored_file.mime_type,
                size=stored_file.size,
                download_url=download_url(row),
                preview_url=preview_url(row) if has_preview and not stored_file.is_removed else "",
                preview_width=derivative.preview_width if has_preview else None,
                preview_height=derivative.preview_height if has_preview else None,
                page_count=derivative.page_count if derivative else None,
                is_removed=stored_file.is_removed,
            )
        )
    media = {e.stem: e for e in entries if e.category in ("audio", "video")}
    for entry in entries:
        if entry.mime_type == CAPTION_TYPE and entry.stem in media:
            media[entry.stem].captions.append(entry)
            entry.subtitles = media[entry.stem].name
    return entries


def version_file_entries(material: Material, version: MaterialVersion) -> list[FileEntry]:
    """Describe a published version's files with their public download and preview URLs."""
    return file_entries(
        version.files.all(),
        download_url=lambda row: reverse(
            "repository:file_download",
            kwargs={"pk": material.pk, "version": version.number, "file_id": row.pk},
        ),
        preview_url=lambda row: reverse(
            "repository:file_preview",
            kwargs={"pk": material.pk, "version": version.number, "file_id": row.pk},
        ),
    )


def draft_file_entries(material: Material, draft: Material) -> list[FileEntry]:
    """Describe the draft's files with the URLs only those who may see the draft can follow."""
    rows = list(draft.files.all())
    derivatives = FileDerivative.objects.in_bulk([row.stored_file_id for row in rows])
    for row in rows:
        if row.stored_file_id in derivatives:
            row.stored_file.derivative = derivatives[row.stored_file_id]
    return file_entries(
        rows,
        download_url=lambda row: reverse(
            "repository:draft_file_download",
            kwargs={"pk": material.pk, "stored_file_id": row.stored_file_id},
        ),
        preview_url=lambda row: reverse(
            "repository:draft_file_preview",
            kwargs={"pk": material.pk, "stored_file_id": row.stored_file_id},
        ),
    )


def language_name(code: str) -> str:
    """Return the language's name in the current UI language, or the code if Django lacks it."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code
