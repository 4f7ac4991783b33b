"""The editors' side: the report queue, moderation of experiences, and the evaluation exports."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from repository import exports
from repository.forms_feedback import (
    ExportForm,
    FeedbackFilterForm,
    ReportFilterForm,
    ReportHandleForm,
)
from repository.models import Feedback, Report
from repository.selectors.feedback import (
    feedback_for_export,
    feedback_for_moderation,
    reports_for_export,
    reports_for_moderation,
    review_scores_for_export,
)
from repository.services.feedback import REPORT_TRANSITIONS, feedback_moderate, report_handle

PAGE_SIZE = 50


def permission_required(permission: str):
    """Refuse anyone without the permission; Wagtail turns this into its own refusal."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _page(request, items):
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("p"))


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("p", None)
    return query.urlencode()


@permission_required("repository.handle_report")
def report_list(request):
    form = ReportFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    reports = reports_for_moderation(
        status=filters.get("status", ""), reason=filters.get("reason", "")
    )
    return TemplateResponse(
        request,
        "repository/feedback/admin/report_list.html",
        {
            "page_title": _("Meldingen"),
            "header_icon": "warning",
            "filter_form": form if form.is_bound else ReportFilterForm(),
            "page": _page(request, reports),
            "query": _query_without_page(request),
        },
    )


@permission_required("repository.handle_report")
def report_detail(request, pk: int):
    report = get_object_or_404(Report.objects.select_related("material", "handled_by"), pk=pk)
    allowed = REPORT_TRANSITIONS.get(report.status, set())
    form = ReportHandleForm(request.POST or None)
    form.fields["status"].choices = [
        (value, label) for value, label in form.fields["status"].choices if value in allowed
    ]
    if request.method == "POST" and allowed and form.is_valid():
        report_handle(
            report=report,
            handler=request.user,
            status=form.cleaned_data["status"],
            resolution_note=form.cleaned_data["resolution_note"],
        )
        messages.success(request, _("De melding is bijgewerkt."))
        return redirect("repository_feedback_admin:report_detail", pk=report.pk)
    return TemplateResponse(
        request,
        "repository/feedback/admin/report_detail.html",
        {
            "page_title": _("Melding"),
            "header_icon": "warning",
            "report": report,
            "form": form if allowed else None,
            "material_url": report.material.get_absolute_url(),
        },
    )


@permission_required("repository.moderate_feedback")
def feedback_list(request):
    form = FeedbackFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    status = filters.get("status") or Feedback.Status.PENDING
    feedback = feedback_for_moderation(status=status, role=filters.get("role", ""))
    return TemplateResponse(
        request,
        "repository/feedback/admin/feedback_list.html",
        {
            "page_title": _("Ervaringen controleren"),
            "header_icon": "comment",
            "filter_form": form if form.is_bound else FeedbackFilterForm(),
            "status": status,
            "page": _page(request, feedback),
            "query": _query_without_page(request),
        },
    )


MODERATION_ACTIONS = {
    "plaatsen": Feedback.Status.APPROVED,
    "afwijzen": Feedback.Status.REJECTED,
}


@require_POST
@permission_required("repository.moderate_feedback")
def feedback_moderate_action(request, pk: int):
    feedback = get_object_or_404(Feedback, pk=pk)
    status = MODERATION_ACTIONS.get(request.POST.get("action", ""))
    if status is None:
        raise Http404
    feedback_moderate(feedback=feedback, moderator=request.user, status=status)
    if status == Feedback.Status.APPROVED:
        messages.success(request, _("De ervaring staat bij het leermiddel."))
    else:
        messages.success(request, _("De ervaring is verborgen."))
    back = request.POST.get("next", "")
    if back.startswith(reverse("repository_feedback_admin:feedback_list")):
        return redirect(back)
    return redirect("repository_feedback_admin:feedback_list")


EXPORTS = {
    "beoordelingen": (review_scores_for_export, exports.review_header, exports.review_rows),
    "ervaringen": (feedback_for_export, exports.feedback_header, exports.feedback_rows),
    "meldingen": (reports_for_export, exports.report_header, exports.report_rows),
}


@permission_required("repository.export_evaluation")
def export_index(request):
    form = ExportForm(request.GET or None)
    return TemplateResponse(
        request,
        "repository/feedback/admin/exports.html",
        {
            "page_title": _("Exports voor de evaluatie"),
            "header_icon": "download",
            "form": form,
            "year": form.cleaned_data.get("year") if form.is_bound and form.is_valid() else None,
            "kinds": list(EXPORTS),
        },
    )


@permission_required("repository.export_evaluation")
def export_csv(request, kind: str):
    if kind not in EXPORTS:
        raise Http404
    form = ExportForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        messages.error(request, _("Vul een geldig jaartal in, bijvoorbeeld 2026."))
        return redirect("repository_feedback_admin:exports")
    year = form.cleaned_data.get("year") if form.is_bound else None
    selector, header, rows = EXPORTS[kind]
    filename = f"nlka-{kind}-{year or 'alle-jaren'}.csv"
    return exports.csv_response(filename, header(), rows(selector(year).iterator()))
