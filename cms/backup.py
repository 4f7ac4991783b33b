"""Back up and restore the whole platform: the database as JSON plus every stored blob, hashed.

A backup folder holds `database.json` (dumpdata with natural foreign keys), `manifest.json`
(each blob's storage, name, size and SHA-256) and `files/<storage>/<name>` with the bytes.
Blobs are copied through the storage API in chunks, so local folders and S3 buckets both work.

A restore checks every blob against the manifest before it writes anything, writes the blobs
(storage first, as for uploads: an unreferenced blob is harmless, a row without bytes is not),
then replaces the database rows in one transaction and rebuilds the search index.
"""

import hashlib
import json
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core.files import File
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry

from repository.models import Collection, FileDerivative, Material, StoredFile
from repository.services.files import MATERIALS_STORAGE

DATABASE_FILE = "database.json"
MANIFEST_FILE = "manifest.json"
FILES_FOLDER = "files"
MANIFEST_VERSION = 1
CHUNK_SIZE = 1024 * 1024

# Rows that migrate creates, that are rebuilt, or that only matter to one running process.
EXCLUDED_FROM_DUMP = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",
    "wagtailimages.rendition",
    "wagtailadmin.editingsession",
    "django_tasks_database",
    # Stored OAI-PMH records are rendered again on a harvester's first request.
    "metadata.oairecord",
]
LOG_OF_PAGES = "wagtailcore.pagelogentry"
# Tables a restore leaves alone: migrate made them, and natural keys point into them.
KEPT_TABLES = {"django_migrations", "django_content_type", "auth_permission"}
# Pages migrate itself creates: Wagtail's root and its welcome page.
PAGES_AFTER_MIGRATE = 2


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why, for the operator."""


@dataclass(frozen=True)
class Blob:
    storage: str
    name: str
    kind: str


@dataclass
class BackupReport:
    rows: int = 0
    files: int = 0
    bytes: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


def _sha256_of_storage_file(storage, name: str, copy_to: Path | None = None) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    target = copy_to.open("wb") if copy_to else None
    try:
        with storage.open(name, "rb") as source:
            while chunk := source.read(CHUNK_SIZE):
                digest.update(chunk)
                size += len(chunk)
                if target:
                    target.write(chunk)
    finally:
        if target:
            target.close()
    return digest.hexdigest(), size


def _sha256_of_path(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as source:
        while chunk := source.read(CHUNK_SIZE):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def backup_blobs() -> list[Blob]:
    """Return every blob the database refers to: material files, previews, images, documents."""
    blobs = [
        Blob(MATERIALS_STORAGE, name, "stored_file")
        # A taken-down file lost its bytes on purpose; its row is kept as the record.
        for name in StoredFile.objects.available()
        .order_by("pk")
        .values_list("storage_name", flat=True)
    ]
    blobs += [
        Blob(MATERIALS_STORAGE, name, "preview")
        for name in FileDerivative.objects.exclude(preview_name="")
        .order_by("pk")
        .values_list("preview_name", flat=True)
    ]
    for kind, model in (("image", get_image_model()), ("document", get_document_model())):
        blobs += [
            Blob("default", name, kind)
            for name in model.objects.order_by("pk").values_list("file", flat=True)
            if name
        ]
    return list(dict.fromkeys(blobs))


def _blob_path(folder: Path, blob_storage: str, name: str) -> Path:
    """Return where a blob lives in the backup, refusing names that climb out of the folder."""
    parts = PurePosixPath(name).parts
    if not parts or PurePosixPath(name).is_absolute() or ".." in parts or "/" in blob_storage:
        raise BackupError(f"Unsafe blob name in the manifest: {blob_storage}/{name}")
    return folder / FILES_FOLDER / blob_storage / Path(*parts)


def _dump(*labels: str, **options) -> list[dict]:
    out = StringIO()
    call_command("dumpdata", *labels, natural_foreign=True, stdout=out, verbosity=0, **options)
    return json.loads(out.getvalue())


def _dump_database(path: Path) -> int:
    rows = _dump(exclude=[*EXCLUDED_FROM_DUMP, LOG_OF_PAGES])
    # Wagtail keeps the log of deleted pages, pointing at pages that no longer exist; such
    # entries cannot be written with natural keys, so only the log of existing pages is kept.
    logged = PageLogEntry.objects.filter(page__in=Page.objects.all()).values_list("pk", flat=True)
    if pks := ",".join(str(pk) for pk in logged.order_by("pk")):
        rows += _dump(LOG_OF_PAGES, primary_keys=pks)
    path.write_text(json.dumps(rows))
    return len(rows)


def backup_create(*, output: Path, force: bool = False) -> BackupReport:
    """Write the database, the manifest and a copy of every blob into the output folder."""
    output = Path(output)
    if output.exists() and any(output.iterdir()) and not force:
        raise BackupError(f"{output} is not empty; choose an empty folder or pass --force.")
    output.mkdir(parents=True, exist_ok=True)
    report = BackupReport()
    entries = []
    for blob in backup_blobs():
        path = _blob_path(output, blob.storage, blob.name)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            sha256, size = _sha256_of_storage_file(storages[blob.storage], blob.name, path)
        except FileNotFoundError as error:
            raise BackupError(f"The bytes of {blob.storage}/{blob.name} are missing.") from error
        entries.append(
            {"storage": blob.storage, "name": blob.name, "kind": blob.kind}
            | {"size": size, "sha256": sha256}
        )
        report.files += 1
        report.bytes += size
        report.kinds[blob.kind] = report.kinds.get(blob.kind, 0) + 1
    # Dumped after the blobs: a row added meanwhile is missing, never a row without its bytes.
    report.rows = _dump_database(output / DATABASE_FILE)
    manifest = {"version": MANIFEST_VERSION, "files": entries}
    (output / MANIFEST_FILE).write_text(json.dumps(manifest, indent=1))
    return report


def environment_is_empty() -> bool:
    """Tell whether the database holds no more than `migrate` puts in it."""
    return not (
        Material.objects.exists()
        or Collection.objects.exists()
        or apps.get_model("accounts", "User").objects.exists()
        or Page.objects.count() > PAGES_AFTER_MIGRATE
    )


def _read_manifest(folder: Path) -> list[dict]:
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder / MANIFEST_FILE} cannot be read: {error}") from error
    if manifest.get("version") != MANIFEST_VERSION or not isinstance(manifest.get("files"), list):
        raise BackupError(f"{folder / MANIFEST_FILE} is not a manifest this version can read.")
    if not (folder / DATABASE_FILE).is_file():
        raise BackupError(f"{folder / DATABASE_FILE} is missing.")
    return manifest["files"]


def _verify_blobs(folder: Path, entries: list[dict]) -> None:
    for entry in entries:
        path = _blob_path(folder, entry["storage"], entry["name"])
        if entry["storage"] not in storages.backends:
            raise BackupError(f"Unknown storage {entry['storage']!r} in the manifest.")
        if not path.is_file():
            raise BackupError(f"{path} is missing from the backup.")
        sha256, size = _sha256_of_path(path)
        if (sha256, size) != (entry["sha256"], entry["size"]):
            raise BackupError(
                f"{path} does not match the manifest (SHA-256 {sha256}, {size} bytes; "
                f"expected {entry['sha256']}, {entry['size']} bytes). Nothing was restored."
            )


def _write_blobs(folder: Path, entries: list[dict]) -> int:
    written = 0
    for entry in entries:
        storage = storages[entry["storage"]]
        if storage.exists(entry["name"]):
            # Content-addressed names: the same name already holds these bytes.
            continue
        with _blob_path(folder, entry["storage"], entry["name"]).open("rb") as source:
            saved = storage.save(entry["name"], File(source))
        if saved != entry["name"]:
            raise BackupError(f"Storage saved {entry['name']} as {saved}; restore stopped.")
        written += 1
    return written


def _clear_tables() -> None:
    """Empty every project table except those migrate fills and natural keys refer to."""
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True)
        if table not in KEPT_TABLES
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Pending deferred foreign-key checks would make TRUNCATE fail inside a transaction.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@dataclass
class RestoreReport:
    rows: int = 0
    files: int = 0
    written: int = 0


def backup_restore(*, folder: Path, force: bool = False) -> RestoreReport:
    """Restore a backup folder into this environment; refuse one with content unless forced."""
    folder = Path(folder)
    entries = _read_manifest(folder)
    if not force and not environment_is_empty():
        raise BackupError(
            "This environment already has content; restore into an empty one or pass --force "
            "to replace everything."
        )
    _verify_blobs(folder, entries)
    report = RestoreReport(files=len(entries), written=_write_blobs(folder, entries))
    with transaction.atomic():
        _clear_tables()
        call_command("loaddata", str(folder / DATABASE_FILE), verbosity=0)
    with (folder / DATABASE_FILE).open() as dump:
        report.rows = len(json.load(dump))
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    return report
