"""Uploading: files first, which creates a draft at once; then more files per material."""

import re
from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from repository.filetypes import ALLOWED_TYPES, FileRefused
from repository.forms import UploadForm
from repository.models import Material, MaterialFile, StoredFile
from repository.quota import upload_allowance_check, upload_rate_count
from repository.selectors import teacher_expertise
from repository.services.materials import (
    material_add_file,
    material_create_draft,
    material_save_draft,
)
from repository.views.access import material_for_author, teacher_required, wants_json


def title_from_filename(name: str) -> str:
    """Turn 'breuken_groep-6.pdf' into 'breuken groep 6'."""
    stem = PurePosixPath(name.replace("\\", "/")).name
    if "." in stem.lstrip("."):
        stem = stem.rsplit(".", 1)[0]
    title = " ".join(re.sub(r"[_\-]+", " ", stem).split())
    return title[:255] or _("Naamloos leermiddel")


def file_json(material: Material, material_file: MaterialFile) -> dict:
    stored = material_file.stored_file
    file_type = ALLOWED_TYPES.get(stored.mime_type)
    return {
        "id": stored.pk,
        "name": material_file.original_name,
        "size": stored.size,
        "size_label": filesizeformat(stored.size),
        "type_label": str(file_type.label) if file_type else stored.mime_type,
        "scan_status": stored.scan_status,
        "scan_message": _scan_message(stored),
        "remove_url": reverse("repository:material_file_remove", args=[material.pk, stored.pk]),
        "download_url": reverse("repository:draft_file_download", args=[material.pk, stored.pk]),
    }


def _scan_message(stored: StoredFile) -> str:
    if stored.scan_status == StoredFile.ScanStatus.PENDING:
        return _("wordt gescand op virussen")
    if stored.scan_status == StoredFile.ScanStatus.INFECTED:
        return _(
            "Er is een virus in gevonden (%(signature)s). We hebben het bestand verwijderd; "
            "haal het uit je leermiddel."
        ) % {"signature": stored.scan_signature}
    return ""


def _allow_upload(user, upload) -> None:
    """Refuse the upload when it would break the user's quota or hourly rate; else count it."""
    upload_allowance_check(user, size=upload.size or 0)
    upload_rate_count(user)


def _create_draft(user, uploads) -> tuple[Material | None, list[MaterialFile], list[str]]:
    """Create a draft from the first acceptable file and add the rest; collect refusals."""
    material, added, refusals = None, [], []
    for upload in uploads:
        try:
            _allow_upload(user, upload)
            if material is None:
                material = material_create_draft(
                    owner=user,
                    title=title_from_filename(upload.name),
                    uploads=[(upload, upload.name)],
                )
                added.extend(material.files.all())
            else:
                added.append(
                    material_add_file(
                        material=material, user=user, upload=upload, original_name=upload.name
                    )
                )
        except FileRefused as refusal:
            refusals.append(str(refusal))
    if material is not None:
        expertise = {
            name: concepts for name, concepts in teacher_expertise(user).items() if concepts
        }
        if expertise:
            material_save_draft(material=material, user=user, data=expertise)
    return material, added, refusals


@teacher_required
def material_upload(request):
    """Start a new material by uploading its files; without JavaScript this form does it all."""
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            material, added, refusals = _create_draft(request.user, form.cleaned_data["files"])
            if wants_json(request):
                return _upload_json(material, added, refusals)
            if material is not None:
                for refusal in refusals:
                    messages.error(request, refusal)
                messages.success(
                    request, _("Je concept is aangemaakt. Beschrijf nu je leermiddel.")
                )
                return redirect("repository:material_edit", pk=material.pk)
            for refusal in refusals:
                form.add_error("files", refusal)
        elif wants_json(request):
            return JsonResponse({"files": [], "errors": form.errors["files"]}, status=400)
    status = 400 if form.errors else 200
    return render(request, "repository/material_upload.html", {"upload_form": form}, status=status)


def _upload_json(material, added, refusals) -> JsonResponse:
    if material is None:
        return JsonResponse({"files": [], "errors": refusals}, status=400)
    return JsonResponse(
        {
            "material": {
                "id": material.pk,
                "title": material.title,
                "edit_url": reverse("repository:material_edit", args=[material.pk]),
                "add_file_url": reverse("repository:material_file_add", args=[material.pk]),
            },
            "files": [file_json(material, material_file) for material_file in added],
            "errors": refusals,
        },
        status=400 if refusals else 201,
    )


@login_required
@require_POST
def material_file_add(request, pk: int):
    """Add files to an author's draft; our script posts one file at a time and reads JSON."""
    material = material_for_author(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if material.is_withdrawn:
        errors = [_("Dit leermiddel is ingetrokken; je kunt er geen bestanden meer aan toevoegen.")]
        added = []
    elif form.is_valid():
        added, errors = [], []
        for upload in form.cleaned_data["files"]:
            try:
                _allow_upload(request.user, upload)
                added.append(
                    material_add_file(
                        material=material,
                        user=request.user,
                        upload=upload,
                        original_name=upload.name,
                    )
                )
            except FileRefused as refusal:
                errors.append(str(refusal))
    else:
        added, errors = [], list(form.errors["files"])

    if wants_json(request):
        files = []
        for material_file in added:
            described = file_json(material, material_file)
            described["row_html"] = render_to_string(
                "repository/includes/material_file_row.html",
                {"material": material, "file": described},
                request=request,
            )
            files.append(described)
        return JsonResponse({"files": files, "errors": errors}, status=400 if errors else 201)
    for error in errors:
        messages.error(request, error)
    for material_file in added:
        messages.success(
            request, _("‘%(name)s’ is toegevoegd.") % {"name": material_file.original_name}
        )
    return redirect(reverse("repository:material_edit", args=[material.pk]) + "#bestanden")
