"""Downloads of single files, previews and whole versions (ZIP), for those who may see them."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from repository.archives import archive_filename, version_zip_chunks
from repository.attribution import attribution_for_version
from repository.models import FileDerivative, Material, MaterialVersion, StoredFile
from repository.permissions import can_view_draft, can_view_material
from repository.services.materials import working_copy
from repository.serving import preview_response, stored_file_response, zip_response


def _removed(request, stored_file: StoredFile, display_name: str):
    return TemplateResponse(
        request,
        "repository/file_removed.html",
        {
            "display_name": display_name,
            "infected": stored_file.scan_status == StoredFile.ScanStatus.INFECTED,
        },
        status=410,
    )


def _unavailable(request, stored_file: StoredFile, display_name: str):
    """Answer for bytes nobody may have: taken down, infected, or not yet scanned."""
    if stored_file.is_removed or stored_file.scan_status == StoredFile.ScanStatus.INFECTED:
        return _removed(request, stored_file, display_name)
    if stored_file.scan_status == StoredFile.ScanStatus.PENDING:
        response = TemplateResponse(
            request, "repository/file_scanning.html", {"display_name": display_name}, status=409
        )
        response["Retry-After"] = "60"
        response["Cache-Control"] = "private, no-store"
        return response
    return None


def _wants_inline(request) -> bool:
    return request.GET.get("weergave") == "inline"


def _is_public(material: Material) -> bool:
    return material.live and not material.is_withdrawn


def _visible_material(request, pk: int) -> Material:
    material = get_object_or_404(Material, pk=pk)
    if not can_view_material(request.user, material):
        raise Http404
    return material


def _version_file(material: Material, version: int, file_id: int):
    material_version = get_object_or_404(MaterialVersion, material=material, number=version)
    return get_object_or_404(
        material_version.files.select_related("stored_file__derivative"), pk=file_id
    )


def _draft_file(request, pk: int, stored_file_id: int):
    material = get_object_or_404(Material, pk=pk)
    if not can_view_draft(request.user, material):
        raise Http404
    draft = working_copy(material)
    material_file = next((f for f in draft.files.all() if f.stored_file_id == stored_file_id), None)
    if material_file is None:
        raise Http404
    return material_file


def _ready_preview(stored_file) -> FileDerivative:
    derivative = FileDerivative.objects.filter(stored_file=stored_file).first()
    unscanned = stored_file.scan_status in (
        StoredFile.ScanStatus.PENDING,
        StoredFile.ScanStatus.INFECTED,
    )
    if stored_file.is_removed or unscanned or derivative is None or not derivative.preview_name:
        raise Http404
    derivative.stored_file = stored_file
    return derivative


@require_safe
def file_download(request, pk: int, version: int, file_id: int):
    """Serve a file of a published version; of other materials only to those who may see them."""
    material = _visible_material(request, pk)
    version_file = _version_file(material, version, file_id)
    if refusal := _unavailable(request, version_file.stored_file, version_file.original_name):
        return refusal
    return stored_file_response(
        request,
        version_file.stored_file,
        display_name=version_file.original_name,
        public=_is_public(material),
        inline=_wants_inline(request),
    )


@require_safe
def file_preview(request, pk: int, version: int, file_id: int):
    """Serve the preview image of a version's file, under the same rules as the file."""
    material = _visible_material(request, pk)
    version_file = _version_file(material, version, file_id)
    return preview_response(
        request,
        _ready_preview(version_file.stored_file),
        display_name=version_file.original_name,
        public=_is_public(material),
    )


@require_safe
def version_zip_download(request, pk: int, version: int):
    """Stream every file of a version plus its attribution as one ZIP."""
    material = _visible_material(request, pk)
    material_version = get_object_or_404(
        MaterialVersion.objects.select_related("material__owner").prefetch_related(
            "material__co_authors"
        ),
        material=material,
        number=version,
    )
    files = list(material_version.files.select_related("stored_file").order_by("sort_order"))
    attribution = attribution_for_version(
        material_version,
        material=material_version.material,
        source_url=request.build_absolute_uri(material.get_absolute_url()),
    )
    return zip_response(
        version_zip_chunks(material_version, files, attribution),
        filename=archive_filename(material_version),
        public=_is_public(material),
    )


@require_safe
def draft_file_download(request, pk: int, stored_file_id: int):
    """Serve a file of the working draft to those who may see the draft."""
    material_file = _draft_file(request, pk, stored_file_id)
    if refusal := _unavailable(request, material_file.stored_file, material_file.original_name):
        return refusal
    return stored_file_response(
        request,
        material_file.stored_file,
        display_name=material_file.original_name,
        public=False,
        inline=_wants_inline(request),
    )


@require_safe
def draft_file_preview(request, pk: int, stored_file_id: int):
    """Serve the preview image of a draft's file to those who may see the draft."""
    material_file = _draft_file(request, pk, stored_file_id)
    return preview_response(
        request,
        _ready_preview(material_file.stored_file),
        display_name=material_file.original_name,
        public=False,
    )
