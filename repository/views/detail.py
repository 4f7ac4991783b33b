"""A material's page: what it is, its files and its versions."""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from lti.selectors import material_launch_count
from metadata.licences import LICENCES
from metadata.oai.identifiers import oai_identifier
from metadata.oai.selectors import material_concepts_attach, materials_with_metadata
from repository.attribution import attribution_for_material, attribution_for_version
from repository.models import Material
from repository.permissions import can_edit_material, can_view_material
from repository.selectors.feedback import material_feedback_summary
from repository.selectors.lineage import material_lineage, remix_offer
from repository.selectors.material_page import (
    draft_file_entries,
    language_name,
    material_page_versions,
    related_materials,
    version_file_entries,
)
from repository.selectors.review import material_review_summary
from repository.services.materials import working_copy
from repository.views.collections import material_page_collections


def material_detail(request, pk: int):
    """Show the published material to everyone, and the draft to those who may see it."""
    material = get_object_or_404(
        materials_with_metadata(Material.objects.filter(pk=pk), current_version=False)
    )
    if not can_view_material(request.user, material):
        raise Http404
    material_concepts_attach([material])
    is_public = material.live and not material.is_withdrawn
    shown = material if is_public else working_copy(material)
    versions = material_page_versions(material)
    # The serialisers read the newest version from here instead of loading it again.
    material.current_versions = versions[:1]
    latest_version = versions[0] if versions else None
    source_url = request.build_absolute_uri(material.get_absolute_url())
    if is_public and latest_version:
        attribution = attribution_for_version(
            latest_version, material=material, source_url=source_url
        )
        files = version_file_entries(material, latest_version)
    else:
        attribution = attribution_for_material(shown, source_url=source_url)
        files = draft_file_entries(material, shown)
    return render(
        request,
        "repository/material_detail.html",
        {
            "material": material,
            "shown": shown,
            "is_public": is_public,
            "versions": versions,
            "latest_version": latest_version,
            "history": [(v, version_file_entries(material, v)) for v in versions],
            "files": files,
            "attribution": attribution,
            "related": related_materials(
                material,
                goal_ids=[goal.pk for goal in shown.curriculum_goals.all()],
                subject_ids=[subject.pk for subject in shown.subjects.all()],
            )
            if is_public
            else [],
            "lom_record_url": _lom_record_url(material) if is_public else "",
            "language_name": language_name(shown.language),
            "lti_register_url": request.build_absolute_uri(reverse("lti:register")),
            "licence": LICENCES.get(shown.licence),
            "can_edit": can_edit_material(request.user, material),
            "launch_count": material_launch_count(material) if is_public else 0,
            "review_summary": material_review_summary(material),
            "feedback_summary": material_feedback_summary(material) if is_public else None,
            **material_page_collections(request, material, is_public=is_public),
            "lineage": material_lineage(material),
            "remix_offer": remix_offer(material, request.user) if is_public else None,
        },
    )


def _lom_record_url(material: Material) -> str:
    query = urlencode(
        {"verb": "GetRecord", "metadataPrefix": "lom", "identifier": oai_identifier(material.pk)}
    )
    return f"{reverse('metadata:oai')}?{query}"
