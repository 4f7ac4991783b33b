"""Writes of peer review: assignment, claims, conflicts of interest, reviews, decisions and mail."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import TaskState, WorkflowState
from wagtail.search.index import insert_or_update_object

from repository.models import (
    ConflictOfInterest,
    Material,
    MaterialReviewTask,
    Review,
    ReviewAssignment,
    ReviewScore,
    ReviewStatus,
)
from repository.models.review import is_author
from repository.permissions import can_edit_material
from repository.selectors.review import (
    approvals_count,
    current_framework,
    is_reviewer,
    minor_correction_allowed,
    open_slots,
    review_refusal,
    review_task_for,
    reviewer_candidates,
    running_review,
)
from repository.services.materials import material_publish, working_copy
from repository.services.scanning import files_scan_refusal


class ReviewRefused(PermissionDenied):
    """The user may not do this review action; the message says why, in Dutch."""


class ReviewOutdated(ValueError):
    """The material changed after the reviewer opened it; they must look again."""


def _status_set(material: Material, status: str) -> None:
    """Record the material's review status; a live reviewed material stays "reviewed".

    The status describes what the public sees: while a new version of a reviewed material is
    under review, asked to change or turned down, the live version is still the reviewed one.
    """
    rows = Material.objects.filter(pk=material.pk)
    if status != ReviewStatus.REVIEWED:
        rows = rows.exclude(live=True, review_status=ReviewStatus.REVIEWED)
    if rows.update(review_status=status):
        material.review_status = status
        # The search facet filters on this field; keep the index in step.
        insert_or_update_object(Material.objects.get(pk=material.pk))


def _material_of(state: WorkflowState) -> Material:
    return Material.objects.select_for_update().get(pk=state.object_id)


def _assign(*, material, state, reviewer, source, due_at) -> ReviewAssignment:
    assignment, _created = ReviewAssignment.objects.update_or_create(
        workflow_state=state,
        reviewer=reviewer,
        defaults={
            "material": material,
            "source": source,
            "status": ReviewAssignment.Status.OPEN,
            "due_at": due_at,
            "closed_at": None,
            "reminded_at": None,
        },
    )
    return assignment


def _fill(*, material: Material, state: WorkflowState, task: MaterialReviewTask) -> list:
    """Assign as many eligible reviewers as the review still needs; the rest waits in the queue."""
    needed = open_slots(material, state, task)
    if needed < 1:
        return []
    working = working_copy(material)
    already = set(
        ReviewAssignment.objects.filter(workflow_state=state, reviewer__isnull=False).values_list(
            "reviewer_id", flat=True
        )
    )
    candidates = reviewer_candidates(
        material,
        levels=[c.pk for c in working.levels.all()],
        subjects=[c.pk for c in working.subjects.all()],
        exclude=already,
    )[:needed]
    due_at = timezone.now() + timedelta(days=task.review_days)
    return [
        _assign(
            material=material,
            state=state,
            reviewer=reviewer,
            source=ReviewAssignment.Source.AUTOMATIC,
            due_at=due_at,
        )
        for reviewer in candidates
    ]


@transaction.atomic
def review_task_started(*, task_state: TaskState, task: MaterialReviewTask) -> None:
    """Assign reviewers to a (re)submission: earlier reviewers continue, others fill up."""
    state = task_state.workflow_state
    material = _material_of(state)
    due_at = timezone.now() + timedelta(days=task.review_days)
    # After changes were asked, the same reviewers look again: they know what they asked for.
    continuing = []
    for assignment in ReviewAssignment.objects.filter(
        workflow_state=state,
        status__in=[ReviewAssignment.Status.OPEN, ReviewAssignment.Status.DONE],
        reviewer__isnull=False,
    ).select_related("reviewer"):
        if _no_longer_eligible(material, assignment.reviewer):
            continue
        assignment.status = ReviewAssignment.Status.OPEN
        assignment.due_at = due_at
        assignment.closed_at = None
        assignment.reminded_at = None
        assignment.save(update_fields=["status", "due_at", "closed_at", "reminded_at"])
        continuing.append(assignment)
    assigned = continuing + _fill(material=material, state=state, task=task)
    _status_set(material, ReviewStatus.IN_REVIEW)
    for assignment in assigned:
        _notify_assigned(assignment)


def _no_longer_eligible(material: Material, reviewer) -> bool:
    """Return True when a reviewer may no longer be assigned (left the group, conflict, author)."""
    if not is_reviewer(reviewer) or is_author(material, reviewer):
        return True
    return ConflictOfInterest.objects.filter(material=material, reviewer=reviewer).exists()


@transaction.atomic
def review_claim(*, material: Material, user) -> ReviewAssignment:
    """Let a reviewer take a free place on a running review."""
    material = Material.objects.select_for_update().get(pk=material.pk)
    if reason := review_refusal(material, user, to_claim=True):
        raise ReviewRefused(reason)
    state = running_review(material)
    task = review_task_for(state)
    return _assign(
        material=material,
        state=state,
        reviewer=user,
        source=ReviewAssignment.Source.CLAIMED,
        due_at=timezone.now() + timedelta(days=task.review_days),
    )


@transaction.atomic
def review_declare_conflict(*, material: Material, user, reason: str = "") -> ConflictOfInterest:
    """Record a reviewer's conflict of interest: it releases their place and excludes them."""
    material = Material.objects.select_for_update().get(pk=material.pk)
    if reason_refused := _conflict_refusal(material, user):
        raise ReviewRefused(reason_refused)
    conflict, _created = ConflictOfInterest.objects.get_or_create(
        reviewer=user, material=material, defaults={"reason": reason.strip()}
    )
    state = running_review(material)
    if state is None:
        return conflict
    released = ReviewAssignment.objects.filter(
        workflow_state=state, reviewer=user, status=ReviewAssignment.Status.OPEN
    ).update(status=ReviewAssignment.Status.DECLINED, closed_at=timezone.now())
    task = review_task_for(state)
    if released and task is not None:
        for assignment in _fill(material=material, state=state, task=task):
            _notify_assigned(assignment)
    return conflict


def _conflict_refusal(material: Material, user) -> str | None:
    if not is_reviewer(user):
        return _("Alleen beoordelaars kunnen een belangenconflict melden.")
    return None


@transaction.atomic
def review_submit(
    *,
    material: Material,
    user,
    revision_id: int | None,
    recommendation: str,
    scores: dict[int, tuple[int | None, str]],
    public_summary: str = "",
    comments_for_author: str = "",
) -> Review:
    """Record a review on the rubric and carry out what it decides.

    `scores` maps each criterion's id to (score 1–4 or None for "niet van toepassing", comment).
    """
    material = Material.objects.select_for_update().get(pk=material.pk)
    if reason := review_refusal(material, user):
        raise ReviewRefused(reason)
    if revision_id != material.latest_revision_id:
        raise ReviewOutdated(
            _(
                "Het leermiddel is gewijzigd nadat u het opende. Bekijk de nieuwe versie en "
                "beoordeel die."
            )
        )
    state = running_review(material)
    task_state = state.current_task_state
    task = review_task_for(state)
    assignment = ReviewAssignment.objects.get(
        workflow_state=state, reviewer=user, status=ReviewAssignment.Status.OPEN
    )
    framework = current_framework()
    if framework is None:
        raise ValidationError(_("Er is geen gepubliceerd kwaliteitskader om mee te beoordelen."))
    errors = {}
    criteria = [c for _theme, group in framework.criteria_by_theme() for c in group]
    missing = [c.code for c in criteria if c.pk not in scores]
    if missing:
        errors["scores"] = _("Geef een score of kies ‘niet van toepassing’ bij: %(codes)s.") % {
            "codes": ", ".join(missing)
        }
    if recommendation != Review.Recommendation.APPROVE and not comments_for_author.strip():
        errors["comments_for_author"] = _(
            "Schrijf de auteur wat er anders moet, of waarom u het afwijst."
        )
    if recommendation == Review.Recommendation.APPROVE and (
        scan_refusal := files_scan_refusal(working_copy(material).files.all())
    ):
        # Approval publishes; a file added during the review may still await its virus scan.
        errors["recommendation"] = scan_refusal
    if errors:
        raise ValidationError(errors)
    review = Review(
        material=material,
        assignment=assignment,
        workflow_state=state,
        revision_id=revision_id,
        reviewer=user,
        framework=framework,
        framework_version=framework.version_label,
        recommendation=recommendation,
        public_summary=public_summary.strip(),
        comments_for_author=comments_for_author.strip(),
    )
    review.full_clean()
    review.save()
    rows = []
    for order, criterion in enumerate(criteria):
        score, comment = scores[criterion.pk]
        row = ReviewScore(
            review=review,
            criterion=criterion,
            criterion_code=criterion.code,
            criterion_title=criterion.title[:200],
            sort_order=order,
            score=score,
            comment=(comment or "").strip(),
        )
        row.full_clean(exclude=["review"])
        rows.append(row)
    ReviewScore.objects.bulk_create(rows)
    assignment.status = ReviewAssignment.Status.DONE
    assignment.closed_at = timezone.now()
    assignment.save(update_fields=["status", "closed_at"])
    _decide(material=material, state=state, task_state=task_state, task=task, review=review)
    return review


def _close_open_assignments(state: WorkflowState) -> None:
    ReviewAssignment.objects.filter(
        workflow_state=state, status=ReviewAssignment.Status.OPEN
    ).update(status=ReviewAssignment.Status.CANCELLED, closed_at=timezone.now())


def _decide(*, material, state, task_state, task, review: Review) -> None:
    if review.recommendation == Review.Recommendation.APPROVE:
        if approvals_count(state, review.revision_id) < task.required_reviewers:
            return
        _close_open_assignments(state)
        task_state.specific.approve(
            user=review.reviewer, update=False, comment=review.public_summary
        )
        # Finishing the workflow publishes. It runs without a user on purpose: reviewers hold no
        # publish permission, and the approval above is what authorises this publication.
        state.refresh_from_db()
        state.update(user=None)
        _status_set(material, ReviewStatus.REVIEWED)
        _notify_authors(material, "approved", review=review)
    elif review.recommendation == Review.Recommendation.CHANGES:
        task_state.specific.reject(user=review.reviewer, comment=review.comments_for_author)
        _status_set(material, ReviewStatus.CHANGES_REQUESTED)
        _notify_authors(material, "changes", review=review)
    else:
        _close_open_assignments(state)
        task_state.specific.reject(
            user=review.reviewer, update=False, comment=review.comments_for_author
        )
        state.refresh_from_db()
        state.cancel(user=review.reviewer)
        _status_set(material, ReviewStatus.REJECTED)
        _notify_authors(material, "rejected", review=review)


@transaction.atomic
def material_publish_minor_correction(*, material: Material, user):
    """Publish a draft that changes only minor metadata, without a new review."""
    material = Material.objects.select_for_update().get(pk=material.pk)
    if not can_edit_material(user, material):
        raise PermissionDenied("Only owners and co-authors may change a material.")
    if not minor_correction_allowed(material, working_copy(material)):
        raise ValidationError(
            _(
                "Dit is geen kleine correctie. Alleen trefwoorden, benodigde tijd en de "
                "toelichting op toegankelijkheid mogen zonder beoordeling veranderen, en geen "
                "bestanden. Dien je wijzigingen in ter beoordeling."
            )
        )
    return material_publish(material=material, user=user)


def review_reminders_send(*, now=None) -> int:
    """Remind reviewers of overdue reviews, at most once a day per assignment; return how many."""
    now = now or timezone.now()
    overdue = (
        ReviewAssignment.objects.filter(
            status=ReviewAssignment.Status.OPEN,
            workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
            due_at__lt=now,
            reviewer__is_active=True,
        )
        .exclude(reminded_at__gt=now - timedelta(days=1))
        .select_related("reviewer", "material")
    )
    sent = 0
    for assignment in overdue:
        with transaction.atomic():
            claimed = (
                ReviewAssignment.objects.filter(pk=assignment.pk)
                .exclude(reminded_at__gt=now - timedelta(days=1))
                .update(reminded_at=now)
            )
            if claimed:
                _notify(
                    [assignment.reviewer],
                    "review_reminder",
                    gettext_lazy("Herinnering: beoordeling van ‘%(title)s’"),
                    {
                        "material": assignment.material,
                        "assignment": assignment,
                        "url": _absolute(
                            reverse("repository_review:review", args=[assignment.material_id])
                        ),
                    },
                )
                sent += 1
    return sent


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _notify(recipients, template: str, subject, context: dict) -> None:
    """Send a plain-text Dutch e-mail to each recipient once the transaction has committed."""
    addresses = sorted(
        {user.email for user in recipients if user and user.is_active and user.email}
    )
    if not addresses:
        return

    def send():
        with translation.override("nl"):
            title = context["material"].title
            line = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + str(subject) % {"title": title}
            body = render_to_string(f"repository/email/{template}.txt", context)
            for address in addresses:
                send_mail(line, body, None, [address])

    transaction.on_commit(send)


def _notify_assigned(assignment: ReviewAssignment) -> None:
    with translation.override("nl"):
        url = _absolute(reverse("repository_review:review", args=[assignment.material_id]))
    _notify(
        [assignment.reviewer],
        "review_assigned",
        gettext_lazy("Beoordeling gevraagd: ‘%(title)s’"),
        {"material": assignment.material, "assignment": assignment, "url": url},
    )


AUTHOR_SUBJECTS = {
    "approved": gettext_lazy("‘%(title)s’ is beoordeeld en gepubliceerd"),
    "changes": gettext_lazy("Wijzigingen gevraagd voor ‘%(title)s’"),
    "rejected": gettext_lazy("‘%(title)s’ is afgewezen"),
}


def _notify_authors(material: Material, outcome: str, *, review: Review) -> None:
    authors = [material.owner, *material.co_authors.all()]
    with translation.override("nl"):
        if outcome == "approved":
            url = _absolute(material.get_absolute_url())
        else:
            url = _absolute(reverse("repository:material_edit", args=[material.pk]))
    _notify(
        authors,
        f"review_{outcome}",
        AUTHOR_SUBJECTS[outcome],
        {"material": material, "review": review, "url": url},
    )


DEMO_SUMMARIES = (
    "Heldere opbouw en goed bruikbaar in de klas. De differentiatie kan sterker.",
    "Inhoudelijk sterk; de toegankelijkheid van de afbeeldingen verdient aandacht.",
    "Praktisch materiaal dat aansluit bij de kerndoelen.",
)


@transaction.atomic
def demo_reviews_ensure(*, reviewer, limit: int = 3) -> int:
    """Give a few live demo materials a review with scores; return how many have reviews."""
    framework = current_framework()
    if framework is None:
        return 0
    criteria = [c for _theme, group in framework.criteria_by_theme() for c in group]
    candidates = (
        Material.objects.published()
        .exclude(owner=reviewer)
        .exclude(reviews__isnull=False)
        .order_by("pk")
    )
    done = Material.objects.filter(reviews__isnull=False).distinct().count()
    for index, material in enumerate(candidates[: max(limit - done, 0)]):
        review = Review.objects.create(
            material=material,
            revision=material.live_revision,
            reviewer=reviewer,
            framework=framework,
            framework_version=framework.version_label,
            recommendation=Review.Recommendation.APPROVE,
            public_summary=DEMO_SUMMARIES[index % len(DEMO_SUMMARIES)],
        )
        ReviewScore.objects.bulk_create(
            ReviewScore(
                review=review,
                criterion=criterion,
                criterion_code=criterion.code,
                criterion_title=criterion.title[:200],
                sort_order=order,
                # Honest demo data: mostly sufficient, one weaker point, one not applicable.
                score=None if order == 2 else (2 if order == index else 3 + (order % 2)),
            )
            for order, criterion in enumerate(criteria)
        )
        _status_set(material, ReviewStatus.REVIEWED)
    return Material.objects.filter(reviews__isnull=False).distinct().count()
