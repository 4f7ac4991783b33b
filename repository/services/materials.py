"""Writes of materials: drafts, files, submission, publication into versions, withdrawal."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.actions.unpublish import UnpublishAction
from wagtail.models import Revision

from repository.filetypes import display_filename
from repository.models import CONCEPT_FIELDS, Material, MaterialFile, MaterialVersion, VersionFile
from repository.permissions import can_edit_material
from repository.selectors.lineage import remix_licence_error
from repository.services.files import stored_file_create
from repository.services.scanning import files_scan_refusal

M2M_FIELDS = ("co_authors", *CONCEPT_FIELDS)
PLAIN_FIELDS = (
    "title",
    "summary",
    "description",
    "language",
    "licence",
    "accessibility_summary",
    "time_required",
    "change_note",
)


class SubmissionIncomplete(ValueError):
    """A draft lacks what a submission needs; `errors` maps field names to messages."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class DraftConflict(ValueError):
    """Someone saved the draft's metadata after the editor opened it; nothing was overwritten."""

    def __init__(self, latest_revision_id: int):
        super().__init__(
            f"The draft changed since it was opened (now revision {latest_revision_id})."
        )
        self.latest_revision_id = latest_revision_id


def _metadata_changed_since(based_on_revision_id: int, latest: Revision | None) -> bool:
    """Tell whether a revision after the editor's one changed the metadata the form holds."""
    if latest is None or latest.pk == based_on_revision_id:
        return False
    based_on = Revision.objects.filter(pk=based_on_revision_id).first()
    if based_on is None or based_on.object_id != latest.object_id:
        return True
    # File uploads and removals save revisions too; they leave the form's fields alone.
    return any(
        based_on.content.get(name) != latest.content.get(name)
        for name in (*PLAIN_FIELDS, *M2M_FIELDS)
    )


def _fresh(material: Material) -> Material:
    """Re-read the row, locked, so concurrent edits queue instead of overwriting each other."""
    return Material.objects.select_for_update().get(pk=material.pk)


def working_copy(material: Material) -> Material:
    """Return the material as its latest draft has it (the live row may be older)."""
    fresh = Material.objects.get(pk=material.pk)
    return fresh.get_latest_revision_as_object() if fresh.latest_revision_id else fresh


def _save_working_copy(working: Material, user) -> Revision:
    if not working.live:
        # An unpublished material's row is its draft; keep it current for listings.
        working.save()
    return working.save_revision(user=user, clean=False)


def _require_editor(material: Material, user) -> None:
    if not can_edit_material(user, material):
        raise PermissionDenied("Only owners and co-authors may change a material.")


@transaction.atomic
def material_create_draft(
    *, owner, title: str, uploads: Iterable[tuple[File, str]] = ()
) -> Material:
    """Create a draft owned by the teacher, with its files; only a title is needed."""
    material = Material(owner=owner, title=title.strip()[:255], live=False)
    material.full_clean(exclude=["licence"] if not material.licence else None)
    material.save()
    for order, (upload, original_name) in enumerate(uploads):
        stored = stored_file_create(upload=upload, original_name=original_name, uploaded_by=owner)
        material.files.add(
            MaterialFile(
                stored_file=stored, original_name=display_filename(original_name), sort_order=order
            )
        )
    material.save()
    material.save_revision(user=owner, clean=False)
    return material


@transaction.atomic
def material_add_file(
    *, material: Material, user, upload: File, original_name: str, role: str = Material.Role.MAIN
) -> MaterialFile:
    """Add a file to the material's draft; a published material changes only when republished."""
    _require_editor(material, user)
    stored = stored_file_create(upload=upload, original_name=original_name, uploaded_by=user)
    working = working_copy(material)
    order = max((f.sort_order or 0 for f in working.files.all()), default=-1) + 1
    material_file = MaterialFile(
        stored_file=stored,
        original_name=display_filename(original_name),
        role=role,
        sort_order=order,
    )
    working.files.add(material_file)
    _save_working_copy(working, user)
    return material_file


@transaction.atomic
def material_remove_file(*, material: Material, user, stored_file_id: int) -> None:
    """Take a file out of the draft; published versions keep it."""
    _require_editor(material, user)
    working = working_copy(material)
    kept = [f for f in working.files.all() if f.stored_file_id != stored_file_id]
    working.files.set(kept)
    _save_working_copy(working, user)


@transaction.atomic
def material_save_draft(
    *, material: Material, user, data: dict, based_on_revision_id: int | None = None
) -> Material:
    """Save metadata to the draft; nothing is required beyond a title.

    With `based_on_revision_id` (the revision the editor's form showed), refuse with
    DraftConflict when another save changed the metadata since, instead of overwriting it.
    """
    _require_editor(material, user)
    if based_on_revision_id is not None:
        # The lock makes two saves of the same draft take turns, so neither can slip past.
        locked = _fresh(material)
        if _metadata_changed_since(based_on_revision_id, locked.latest_revision):
            raise DraftConflict(locked.latest_revision_id)
    working = working_copy(material)
    for field in PLAIN_FIELDS:
        if field in data:
            setattr(working, field, data[field])
    for field in M2M_FIELDS:
        if field in data:
            getattr(working, field).set(list(data[field]))
    if "keywords" in data:
        working.keywords.set(list(data["keywords"]), clear=True)
    if "licence" in data and (refusal := remix_licence_error(material, working.licence)):
        raise ValidationError({"licence": refusal})
    working.full_clean(exclude=["owner", *M2M_FIELDS])
    _save_working_copy(working, user)
    return working


def material_submission_errors(material: Material) -> dict[str, str]:
    """Return what a draft still needs before it can be submitted, per field, in Dutch."""
    working = working_copy(material)
    errors = {}
    if not working.title.strip():
        errors["title"] = _("Geef het leermiddel een titel.")
    if not working.summary.strip():
        errors["summary"] = _("Schrijf een korte samenvatting: wat is het en voor wie?")
    if not list(working.levels.all()):
        errors["levels"] = _("Kies minstens één onderwijsniveau.")
    if not list(working.subjects.all()):
        errors["subjects"] = _("Kies minstens één vak.")
    if not working.licence:
        errors["licence"] = _("Kies een licentie.")
    elif refusal := remix_licence_error(material, working.licence):
        errors["licence"] = refusal
    if not working.language:
        errors["language"] = _("Kies de taal van het leermiddel.")
    if not any(f.role == Material.Role.MAIN for f in working.files.all()):
        errors["files"] = _("Voeg minstens één bestand toe.")
    elif scan_refusal := files_scan_refusal(working.files.all()):
        errors["files"] = scan_refusal
    return errors


@transaction.atomic
def material_submit_for_review(*, material: Material, user):
    """Send the draft to the reviewers; refuse with per-field messages when incomplete."""
    material = _fresh(material)
    _require_editor(material, user)
    if material.is_withdrawn:
        raise PermissionDenied("A withdrawn material cannot be submitted.")
    errors = material_submission_errors(material)
    if errors:
        raise SubmissionIncomplete(errors)
    state = material.current_workflow_state
    if state is not None:
        if state.status == state.STATUS_NEEDS_CHANGES:
            # Changes were requested: the same review continues with the new draft.
            state.resume(user=user)
        return state
    workflow = material.get_workflow()
    if workflow is None:
        raise RuntimeError("No review workflow is configured for materials.")
    return workflow.start(material, user)


@transaction.atomic
def material_publish(*, material: Material, user) -> MaterialVersion:
    """Publish the latest draft as a new version (review approval and seeding use this)."""
    material = _fresh(material)
    # Whatever path leads here (review, minor correction, seeding), unscanned bytes stay private.
    if scan_refusal := files_scan_refusal(working_copy(material).files.all()):
        raise ValidationError({"files": scan_refusal})
    material.latest_revision.publish(user=user, skip_permission_checks=True)
    return material.versions.order_by("-number").first()


@transaction.atomic
def version_record_publication(*, material: Material, revision: Revision) -> MaterialVersion:
    """Freeze the just-published state as the next version, with its files."""
    material = Material.objects.select_for_update().get(pk=material.pk)
    latest = material.versions.aggregate(number=Max("number"))["number"] or 0
    version = MaterialVersion.objects.create(
        material=material,
        number=latest + 1,
        revision=revision,
        title=material.title,
        licence=material.licence,
        change_note=material.change_note,
        published_at=timezone.now(),
        published_by=revision.user,
    )
    VersionFile.objects.bulk_create(
        VersionFile(
            version=version,
            stored_file_id=material_file.stored_file_id,
            original_name=material_file.original_name,
            role=material_file.role,
            sort_order=index,
        )
        for index, material_file in enumerate(material.files.all())
    )
    # Imported here: remix_updates builds on this module's working-copy functions.
    from repository.services.remix_updates import source_update_notify

    source_update_notify(version=version)
    return version


@transaction.atomic
def material_withdraw(*, material: Material, user, reason: str = "") -> Material:
    """Take a material offline for good; its versions keep their files for the record."""
    material = _fresh(material)
    _require_editor(material, user)
    if material.is_withdrawn:
        return material
    if (state := material.current_workflow_state) is not None:
        state.cancel(user=user)
    material.withdrawn_at = timezone.now()
    material.withdrawn_reason = reason.strip()
    material.save(update_fields=["withdrawn_at", "withdrawn_reason", "updated_at"])
    if material.live:
        # Authorship was checked above; Wagtail's own check asks for a publish permission.
        UnpublishAction(material, user=user, log_action=True).execute(skip_permission_checks=True)
    return material
