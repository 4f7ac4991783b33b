"""Reads of experiences and problem reports: per material, for moderation and for export."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet

from allauth.account.models import EmailAddress

from accounts.roles import TEACHERS
from accounts.services import user_has_role
from repository.models import Feedback, Material, Report, ReviewScore
from repository.models.review import is_author

RECENT_COMMENTS = 5
OPEN_REPORT_STATUSES = (Report.Status.OPEN, Report.Status.IN_PROGRESS)
PUBLIC_ROLES = (Feedback.Role.STUDENT, Feedback.Role.PARENT)


def teacher_may_give_feedback(user, material: Material) -> bool:
    """Verified teachers may, except on material they (co-)authored."""
    return (
        user_has_role(user, TEACHERS)
        and EmailAddress.objects.filter(user=user, verified=True).exists()
        and not is_author(material, user)
    )


def teacher_feedback_for_current_version(material: Material, user) -> Feedback | None:
    """Return the teacher's experience with the material's latest version, if they gave one."""
    version_number = material.versions.aggregate(number=Max("number"))["number"]
    return Feedback.objects.filter(
        material=material, author=user, version_number=version_number
    ).first()


@dataclass(frozen=True)
class Share:
    """How many answered one option, and what part of all answers that is."""

    value: str
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class FeedbackSummary:
    times_used: int
    outcomes: list[Share]
    would_use_again: list[Share]
    would_use_again_total: int
    helpful: list[Share]
    helpful_total: int
    recent: list[Feedback]

    @property
    def is_empty(self) -> bool:
        return not (self.times_used or self.helpful_total)


def _shares(counts: dict, choices) -> tuple[list[Share], int]:
    total = sum(counts[value] for value, _label in choices)
    shares = [
        Share(
            value=str(value),
            label=str(label),
            count=counts[value],
            percent=round(100 * counts[value] / total) if total else 0,
        )
        for value, label in choices
    ]
    return shares, total


def material_feedback_summary(material: Material) -> FeedbackSummary:
    """Summarise the approved experiences with a material, in two queries."""
    approved = Feedback.objects.filter(material=material, status=Feedback.Status.APPROVED)
    # One row per combination of answers, counted here: cheaper than a dozen filtered counts.
    combinations = (
        approved.values_list("role", "outcome", "would_use_again", "helpful")
        .annotate(count=Count("pk"))
        .order_by()
    )
    times_used = 0
    outcome_counts, again_counts, helpful_counts = Counter(), Counter(), Counter()
    for role, outcome, would_use_again, helpful_answer, count in combinations:
        if role == Feedback.Role.TEACHER:
            times_used += count
            outcome_counts[outcome] += count
            again_counts[would_use_again] += count
        elif role in PUBLIC_ROLES:
            helpful_counts[helpful_answer] += count
    outcomes, _total = _shares(outcome_counts, Feedback.Outcome.choices)
    again, again_total = _shares(again_counts, Feedback.Again.choices)
    helpful, helpful_total = _shares(helpful_counts, Feedback.Helpful.choices)
    recent = list(
        approved.exclude(comment="", adaptations="")
        .select_related("level")
        .order_by("-created_at", "-pk")[:RECENT_COMMENTS]
    )
    return FeedbackSummary(
        times_used=times_used,
        outcomes=outcomes,
        would_use_again=again,
        would_use_again_total=again_total,
        helpful=helpful,
        helpful_total=helpful_total,
        recent=recent,
    )


def reports_for_moderation(*, status: str = "", reason: str = "") -> QuerySet[Report]:
    """Reports for the editors' queue: unhandled ones unless a status is asked for."""
    reports = Report.objects.select_related("material", "handled_by")
    if status == "alle":
        pass
    elif status:
        reports = reports.filter(status=status)
    else:
        reports = reports.filter(status__in=OPEN_REPORT_STATUSES)
    if reason:
        reports = reports.filter(reason=reason)
    return reports.order_by("-created_at", "-pk")


def feedback_for_moderation(
    *, status: str = Feedback.Status.PENDING, role: str = ""
) -> QuerySet[Feedback]:
    """Experiences with a given status, newest first, with their material and level."""
    feedback = Feedback.objects.filter(status=status or Feedback.Status.PENDING)
    if role:
        feedback = feedback.filter(role=role)
    return feedback.select_related("material", "level", "moderated_by").order_by(
        "-created_at", "-pk"
    )


def moderation_counts() -> dict[str, int]:
    """Return how many reports are unhandled and how many experiences wait, in two queries."""
    return {
        "open_reports": Report.objects.filter(status__in=OPEN_REPORT_STATUSES).count(),
        "pending_feedback": Feedback.objects.filter(status=Feedback.Status.PENDING).count(),
    }


def _in_year(queryset: QuerySet, field: str, year: int | None) -> QuerySet:
    return queryset.filter(**{f"{field}__year": year}) if year else queryset


def review_scores_for_export(year: int | None = None) -> QuerySet[ReviewScore]:
    """Every criterion score of every review, without who reviewed."""
    scores = ReviewScore.objects.select_related("review__material").only(
        "criterion_code",
        "criterion_title",
        "score",
        "review__created_at",
        "review__framework_version",
        "review__recommendation",
        "review__material__id",
        "review__material__title",
    )
    return _in_year(scores, "review__created_at", year).order_by(
        "review__created_at", "review__pk", "sort_order", "pk"
    )


def feedback_for_export(year: int | None = None) -> QuerySet[Feedback]:
    feedback = Feedback.objects.select_related("material", "level").defer("author", "moderated_by")
    return _in_year(feedback, "created_at", year).order_by("created_at", "pk")


def reports_for_export(year: int | None = None) -> QuerySet[Report]:
    reports = Report.objects.select_related("material").defer(
        "reporter", "contact_email", "handled_by"
    )
    return _in_year(reports, "created_at", year).order_by("created_at", "pk")
