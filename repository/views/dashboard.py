"""A teacher's own materials, per state, and withdrawing one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from repository.forms import WithdrawForm
from repository.quota import storage_use
from repository.selectors import (
    CHANGES_REQUESTED,
    DRAFTS,
    IN_REVIEW,
    PUBLISHED,
    WITHDRAWN,
    materials_for_dashboard,
    source_updates_due,
)
from repository.selectors.collections import collections_for_dashboard
from repository.services.materials import material_withdraw
from repository.views.access import material_for_author

SECTION_HEADINGS = {
    DRAFTS: gettext_lazy("Concepten"),
    IN_REVIEW: gettext_lazy("In beoordeling"),
    CHANGES_REQUESTED: gettext_lazy("Wijzigingen gevraagd"),
    PUBLISHED: gettext_lazy("Gepubliceerd"),
    WITHDRAWN: gettext_lazy("Ingetrokken"),
}
SECTION_EMPTY = {
    DRAFTS: gettext_lazy("Je hebt geen concepten."),
    IN_REVIEW: gettext_lazy("Er wordt nu niets van je beoordeeld."),
    CHANGES_REQUESTED: gettext_lazy("Er zijn geen wijzigingen gevraagd."),
    PUBLISHED: gettext_lazy("Je hebt nog niets gepubliceerd."),
    WITHDRAWN: gettext_lazy("Je hebt niets ingetrokken."),
}


@login_required
def my_materials(request):
    """List the user's own and co-authored materials: concepts, in review, published, …"""
    entries = materials_for_dashboard(request.user)
    sections = [
        {
            "slug": slug,
            "heading": SECTION_HEADINGS[slug],
            "empty": SECTION_EMPTY[slug],
            "entries": section_entries,
        }
        for slug, section_entries in entries.items()
    ]
    return render(
        request,
        "repository/material_dashboard.html",
        {
            "sections": sections,
            "total": sum(len(s["entries"]) for s in sections),
            "source_updates": source_updates_due(request.user),
            "collections": collections_for_dashboard(request.user),
            "storage_use": storage_use(request.user),
        },
    )


@login_required
def material_withdraw_confirm(request, pk: int):
    """Ask for confirmation (and a reason) before taking a material offline; withdraw on POST."""
    material = material_for_author(request, pk)
    if material.is_withdrawn:
        messages.info(request, _("‘%(title)s’ is al ingetrokken.") % {"title": material.title})
        return redirect("repository:my_materials")
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        material_withdraw(material=material, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("‘%(title)s’ is ingetrokken.") % {"title": material.title})
        return redirect("repository:my_materials")
    return render(
        request, "repository/material_withdraw.html", {"material": material, "form": form}
    )
