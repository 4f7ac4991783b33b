"""The bin (prullenbak): deleting materials softly, restoring them, and purging after retention.

A deleted material or collection keeps every row until the retention period has passed, so a
restore brings it back exactly as it was. Purging removes rows only, in one transaction; the
stored bytes they referred to are left for `storage_sweep`, which deletes blobs no row refers
to any more, so nothing leaves storage before the database has committed.
"""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from repository.models import Collection, Material, MaterialFile, StoredFile, VersionFile
from repository.selectors.bin import retention

logger = logging.getLogger(__name__)


def _locked(material: Material) -> Material:
    return Material.objects.select_for_update().get(pk=material.pk)


def _require_owner(material: Material, user) -> None:
    # Co-authors edit together, but only the owner decides that the material goes.
    if not user.is_authenticated or material.owner_id != user.pk:
        raise PermissionDenied("Only the owner may delete or restore a material.")


def material_delete_refusal(material: Material) -> str | None:
    """Return why the material cannot go to the bin now, or None if it can."""
    if material.deleted_at is not None:
        return _("Dit leermiddel staat al in je prullenbak.")
    if material.is_withdrawn:
        return None
    if material.live or material.first_published_at is not None:
        return _(
            "Dit leermiddel is gepubliceerd. Trek het eerst in; daarna kun je het verwijderen."
        )
    if material.workflow_in_progress:
        return _(
            "Dit leermiddel wordt nu beoordeeld. Wacht op de beoordeling of vraag de "
            "beoordelaar om het terug te sturen; daarna kun je het verwijderen."
        )
    return None


@transaction.atomic
def material_delete(*, material: Material, user) -> Material:
    """Move the owner's draft or withdrawn material to the bin."""
    _require_owner(material, user)
    material = _locked(material)
    if (reason := material_delete_refusal(material)) is not None:
        raise ValidationError(reason, code="not_deletable")
    material.deleted_at = timezone.now()
    # `updated_at` stays: restoring must bring the material back exactly as it was.
    Material.objects.filter(pk=material.pk).update(deleted_at=material.deleted_at)
    return material


@transaction.atomic
def material_restore(*, material: Material, user) -> Material:
    """Take the owner's material out of the bin, unchanged."""
    _require_owner(material, user)
    material = _locked(material)
    if material.deleted_at is None:
        raise ValidationError(_("Dit leermiddel staat niet in je prullenbak."), code="not_deleted")
    material.deleted_at = None
    Material.objects.filter(pk=material.pk).update(deleted_at=None)
    return material


@dataclass
class PurgeReport:
    materials: list[tuple[int, str]] = field(default_factory=list)
    collections: list[tuple[int, str]] = field(default_factory=list)
    revisions: int = 0
    workflow_states: int = 0
    stored_files: int = 0


def _purge_material(material: Material, report: PurgeReport) -> set[int]:
    """Delete the material's rows; return the ids of the stored files it referred to."""
    stored_file_ids = set(material.files.values_list("stored_file_id", flat=True))
    stored_file_ids |= set(
        VersionFile.objects.filter(version__material=material).values_list(
            "stored_file_id", flat=True
        )
    )
    report.revisions += material.revisions.count()
    report.workflow_states += material.workflow_states.count()
    # Versions protect their revisions; without them, deleting the material takes its files,
    # revisions, workflow states, reviews and feedback along.
    material.versions.all().delete()
    pk, title = material.pk, material.title
    material.delete()
    report.materials.append((pk, title))
    return stored_file_ids


def _purge_orphaned_stored_files(candidates: set[int], report: PurgeReport) -> None:
    # Identical bytes are shared between materials: keep every row another file still uses.
    # Without its row, a blob becomes unreferenced and `storage_sweep` deletes it later.
    orphaned = (
        StoredFile.objects.filter(pk__in=candidates)
        .exclude(pk__in=MaterialFile.objects.values("stored_file_id"))
        .exclude(pk__in=VersionFile.objects.values("stored_file_id"))
    )
    report.stored_files += orphaned.count()
    orphaned.delete()


def bin_purge(*, commit: bool = False) -> PurgeReport:
    """Remove materials and collections deleted longer ago than the retention period.

    A dry run (the default) only reports. Rows go inside one transaction; no stored bytes are
    touched, so a failure leaves nothing half-removed.
    """
    cutoff = timezone.now() - retention()
    report = PurgeReport()
    with transaction.atomic():
        materials = Material.objects.filter(deleted_at__lt=cutoff).order_by("pk")
        collections = Collection.objects.filter(deleted_at__lt=cutoff).order_by("pk")
        if not commit:
            report.materials = list(materials.values_list("pk", "title"))
            report.collections = list(collections.values_list("pk", "title"))
            return report
        stored_file_ids: set[int] = set()
        for material in materials.select_for_update():
            stored_file_ids |= _purge_material(material, report)
        _purge_orphaned_stored_files(stored_file_ids, report)
        for collection in collections.select_for_update():
            pk, title = collection.pk, collection.title
            collection.delete()
            report.collections.append((pk, title))
    for pk, title in report.materials:
        logger.info("purged deleted material %s (%s)", pk, title)
    for pk, title in report.collections:
        logger.info("purged deleted collection %s (%s)", pk, title)
    return report
