"""Editing a material's draft: metadata, files, submission for review, a new version."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from repository.forms import FORM_ID, SUBMISSION_CHECKLIST, MaterialForm, UploadForm
from repository.selectors import curriculum_goals_search, source_updates_due
from repository.selectors.lineage import remix_licence_decision
from repository.selectors.review import minor_correction_allowed, review_comments_for_authors
from repository.services.materials import (
    DraftConflict,
    SubmissionIncomplete,
    material_remove_file,
    material_save_draft,
    material_submission_errors,
    material_submit_for_review,
    working_copy,
)
from repository.services.review import material_publish_minor_correction
from repository.views.access import material_for_author, wants_json
from repository.views.upload import file_json

FILES_ANCHOR = "id_files"
CHECKLIST_ANCHOR = "volledigheid"


@login_required
def material_edit(request, pk: int):
    """Show and save the draft's metadata; "Indienen ter beoordeling" also submits it."""
    material = material_for_author(request, pk)
    if material.is_withdrawn:
        messages.error(
            request,
            _("‘%(title)s’ is ingetrokken en kan niet meer worden bewerkt.")
            % {"title": material.title},
        )
        return redirect("repository:my_materials")
    is_new_version = material.live or material.versions.exists()
    form = MaterialForm(
        request.POST if request.method == "POST" else None,
        material=working_copy(material),
        is_new_version=is_new_version,
        remix_licences=remix_licence_decision(material),
        based_on_revision=material.latest_revision_id,
    )
    submission_errors = {}
    if form.is_bound and form.is_valid():
        try:
            material_save_draft(
                material=material,
                user=request.user,
                data=form.service_data(),
                based_on_revision_id=form.cleaned_data["based_on_revision"],
            )
        except DraftConflict as conflict:
            return _conflict_page(request, material, form, conflict, is_new_version)
        except ValidationError as invalid:
            _add_model_errors(form, invalid)
        else:
            if request.POST.get("action") == "minor":
                try:
                    material_publish_minor_correction(material=material, user=request.user)
                except ValidationError as not_minor:
                    form.add_error(None, not_minor)
                    return _edit_page(request, material, form, submission_errors, is_new_version)
                messages.success(request, _("Je kleine correctie is gepubliceerd."))
                return redirect("repository:my_materials")
            if request.POST.get("action") != "submit":
                messages.success(request, _("Je concept is opgeslagen."))
                return redirect("repository:material_edit", pk=material.pk)
            try:
                material_submit_for_review(material=material, user=request.user)
            except SubmissionIncomplete as incomplete:
                submission_errors = incomplete.errors
                for name, message in submission_errors.items():
                    if name in form.fields:
                        form.add_error(name, message)
            else:
                messages.success(
                    request,
                    _(
                        "‘%(title)s’ is ingediend ter beoordeling. Je hoort het als de "
                        "beoordeling klaar is."
                    )
                    % {"title": form.cleaned_data.get("title") or material.title},
                )
                return redirect("repository:my_materials")
    return _edit_page(request, material, form, submission_errors, is_new_version)


def _conflict_page(request, material, form, conflict: DraftConflict, is_new_version):
    """Refuse a save over a newer draft; keep the editor's input and let them save again."""
    form.add_error(
        None,
        _(
            "Iemand anders heeft dit leermiddel intussen bewaard, of je hebt het in een ander "
            "venster bewaard. Jouw wijzigingen zijn nog niet opgeslagen."
        ),
    )
    form.rebase(conflict.latest_revision_id)
    return _edit_page(request, material, form, {}, is_new_version, draft_conflict=True)


def _edit_page(request, material, form, submission_errors, is_new_version, draft_conflict=False):
    material.refresh_from_db()
    working = working_copy(material)
    # The checklist always shows what is still missing; errors only after "Indienen".
    checklist = _checklist(submission_errors or material_submission_errors(material), form)
    context = {
        "material": material,
        "working": working,
        "form": form,
        "upload_form": UploadForm(),
        "files": [file_json(material, material_file) for material_file in working.files.all()],
        "files_error": submission_errors.get("files"),
        "checklist": checklist,
        "checklist_done": sum(1 for item in checklist if item["done"]),
        "error_summary": _error_summary(form, submission_errors),
        "is_new_version": is_new_version,
        "latest_version": material.versions.order_by("-number").first(),
        "in_review": material.workflow_in_progress,
        "changes_requested": _changes_requested(material),
        "review_comments": review_comments_for_authors(material),
        "minor_correction": minor_correction_allowed(material, working),
        "source_updates": source_updates_due(request.user, remix=material),
        "draft_conflict": draft_conflict,
    }
    status = 400 if draft_conflict else 200
    return render(request, "repository/material_edit.html", context, status=status)


def _changes_requested(material) -> bool:
    state = material.current_workflow_state
    return state is not None and state.status == state.STATUS_NEEDS_CHANGES


def _add_model_errors(form: MaterialForm, invalid: ValidationError) -> None:
    if not hasattr(invalid, "error_dict"):
        form.add_error(None, invalid)
        return
    for name, errors in invalid.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def _checklist(missing: dict[str, str], form: MaterialForm) -> list[dict]:
    """The submission checklist: every requirement, done or with the service's message."""
    items = []
    for key, label in SUBMISSION_CHECKLIST:
        items.append(_checklist_item(key, label, missing, form))
    known = {key for key, _label in SUBMISSION_CHECKLIST}
    for key, message in missing.items():
        if key not in known:
            items.append(_checklist_item(key, message, missing, form))
    return items


def _checklist_item(key, label, missing, form) -> dict:
    return {
        "key": key,
        "label": label,
        "done": key not in missing,
        "message": missing.get(key, ""),
        "anchor": _anchor(key, form),
    }


def _anchor(key: str, form: MaterialForm) -> str:
    if key == "files":
        return FILES_ANCHOR
    if key in form.fields:
        return form.first_control_id(key)
    return CHECKLIST_ANCHOR


def _error_summary(form: MaterialForm, missing: dict[str, str]) -> list[dict]:
    """Every error on the page, each linking to the control it is about (WCAG 3.3.1)."""
    errors = [{"anchor": FORM_ID, "message": error} for error in form.non_field_errors()]
    for name, field_errors in form.errors.items():
        if name == "__all__":
            continue
        errors.extend(
            {"anchor": _anchor(name, form), "message": message, "label": form[name].label}
            for message in field_errors
        )
    for key, message in missing.items():
        if key not in form.fields:
            errors.append({"anchor": _anchor(key, form), "message": message})
    return errors


@login_required
@require_POST
def material_file_remove(request, pk: int, stored_file_id: int):
    """Take a file out of the draft; published versions keep it."""
    material = material_for_author(request, pk)
    if material.is_withdrawn:
        raise Http404
    material_file = next(
        (f for f in working_copy(material).files.all() if f.stored_file_id == stored_file_id),
        None,
    )
    if material_file is None:
        raise Http404
    material_remove_file(material=material, user=request.user, stored_file_id=stored_file_id)
    message = _("‘%(name)s’ is uit het concept gehaald.") % {"name": material_file.original_name}
    if wants_json(request):
        return JsonResponse({"removed": stored_file_id, "message": message})
    messages.success(request, message)
    return redirect(reverse("repository:material_edit", args=[material.pk]) + "#bestanden")


@login_required
@require_GET
def curriculum_goal_search(request):
    """Answer the curriculum-goal type-ahead: goals whose label or number matches `q`."""
    goals = curriculum_goals_search(request.GET.get("q", "")[:100])
    return JsonResponse(
        {
            "results": [
                {"id": goal.pk, "notation": goal.notation, "label": goal.label} for goal in goals
            ]
        }
    )
