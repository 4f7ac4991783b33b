"""The bin (prullenbak): deleting a material, and taking materials and collections back out."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from repository.models import Collection, Material
from repository.selectors.bin import bin_entries, retention
from repository.services import bin as services
from repository.services.collections import collection_restore as restore_collection
from repository.views.access import material_for_author


@login_required
def material_bin(request):
    """List the teacher's deleted materials and collections, with when each goes for good."""
    return render(
        request,
        "repository/material_bin.html",
        {"entries": bin_entries(request.user), "retention_days": retention().days},
    )


@login_required
def material_delete_confirm(request, pk: int):
    """Ask before moving a material to the bin; say why not when it must be withdrawn first."""
    material = material_for_author(request, pk)
    if material.owner_id != request.user.pk:
        raise PermissionDenied
    refusal = services.material_delete_refusal(material)
    if request.method == "POST" and refusal is None:
        try:
            services.material_delete(material=material, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("repository:my_materials")
        messages.success(
            request,
            _("‘%(title)s’ staat nu in je prullenbak.") % {"title": material.title},
        )
        return redirect("repository:my_materials")
    return render(
        request,
        "repository/material_delete.html",
        {"material": material, "refusal": refusal, "retention_days": retention().days},
        status=409 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def material_restore(request, pk: int):
    """Take the teacher's own material out of the bin."""
    material = get_object_or_404(Material, pk=pk, owner=request.user, deleted_at__isnull=False)
    services.material_restore(material=material, user=request.user)
    messages.success(request, _("‘%(title)s’ is teruggezet.") % {"title": material.title})
    return redirect("repository:material_bin")


@login_required
@require_POST
def collection_restore(request, pk: int):
    """Take the teacher's own collection out of the bin."""
    collection = get_object_or_404(Collection, pk=pk, owner=request.user, deleted_at__isnull=False)
    restore_collection(collection=collection, user=request.user)
    messages.success(
        request, _("Het arrangement ‘%(title)s’ is teruggezet.") % {"title": collection.title}
    )
    return redirect("repository:material_bin")
