"""A material's page: what it is, its files and its versions."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from lti.selectors import material_launch_count
from metadata.licences import LICENCES
from metadata.oai.selectors import materials_with_metadata
from repository.models import Material
from repository.permissions import can_edit_material, can_view_material
from repository.selectors import material_versions
from repository.services.materials import working_copy


def material_detail(request, pk: int):
    """Show the published material to everyone, and the draft to those who may see it."""
    material = get_object_or_404(materials_with_metadata(Material.objects.filter(pk=pk)))
    if not can_view_material(request.user, material):
        raise Http404
    is_public = material.live and not material.is_withdrawn
    shown = material if is_public else working_copy(material)
    versions = list(material_versions(material))
    return render(
        request,
        "repository/material_detail.html",
        {
            "material": material,
            "shown": shown,
            "is_public": is_public,
            "versions": versions,
            "latest_version": versions[0] if versions else None,
            "draft_files": [] if is_public else list(shown.files.all()),
            "licence": LICENCES.get(shown.licence),
            "can_edit": can_edit_material(request.user, material),
            "launch_count": material_launch_count(material) if is_public else 0,
            "review_summary": None,
            "feedback_summary": None,
        },
    )
