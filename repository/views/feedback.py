"""Experiences ("Ik heb dit gebruikt", students and parents) and "Meld een probleem"."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from repository.forms_feedback import PublicFeedbackForm, ReportForm, TeacherFeedbackForm
from repository.models import Feedback, Material
from repository.models.review import is_author
from repository.rate_limits import (
    FEEDBACK_LIMIT,
    REPORT_LIMIT,
    Limit,
    client_key,
    rate_limit_count,
    rate_limited,
)
from repository.selectors.feedback import (
    teacher_feedback_for_current_version,
    teacher_may_give_feedback,
)
from repository.services.feedback import (
    feedback_public_create,
    feedback_teacher_save,
    report_create,
)

FEEDBACK_ANCHOR = "ervaringen"


def _published_material(pk: int) -> Material:
    """Only published materials take feedback; anything else is simply not found."""
    return get_object_or_404(Material.objects.published(), pk=pk)


def _material_url(material: Material) -> str:
    return reverse("repository:material_detail", args=[material.pk]) + f"#{FEEDBACK_ANCHOR}"


def _error_summary(form) -> list[dict]:
    """Every error, each linking to the control it is about (WCAG 3.3.1)."""
    errors = [{"anchor": "formulier", "message": error} for error in form.non_field_errors()]
    for name, field_errors in form.errors.items():
        if name == "__all__":
            continue
        field = form[name]
        # A group of radio buttons is reached through its first button.
        is_radio_group = isinstance(field.field.widget, forms.RadioSelect)
        anchor = field.subwidgets[0].id_for_label if is_radio_group else field.id_for_label
        errors.extend(
            {"anchor": anchor, "label": field.label, "message": message} for message in field_errors
        )
    return errors


def _form_page(request, template: str, material: Material, form, **extra):
    context = {"material": material, "form": form, "error_summary": _error_summary(form), **extra}
    return render(request, template, context, status=400 if form.errors else 200)


def _rate_limited_page(request, material: Material):
    return render(
        request, "repository/feedback/rate_limited.html", {"material": material}, status=429
    )


@login_required
def teacher_feedback(request, pk: int):
    """ "Ik heb dit gebruikt": a teacher shares (or updates) their experience with this version."""
    material = _published_material(pk)
    if is_author(material, request.user):
        return render(
            request, "repository/feedback/own_material.html", {"material": material}, status=403
        )
    if not teacher_may_give_feedback(request.user, material):
        return render(
            request, "repository/feedback/teacher_required.html", {"material": material}, status=403
        )
    existing = teacher_feedback_for_current_version(material, request.user)
    initial = {}
    if existing is not None:
        initial = {
            name: getattr(existing, name)
            for name in ("level", "class_context", "outcome", "adaptations", "would_use_again")
        } | {"comment": existing.comment}
    form = TeacherFeedbackForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        feedback = feedback_teacher_save(
            material=material, author=request.user, **form.cleaned_data
        )
        if feedback.status == Feedback.Status.PENDING:
            messages.success(
                request,
                _(
                    "Bedankt voor je ervaring. Er staat een link in; de redactie kijkt er eerst "
                    "naar voordat hij verschijnt."
                ),
            )
        else:
            messages.success(request, _("Bedankt! Je ervaring staat bij het leermiddel."))
        return redirect(_material_url(material))
    return _form_page(
        request, "repository/feedback/teacher_form.html", material, form, existing=existing
    )


def _public_form_view(request, pk: int, *, form_class, limit: Limit, template: str, save, thanks):
    """The flow both open forms share: rate limit, human checks, save, thank."""
    material = _published_material(pk)
    form = form_class(request.POST or None, material_id=material.pk)
    if request.method == "POST":
        client = client_key(request)
        if rate_limited(limit, client=client, material_id=material.pk):
            return _rate_limited_page(request, material)
        if form.is_valid():
            save(material, form.cleaned_data)
            rate_limit_count(limit, client=client, material_id=material.pk)
            messages.success(request, thanks)
            return redirect(_material_url(material))
    return _form_page(request, template, material, form)


def public_feedback(request, pk: int):
    """Students and parents: a short answer without an account, shown after moderation."""

    def save(material, data):
        feedback_public_create(
            material=material, role=data["role"], helpful=data["helpful"], comment=data["comment"]
        )

    return _public_form_view(
        request,
        pk,
        form_class=PublicFeedbackForm,
        limit=FEEDBACK_LIMIT,
        template="repository/feedback/public_form.html",
        save=save,
        thanks=_(
            "Bedankt voor je mening! De redactie bekijkt hem eerst; daarna staat hij bij het "
            "leermiddel."
        ),
    )


def report_problem(request, pk: int):
    """ "Meld een probleem": anyone may flag a published material for the editors."""

    def save(material, data):
        report_create(
            material=material,
            reason=data["reason"],
            description=data["description"],
            contact_email=data["contact_email"],
            reporter=request.user,
        )

    return _public_form_view(
        request,
        pk,
        form_class=ReportForm,
        limit=REPORT_LIMIT,
        template="repository/feedback/report_form.html",
        save=save,
        thanks=_("Bedankt voor je melding. De redactie kijkt ernaar."),
    )
