"""Reads of peer review: who may review what, the reviewer workspace, and what a material shows."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import WorkflowState

from accounts.models import User
from accounts.roles import EDITORS, REVIEWERS
from cms.models import QualityFrameworkPage
from repository.models import CONCEPT_FIELDS, Material
from repository.models.review import (
    ConflictOfInterest,
    MaterialReviewTask,
    Review,
    ReviewAssignment,
    ReviewStatus,
    is_author,
)

# A minor correction may change only these fields, and no file; everything else needs review.
# They describe how to find and plan the material, not what it teaches or whose it is.
MINOR_CORRECTION_FIELDS = frozenset(
    {"keywords", "time_required", "accessibility_summary", "change_note"}
)
COMPARED_PLAIN_FIELDS = (
    "title",
    "summary",
    "description",
    "language",
    "licence",
    "accessibility_summary",
    "time_required",
)
COMPARED_M2M_FIELDS = ("co_authors", *CONCEPT_FIELDS)


def is_reviewer(user) -> bool:
    """Return True for active members of the Reviewers group."""
    return user.is_authenticated and user.is_active and user.groups.filter(name=REVIEWERS).exists()


def sees_all_reviews(user) -> bool:
    """Editors and administrators oversee every running review."""
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=EDITORS).exists()
    )


def running_review(material: Material) -> WorkflowState | None:
    """Return the material's review while reviewers can act on it (not while awaiting changes)."""
    state = material.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    return state


def review_task_for(state: WorkflowState) -> MaterialReviewTask | None:
    """Return the review task the state is on, or None when it is on another kind of task."""
    task_state = state.current_task_state
    if task_state is None:
        return None
    return MaterialReviewTask.objects.filter(pk=task_state.task_id).first()


def open_assignment(material: Material, user) -> ReviewAssignment | None:
    """Return the user's open assignment on the material's running review."""
    state = running_review(material)
    if state is None or not user.is_authenticated:
        return None
    return ReviewAssignment.objects.filter(
        workflow_state=state, reviewer=user, status=ReviewAssignment.Status.OPEN
    ).first()


def approvals_count(state: WorkflowState, revision_id: int | None) -> int:
    """Count approvals of exactly this revision in this review."""
    return Review.objects.filter(
        workflow_state=state, revision_id=revision_id, recommendation=Review.Recommendation.APPROVE
    ).count()


def open_slots(material: Material, state: WorkflowState, task: MaterialReviewTask) -> int:
    """Return how many more reviewers the running review still needs."""
    open_count = ReviewAssignment.objects.filter(
        workflow_state=state, status=ReviewAssignment.Status.OPEN
    ).count()
    approved = approvals_count(state, material.latest_revision_id)
    return max(task.required_reviewers - open_count - approved, 0)


def review_refusal(material: Material, user, *, to_claim: bool = False) -> str | None:
    """Return why the user may not review (or claim) the material now, in Dutch; None if they may.

    Reviewing needs an open assignment: reviewers who were not assigned first claim a free place
    from the queue, so that the number of reviewers per submission stays as configured.
    """
    if not is_reviewer(user):
        return _("Alleen beoordelaars kunnen leermiddelen beoordelen.")
    if is_author(material, user):
        return _("U kunt een leermiddel waaraan u zelf hebt meegewerkt niet beoordelen.")
    if ConflictOfInterest.objects.filter(material=material, reviewer=user).exists():
        return _("U hebt een belangenconflict gemeld voor dit leermiddel.")
    state = running_review(material)
    if state is None or material.is_withdrawn:
        return _("Dit leermiddel wacht op dit moment niet op een beoordeling.")
    assignment = open_assignment(material, user)
    if to_claim:
        if assignment is not None:
            return _("U beoordeelt dit leermiddel al.")
        task = review_task_for(state)
        if task is None or open_slots(material, state, task) < 1:
            return _("Er zijn al genoeg beoordelaars voor dit leermiddel.")
        if ReviewAssignment.objects.filter(
            workflow_state=state, reviewer=user, status=ReviewAssignment.Status.DECLINED
        ).exists():
            return _("U hebt deze beoordeling teruggegeven.")
        return None
    if assignment is None:
        return _("Dit leermiddel is niet aan u toegewezen. Pak het eerst op uit de wachtrij.")
    return None


def reviewer_candidates(
    material: Material, *, levels: list[int], subjects: list[int], exclude: set[int]
) -> QuerySet[User]:
    """Return eligible reviewers, best first: most expertise overlap, then lightest open load."""
    authors = {material.owner_id, *material.co_authors.values_list("pk", flat=True)}
    conflicted = ConflictOfInterest.objects.filter(material=material).values("reviewer")
    open_load = Count(
        "review_assignments",
        filter=Q(
            review_assignments__status=ReviewAssignment.Status.OPEN,
            review_assignments__workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
        ),
        distinct=True,
    )
    return (
        User.objects.filter(groups__name=REVIEWERS, is_active=True)
        .exclude(pk__in=authors | exclude)
        .exclude(pk__in=conflicted)
        .annotate(
            subject_overlap=Count(
                "expertise_subjects", filter=Q(expertise_subjects__in=subjects), distinct=True
            ),
            level_overlap=Count(
                "expertise_levels", filter=Q(expertise_levels__in=levels), distinct=True
            ),
            open_load=open_load,
        )
        .order_by("-subject_overlap", "-level_overlap", "open_load", "pk")
    )


@dataclass
class QueueEntry:
    """A material whose review is running, as the reviewer workspace lists it."""

    material: Material
    state: WorkflowState
    required: int
    approvals: int
    assignments: list[ReviewAssignment]
    mine: ReviewAssignment | None = None
    claimable: bool = False

    @property
    def open_slots(self) -> int:
        return max(self.required - len(self.assignments) - self.approvals, 0)

    @property
    def due_at(self) -> datetime | None:
        if self.mine is not None:
            return self.mine.due_at
        return min((a.due_at for a in self.assignments), default=None)

    @property
    def is_overdue(self) -> bool:
        return self.due_at is not None and self.due_at < timezone.now()


def review_queue(
    user,
    *,
    tab: str = "mine",
    subject: int | None = None,
    level: int | None = None,
    overdue: bool = False,
) -> list[QueueEntry]:
    """Return the running reviews for a tab: "mine", "open" (to claim) or "all" (editors)."""
    materials = Material.objects.filter(
        workflow_states__status=WorkflowState.STATUS_IN_PROGRESS, withdrawn_at__isnull=True
    )
    if subject:
        materials = materials.filter(subjects=subject)
    if level:
        materials = materials.filter(levels=level)
    active = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).select_related(
        "current_task_state"
    )
    materials = list(
        materials.distinct()
        .select_related("owner")
        .prefetch_related(
            "co_authors",
            Prefetch("workflow_states", queryset=active, to_attr="_running_states"),
        )
    )
    states = {m.pk: m._running_states[0] for m in materials if m._running_states}
    task_ids = {s.current_task_state.task_id for s in states.values() if s.current_task_state}
    tasks = MaterialReviewTask.objects.in_bulk(task_ids)
    assignments = defaultdict(list)
    for assignment in ReviewAssignment.objects.filter(
        workflow_state__in=states.values(), status=ReviewAssignment.Status.OPEN
    ).select_related("reviewer"):
        assignments[assignment.workflow_state_id].append(assignment)
    approvals = defaultdict(set)
    for state_id, revision_id, reviewer_id in Review.objects.filter(
        workflow_state__in=states.values(), recommendation=Review.Recommendation.APPROVE
    ).values_list("workflow_state_id", "revision_id", "reviewer_id"):
        approvals[(state_id, revision_id)].add(reviewer_id)
    conflicts = set(
        ConflictOfInterest.objects.filter(reviewer_id=user.pk).values_list("material_id", flat=True)
    )
    declined = set(
        ReviewAssignment.objects.filter(
            reviewer_id=user.pk, status=ReviewAssignment.Status.DECLINED
        ).values_list("workflow_state_id", flat=True)
    )
    reviewer = is_reviewer(user)
    entries = []
    for material in materials:
        state = states.get(material.pk)
        task = (
            tasks.get(state.current_task_state.task_id)
            if state and state.current_task_state
            else None
        )
        if task is None:
            continue
        open_ones = assignments[state.pk]
        entry = QueueEntry(
            material=material,
            state=state,
            required=task.required_reviewers,
            approvals=len(approvals[(state.pk, material.latest_revision_id)]),
            assignments=open_ones,
            mine=next((a for a in open_ones if a.reviewer_id == user.pk), None),
        )
        authors = {material.owner_id, *(u.pk for u in material.co_authors.all())}
        entry.claimable = (
            reviewer
            and entry.mine is None
            and entry.open_slots > 0
            and user.pk not in authors
            and material.pk not in conflicts
            and state.pk not in declined
        )
        entries.append(entry)
    if tab == "mine":
        entries = [e for e in entries if e.mine is not None]
    elif tab == "open":
        entries = [e for e in entries if e.claimable]
    elif not sees_all_reviews(user):
        entries = []
    if overdue:
        entries = [e for e in entries if e.is_overdue]
    entries.sort(key=lambda e: (e.due_at is None, e.due_at or timezone.now(), e.material.pk))
    return entries


def reviewer_workloads() -> QuerySet[User]:
    """Return every active reviewer with their open and overdue assignments, busiest first."""
    running = Q(
        review_assignments__status=ReviewAssignment.Status.OPEN,
        review_assignments__workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return (
        User.objects.filter(groups__name=REVIEWERS, is_active=True)
        .annotate(
            open_count=Count("review_assignments", filter=running, distinct=True),
            overdue_count=Count(
                "review_assignments",
                filter=running & Q(review_assignments__due_at__lt=timezone.now()),
                distinct=True,
            ),
        )
        .order_by("-open_count", "display_name", "pk")
    )


def reviews_by(user) -> QuerySet[Review]:
    """Return the user's own reviews, newest first."""
    return (
        Review.objects.filter(reviewer=user)
        .select_related("material")
        .order_by("-created_at", "-pk")
    )


def rubric(framework: QualityFrameworkPage) -> list[tuple[str, list]]:
    """Return the framework's criteria grouped by theme, as the review form asks them."""
    return framework.criteria_by_theme()


def current_framework() -> QualityFrameworkPage | None:
    """Return the framework version new reviews are scored against."""
    return QualityFrameworkPage.objects.current()


def review_comments_for_authors(material: Material) -> list[Review]:
    """Return the reviewers' comments the authors must act on now (changes asked, or rejected)."""
    asking = (
        Review.objects.filter(material=material)
        .exclude(comments_for_author="")
        .exclude(recommendation=Review.Recommendation.APPROVE)
    )
    state = material.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return list(asking.filter(workflow_state=state))
    if material.review_status == ReviewStatus.REJECTED:
        latest = asking.first()
        return [latest] if latest else []
    return []


def material_draft_changes(material: Material, working: Material) -> set[str]:
    """Return the names of what the draft changes compared with the live material."""
    changed = {
        name for name in COMPARED_PLAIN_FIELDS if getattr(working, name) != getattr(material, name)
    }
    for name in COMPARED_M2M_FIELDS:
        live_ids = {obj.pk for obj in getattr(material, name).all()}
        draft_ids = {obj.pk for obj in getattr(working, name).all()}
        if live_ids != draft_ids:
            changed.add(name)
    live_keywords = {tag.name for tag in material.keywords.all()}
    if live_keywords != {tag.name for tag in working.keywords.all()}:
        changed.add("keywords")

    def files(obj):
        return [(f.stored_file_id, f.original_name, f.role) for f in obj.files.all()]

    if files(material) != files(working):
        changed.add("files")
    return changed


def minor_correction_allowed(material: Material, working: Material) -> bool:
    """Return True when the draft of a live material changes only minor metadata.

    Minor means: the material is live, no review is running or waiting, there are changes,
    and every changed field is one of MINOR_CORRECTION_FIELDS (files never count as minor).
    """
    if not material.live or material.is_withdrawn or material.current_workflow_state:
        return False
    if not material.has_unpublished_changes:
        return False
    changes = material_draft_changes(material, working)
    return bool(changes) and changes <= MINOR_CORRECTION_FIELDS


@dataclass
class CriterionResult:
    """One criterion on the material page: every reviewer's score and the public comments."""

    code: str
    title: str
    scores: list[int | None] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def scored(self) -> list[int]:
        return [score for score in self.scores if score is not None]

    @property
    def average(self) -> float | None:
        return sum(self.scored) / len(self.scored) if self.scored else None

    @property
    def not_applicable(self) -> int:
        return sum(1 for score in self.scores if score is None)


@dataclass
class ReviewSummary:
    """The layered review status of a material, and the review it rests on if any."""

    status: str
    status_label: str
    new_version_in_review: bool = False
    framework: QualityFrameworkPage | None = None
    framework_version: str = ""
    framework_url: str = ""
    reviewed_at: datetime | None = None
    reviewer_count: int = 0
    criteria: list[CriterionResult] = field(default_factory=list)
    public_summaries: list[str] = field(default_factory=list)


def material_review_summary(material: Material) -> ReviewSummary:
    """Return what the material page shows about review, in a fixed number of queries."""
    status = ReviewStatus(material.review_status)
    summary = ReviewSummary(status=status.value, status_label=status.label)
    if status != ReviewStatus.REVIEWED:
        return summary
    summary.new_version_in_review = WorkflowState.objects.filter(
        base_content_type=material.get_base_content_type(),
        object_id=str(material.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    ).exists()
    approvals = list(
        Review.objects.filter(material=material, recommendation=Review.Recommendation.APPROVE)
        .select_related("framework")
        .prefetch_related("scores")
        .order_by("-created_at", "-pk")
    )
    if not approvals:
        return summary
    # The decisive round: the newest approval, and the approvals of the same revision with it.
    newest = approvals[0]
    reviews = [
        review
        for review in approvals
        if review.workflow_state_id == newest.workflow_state_id
        and review.revision_id == newest.revision_id
    ]
    summary.framework = newest.framework
    summary.framework_version = newest.framework_version
    summary.framework_url = newest.framework.get_url() or ""
    summary.reviewed_at = newest.created_at
    summary.reviewer_count = len(reviews)
    criteria: dict[str, CriterionResult] = {}
    for review in sorted(reviews, key=lambda r: (r.created_at, r.pk)):
        for score in review.scores.all():
            result = criteria.setdefault(
                score.criterion_code,
                CriterionResult(code=score.criterion_code, title=score.criterion_title),
            )
            result.scores.append(score.score)
            if score.comment.strip():
                result.comments.append(score.comment.strip())
        if review.public_summary.strip():
            summary.public_summaries.append(review.public_summary.strip())
    summary.criteria = list(criteria.values())
    return summary
