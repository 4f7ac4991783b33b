from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from repository.models import Material, MaterialVersion
from repository.permissions import can_view_draft, can_view_material
from repository.services.materials import working_copy
from repository.serving import stored_file_response


def _removed(request, display_name: str):
    return TemplateResponse(
        request, "repository/file_removed.html", {"display_name": display_name}, status=410
    )


def _wants_inline(request) -> bool:
    return request.GET.get("weergave") == "inline"


@require_GET
def file_download(request, pk: int, version: int, file_id: int):
    """Serve a file of a published version; of other materials only to those who may see them."""
    material = get_object_or_404(Material, pk=pk)
    if not can_view_material(request.user, material):
        raise Http404
    material_version = get_object_or_404(MaterialVersion, material=material, number=version)
    version_file = get_object_or_404(
        material_version.files.select_related("stored_file"), pk=file_id
    )
    if version_file.stored_file.is_removed:
        return _removed(request, version_file.original_name)
    return stored_file_response(
        request,
        version_file.stored_file,
        display_name=version_file.original_name,
        public=material.live and not material.is_withdrawn,
        inline=_wants_inline(request),
    )


@require_GET
def draft_file_download(request, pk: int, stored_file_id: int):
    """Serve a file of the working draft to those who may see the draft."""
    material = get_object_or_404(Material, pk=pk)
    if not can_view_draft(request.user, material):
        raise Http404
    draft = working_copy(material)
    material_file = next((f for f in draft.files.all() if f.stored_file_id == stored_file_id), None)
    if material_file is None:
        raise Http404
    if material_file.stored_file.is_removed:
        return _removed(request, material_file.original_name)
    return stored_file_response(
        request,
        material_file.stored_file,
        display_name=material_file.original_name,
        public=False,
        inline=_wants_inline(request),
    )
