"""Administrators' takedown of files, for when the law requires the bytes to go."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from repository.models import StoredFile
from repository.services.files import stored_file_take_down


class TakeDownForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reden"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Bijvoorbeeld de melding of uitspraak waarop dit berust."),
    )


def _stored_files_matching(query: str, limit: int = 50):
    files = StoredFile.objects.order_by("-created_at")
    if query:
        files = files.filter(
            Q(sha256__startswith=query.lower()) | Q(version_files__original_name__icontains=query)
        ).distinct()
    return files[:limit]


def _require_permission(request):
    if not request.user.has_perm("repository.take_down_storedfile"):
        raise PermissionDenied


def stored_files(request):
    _require_permission(request)
    query = request.GET.get("q", "").strip()
    return TemplateResponse(
        request,
        "repository/admin/stored_files.html",
        {
            "files": _stored_files_matching(query),
            "query": query,
            "page_title": _("Bestanden verwijderen"),
            "header_icon": "warning",
        },
    )


def take_down(request, pk: int):
    _require_permission(request)
    stored_file = get_object_or_404(StoredFile, pk=pk)
    form = TakeDownForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not stored_file.is_removed:
        stored_file_take_down(
            stored_file=stored_file, user=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("Het bestand is verwijderd."))
        return redirect("repository_admin:stored_files")
    return TemplateResponse(
        request,
        "repository/admin/take_down.html",
        {
            "stored_file": stored_file,
            "form": form,
            "names": sorted(set(stored_file.version_files.values_list("original_name", flat=True))),
            "page_title": _("Bestand verwijderen"),
            "header_icon": "warning",
        },
    )
