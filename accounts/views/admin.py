"""Wagtail admin view where editors grant and withdraw the reviewer role."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import selectors, services
from accounts.forms import ReviewerRoleForm
from accounts.models import User


@require_http_methods(["GET", "POST"])
def reviewer_roles(request):
    if not request.user.has_perm("accounts.grant_reviewer_role"):
        raise PermissionDenied
    if request.method == "POST":
        form = ReviewerRoleForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Deze wijziging kon niet worden verwerkt."))
            return redirect("accounts_admin:reviewer_roles")
        user = get_object_or_404(User, pk=form.cleaned_data["user"])
        try:
            services.user_set_reviewer_role(
                user=user, granted_by=request.user, reviewer=form.cleaned_data["reviewer"]
            )
        except PermissionDenied:
            messages.error(
                request, _("%(name)s heeft nog geen bevestigd e-mailadres.") % {"name": user.name}
            )
        else:
            if form.cleaned_data["reviewer"]:
                message = _("%(name)s is nu beoordelaar.") % {"name": user.name}
            else:
                message = _("%(name)s is geen beoordelaar meer.") % {"name": user.name}
            messages.success(request, message)
        return redirect("accounts_admin:reviewer_roles")
    query = request.GET.get("q", "").strip()
    return TemplateResponse(
        request,
        "accounts/admin/reviewer_roles.html",
        {
            "candidates": selectors.reviewer_candidates(query=query),
            "query": query,
            "page_title": _("Beoordelaars"),
            "header_icon": "group",
        },
    )
