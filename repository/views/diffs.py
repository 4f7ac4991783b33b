"""What changed: versions compared, a remix against its source, and newer source versions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from repository.models import Material, MaterialSource
from repository.permissions import can_view_draft, can_view_material
from repository.selectors.diffs import (
    draft_diff,
    file_rows,
    remix_diff,
    source_update,
    version_diff,
)
from repository.services.materials import working_copy
from repository.services.remix_updates import (
    SourceUpdateRefused,
    pull_plan,
    source_update_dismiss,
    source_update_licence_refusal,
    source_update_pull,
)
from repository.views.access import material_for_author


def _version_label(number: int) -> str:
    return _("Versie %(number)s") % {"number": number}


@require_safe
def version_changes(request, pk: int, version: int):
    """Show what changed in a version against the one before it."""
    material = get_object_or_404(Material, pk=pk)
    if not can_view_material(request.user, material):
        raise Http404
    diff = version_diff(material, version)
    if diff is None:
        raise Http404
    return render(
        request,
        "repository/diff_version.html",
        {
            "material": material,
            "version": diff.version,
            "change_note": diff.version.change_note,
            "changes": diff.changes,
            "old_label": _version_label(diff.previous.number),
            "new_label": _version_label(diff.version.number),
        },
    )


@require_safe
def draft_changes(request, pk: int):
    """Show what the draft changes against the latest version, to those who may see the draft."""
    material = get_object_or_404(Material, pk=pk)
    if not can_view_draft(request.user, material):
        raise Http404
    diff = draft_diff(material)
    if diff is None:
        raise Http404
    latest, changes = diff
    return render(
        request,
        "repository/diff_version.html",
        {
            "material": material,
            "is_draft": True,
            "version": latest,
            "change_note": material.latest_revision.content.get("change_note", ""),
            "changes": changes,
            "old_label": _version_label(latest.number),
            "new_label": _("Concept"),
        },
    )


@require_safe
def remix_changes(request, pk: int, source_id: int):
    """Show what a remix changes against the source version it is based on."""
    remix = get_object_or_404(Material, pk=pk)
    source = get_object_or_404(
        MaterialSource.objects.select_related("source_material", "source_version__revision"),
        pk=source_id,
        remix=remix,
    )
    # The source's files are shown too: both must be visible to this user.
    origin = source.source_material
    if not can_view_material(request.user, remix) or not (
        origin and can_view_material(request.user, origin)
    ):
        raise Http404
    source.remix = remix
    diff = remix_diff(source)
    if diff is None:
        raise Http404
    version, changes = diff
    return render(
        request,
        "repository/diff_version.html",
        {
            "material": remix,
            "source": source,
            "version": version,
            "change_note": version.change_note,
            "changes": changes,
            "old_label": _("Bron, versie %(number)s") % {"number": source.version_number},
            "new_label": _("Bewerking, versie %(number)s") % {"number": version.number},
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def source_update_review(request, pk: int, source_id: int):
    """Show a remix's owner what a newer source version changes; pull it in or dismiss it."""
    remix = material_for_author(request, pk)
    source = get_object_or_404(
        MaterialSource.objects.select_related("source_material", "source_version"),
        pk=source_id,
        remix=remix,
    )
    if remix.is_withdrawn:
        raise Http404
    if request.method == "POST":
        return _act(request, remix, source)
    update = source_update(source)
    if update is None:
        messages.info(
            request,
            _("Er is geen nieuwe versie van ‘%(source)s’ om te bekijken.")
            % {"source": source.title},
        )
        return redirect("repository:material_edit", pk=remix.pk)
    working = working_copy(remix)
    plan = pull_plan(
        draft=file_rows(working.files.all()),
        old=update.old_files,
        new=update.new_files,
    )
    return render(
        request,
        "repository/diff_source_update.html",
        {
            "remix": remix,
            "working": working,
            "update": update,
            "plan": plan,
            "changes": update.changes,
            "refusal": source_update_licence_refusal(
                source=source, new_version=update.new_version, licence=working.licence
            ),
            "old_label": _version_label(source.version_number),
            "new_label": _version_label(update.new_version.number),
        },
    )


def _act(request, remix: Material, source: MaterialSource):
    action = request.POST.get("action")
    here = redirect("repository:source_update", pk=remix.pk, source_id=source.pk)
    if action == "pull":
        try:
            source_update_pull(source=source, user=request.user)
        except SourceUpdateRefused as refused:
            messages.error(request, str(refused))
            return here
        messages.success(
            request,
            _(
                "De nieuwe versie van ‘%(source)s’ staat nu in het concept van je bewerking. "
                "Kijk het na en dien het in; tot dan blijft de gepubliceerde versie zoals hij was."
            )
            % {"source": source.title},
        )
        return redirect("repository:material_edit", pk=remix.pk)
    if action == "dismiss":
        source_update_dismiss(source=source, user=request.user)
        messages.info(
            request,
            _("Je bewerking blijft gebaseerd op versie %(number)s van ‘%(source)s’.")
            % {"number": source.version_number, "source": source.title},
        )
        return redirect("repository:my_materials")
    messages.error(request, _("Kies of je de nieuwe versie overneemt of niet."))
    return here
