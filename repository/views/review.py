"""The reviewer workspace in the Wagtail admin: queue, rubric, claims, conflicts, history."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from metadata.models import Concept
from repository.models import Material, Review, ReviewScore
from repository.selectors.review import (
    current_framework,
    is_reviewer,
    open_assignment,
    review_queue,
    review_refusal,
    reviewer_workloads,
    reviews_by,
    rubric,
    sees_all_reviews,
)
from repository.services.materials import working_copy
from repository.services.review import (
    ReviewOutdated,
    ReviewRefused,
    review_claim,
    review_declare_conflict,
    review_submit,
)

NOT_APPLICABLE = "nvt"
SCORE_CHOICES = [(str(value), f"{value} – {label}") for value, label in ReviewScore.SCALE] + [
    (NOT_APPLICABLE, gettext_lazy("niet van toepassing"))
]
TABS = (
    ("mine", gettext_lazy("Aan mij toegewezen")),
    ("open", gettext_lazy("Op te pakken")),
    ("all", gettext_lazy("Alle beoordelingen")),
)


class RubricForm(forms.Form):
    """The framework's rubric: a score and a comment per criterion, then the recommendation."""

    revision = forms.IntegerField(widget=forms.HiddenInput)
    recommendation = forms.ChoiceField(
        label=gettext_lazy("Uw advies"),
        choices=Review.Recommendation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Kies uw advies.")},
    )
    public_summary = forms.CharField(
        label=gettext_lazy("Openbare samenvatting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=Review._meta.get_field("public_summary").help_text,
    )
    comments_for_author = forms.CharField(
        label=gettext_lazy("Toelichting voor de auteur"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Nodig als u wijzigingen vraagt of afwijst. Alleen de auteurs zien dit."
        ),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.ChoiceField(
                label=_("Score voor %(code)s") % {"code": criterion.code},
                choices=SCORE_CHOICES,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Kies een score of ‘niet van toepassing’ bij %(code)s.")
                    % {"code": criterion.code}
                },
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Toelichting bij %(code)s (openbaar)") % {"code": criterion.code},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def scores(self) -> dict[int, tuple[int | None, str]]:
        data = self.cleaned_data
        return {
            criterion.pk: (
                None
                if data[f"score_{criterion.pk}"] == NOT_APPLICABLE
                else int(data[f"score_{criterion.pk}"]),
                data.get(f"comment_{criterion.pk}", ""),
            )
            for criterion in self.criteria
        }


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Waarom kunt u dit leermiddel niet onpartijdig beoordelen?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Bijvoorbeeld: ik ken de auteur persoonlijk. Alleen de redactie ziet dit."
        ),
    )


def _require_workspace(request) -> None:
    if not (is_reviewer(request.user) or sees_all_reviews(request.user)):
        raise PermissionDenied


def _refused(request, material, reason: str):
    return TemplateResponse(
        request,
        "repository/review/refused.html",
        {"material": material, "reason": reason, "page_title": _("Beoordelen niet mogelijk")},
        status=403,
    )


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def review_queue_view(request):
    """List the running reviews: mine, free to claim, or (editors) all, with filters."""
    _require_workspace(request)
    editor = sees_all_reviews(request.user)
    tabs = [(key, label) for key, label in TABS if key != "all" or editor]
    default = "mine" if is_reviewer(request.user) else "all"
    tab = request.GET.get("tab", default)
    if tab not in dict(tabs):
        tab = default
    subject = _int_or_none(request.GET.get("vak"))
    level = _int_or_none(request.GET.get("niveau"))
    overdue = request.GET.get("te_laat") == "1"
    entries = review_queue(request.user, tab=tab, subject=subject, level=level, overdue=overdue)
    return TemplateResponse(
        request,
        "repository/review/queue.html",
        {
            "page_title": _("Beoordelingen"),
            "header_icon": "tasks",
            "tabs": tabs,
            "tab": tab,
            "entries": entries,
            "subjects": Concept.objects.active().in_scheme("subjects").order_by("label_nl"),
            "levels": Concept.objects.active().in_scheme("levels").order_by("sort_order"),
            "subject": subject,
            "level": level,
            "overdue": overdue,
            "workloads": reviewer_workloads() if editor else None,
        },
    )


def review_material(request, pk: int):
    """Show the submitted draft with the rubric, and record the review."""
    material = get_object_or_404(Material, pk=pk)
    refusal = review_refusal(material, request.user)
    if refusal is not None:
        can_claim = review_refusal(material, request.user, to_claim=True) is None
        if request.method == "GET" and can_claim:
            return _review_page(request, material, form=None, can_claim=True)
        return _refused(request, material, refusal)
    framework = current_framework()
    if framework is None:
        return _refused(request, material, _("Er is geen gepubliceerd kwaliteitskader."))
    criteria = [c for _theme, group in rubric(framework) for c in group]
    if request.method != "POST":
        form = RubricForm(criteria=criteria, initial={"revision": material.latest_revision_id})
        return _review_page(request, material, form=form, framework=framework)
    form = RubricForm(request.POST, criteria=criteria)
    if form.is_valid():
        try:
            review_submit(
                material=material,
                user=request.user,
                revision_id=form.cleaned_data["revision"],
                recommendation=form.cleaned_data["recommendation"],
                scores=form.scores(),
                public_summary=form.cleaned_data["public_summary"],
                comments_for_author=form.cleaned_data["comments_for_author"],
            )
        except ReviewRefused as refused:
            return _refused(request, material, str(refused))
        except ReviewOutdated as outdated:
            messages.warning(request, str(outdated))
            return redirect("repository_review:review", pk=material.pk)
        except ValidationError as invalid:
            for name, errors in invalid.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            messages.success(
                request,
                _("Uw beoordeling van ‘%(title)s’ is opgeslagen. Dank u wel.")
                % {"title": material.title},
            )
            return redirect("repository_review:queue")
    return _review_page(request, material, form=form, framework=framework)


def _review_page(request, material, *, form, framework=None, can_claim=False):
    working = working_copy(material)
    themes = []
    errors = []
    if form is not None:
        for theme, criteria in rubric(framework):
            themes.append(
                (
                    theme,
                    [(c, form[f"score_{c.pk}"], form[f"comment_{c.pk}"]) for c in criteria],
                )
            )
        errors = [
            {"anchor": form[name].auto_id if name in form.fields else "rubriek", "message": message}
            for name, messages_ in form.errors.items()
            for message in messages_
        ]
    return TemplateResponse(
        request,
        "repository/review/review.html",
        {
            "page_title": _("Beoordelen: %(title)s") % {"title": working.title},
            "header_icon": "tasks",
            "material": material,
            "working": working,
            "files": list(working.files.all()),
            "form": form,
            "framework": framework,
            "themes": themes,
            "errors": errors,
            "can_claim": can_claim,
            "assignment": open_assignment(material, request.user),
        },
        status=200,
    )


@require_POST
def review_claim_view(request, pk: int):
    """Take a free place on the material's review."""
    _require_workspace(request)
    material = get_object_or_404(Material, pk=pk)
    try:
        review_claim(material=material, user=request.user)
    except ReviewRefused as refused:
        return _refused(request, material, str(refused))
    messages.success(request, _("U beoordeelt nu ‘%(title)s’.") % {"title": material.title})
    return redirect("repository_review:review", pk=material.pk)


def review_conflict_view(request, pk: int):
    """Declare a conflict of interest: the reviewer steps aside for this material."""
    material = get_object_or_404(Material, pk=pk)
    if not is_reviewer(request.user):
        return _refused(
            request, material, _("Alleen beoordelaars kunnen een belangenconflict melden.")
        )
    form = ConflictForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        review_declare_conflict(
            material=material, user=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request,
            _("U beoordeelt ‘%(title)s’ niet. Een andere beoordelaar neemt het over.")
            % {"title": material.title},
        )
        return redirect("repository_review:queue")
    return TemplateResponse(
        request,
        "repository/review/conflict.html",
        {
            "page_title": _("Belangenconflict melden"),
            "header_icon": "warning",
            "material": material,
            "form": form,
        },
    )


def review_history_view(request):
    """List the reviews the user wrote."""
    _require_workspace(request)
    return TemplateResponse(
        request,
        "repository/review/history.html",
        {
            "page_title": _("Mijn beoordelingen"),
            "header_icon": "history",
            "reviews": reviews_by(request.user),
        },
    )
