"""Who reaches the authoring pages: teachers create, authors edit, everyone else is turned away."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from accounts.roles import TEACHERS
from accounts.services import user_has_role
from repository.models import Material
from repository.permissions import can_edit_material, can_view_material


def teacher_required(view):
    """Let signed-in teachers through; show everyone else why they cannot share materials."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not user_has_role(request.user, TEACHERS):
            return render(request, "repository/teacher_required.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


def material_for_author(request, pk: int) -> Material:
    """Return the material if the user may edit it: 404 when they may not see it, else 403."""
    material = get_object_or_404(Material, pk=pk)
    if can_edit_material(request.user, material):
        return material
    if can_view_material(request.user, material):
        raise PermissionDenied
    raise Http404


def wants_json(request) -> bool:
    """Our scripts ask for JSON; a plain form post asks for a page."""
    return request.headers.get("Accept", "").startswith("application/json")
