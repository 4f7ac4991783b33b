"""Reads for the repository's teacher-facing pages: dashboards, pickers and look-ups."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest

from wagtail.models import WorkflowState

from allauth.account.models import EmailAddress

from accounts.models import User
from metadata.models import Concept
from repository.models import Material, MaterialSource, MaterialVersion, Review, ReviewStatus

DRAFTS = "concepten"
IN_REVIEW = "in-beoordeling"
CHANGES_REQUESTED = "wijzigingen-gevraagd"
PUBLISHED = "gepubliceerd"
WITHDRAWN = "ingetrokken"
DASHBOARD_SECTIONS = (DRAFTS, IN_REVIEW, CHANGES_REQUESTED, PUBLISHED, WITHDRAWN)


@dataclass(frozen=True)
class DashboardEntry:
    """One material on a teacher's dashboard, with what the listing needs to know about it."""

    material: Material
    is_owner: bool

    @property
    def review_state(self) -> WorkflowState | None:
        """The review that is running or waiting for changes, if any (prefetched)."""
        return self.material.current_workflow_state

    @property
    def latest_version(self) -> int | None:
        return self.material.latest_version_number

    @property
    def changes_requested(self) -> bool:
        state = self.review_state
        return state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES

    @property
    def review_comments(self) -> list:
        """What reviewers ask of the authors now: this round's requests, or the rejection."""
        asking = self.material.review_requests  # prefetched, newest first
        if self.changes_requested:
            return [r for r in asking if r.workflow_state_id == self.review_state.pk]
        if self.material.review_status == ReviewStatus.REJECTED and asking:
            return asking[:1]
        return []

    @property
    def section(self) -> str:
        material = self.material
        state = self.review_state
        if material.is_withdrawn:
            return WITHDRAWN
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            return IN_REVIEW
        if self.changes_requested:
            return CHANGES_REQUESTED
        if material.live:
            return PUBLISHED
        return DRAFTS


def materials_for_dashboard(user) -> dict[str, list[DashboardEntry]]:
    """Return the user's own and co-authored materials per dashboard section, in four queries."""
    latest_version = (
        MaterialVersion.objects.filter(material=OuterRef("pk"))
        .order_by("-number")
        .values("number")[:1]
    )
    active_reviews = WorkflowState.objects.active().select_related("current_task_state__task")
    materials = (
        Material.objects.editable_by(user)
        .not_deleted()
        .select_related("owner")
        .annotate(latest_version_number=Subquery(latest_version))
        # Wagtail's workflow properties read this attribute instead of querying per material.
        .prefetch_related(
            Prefetch(
                "workflow_states", queryset=active_reviews, to_attr="_current_workflow_states"
            ),
            Prefetch(
                "reviews",
                queryset=Review.objects.exclude(comments_for_author="").exclude(
                    recommendation=Review.Recommendation.APPROVE
                ),
                to_attr="review_requests",
            ),
        )
        .order_by("-updated_at", "-pk")
    )
    sections: dict[str, list[DashboardEntry]] = {section: [] for section in DASHBOARD_SECTIONS}
    for material in materials:
        entry = DashboardEntry(material=material, is_owner=material.owner_id == user.pk)
        sections[entry.section].append(entry)
    return sections


def concepts_for_picker(scheme: str, *, keep: Iterable[int] = ()) -> QuerySet[Concept]:
    """Return a vocabulary's active concepts, plus retired ones the material still carries."""
    return (
        Concept.objects.in_scheme(scheme)
        .filter(Q(active=True) | Q(pk__in=list(keep)))
        .order_by("sort_order", "label_nl")
    )


def curriculum_goals_search(query: str, *, limit: int = 20) -> QuerySet[Concept]:
    """Return active curriculum goals whose label or number contains the query."""
    query = query.strip()
    goals = Concept.objects.active().in_scheme("curriculum-goals")
    if not query:
        return goals.none()
    return goals.filter(
        Q(label_nl__icontains=query) | Q(label_en__icontains=query) | Q(notation__icontains=query)
    ).order_by("sort_order", "notation", "label_nl")[:limit]


def verified_users_by_email(emails: Iterable[str]) -> dict[str, User]:
    """Map each lower-cased address to its active user, for verified addresses only."""
    wanted = {email.strip().lower() for email in emails if email.strip()}
    if not wanted:
        return {}
    query = Q()
    for email in wanted:
        query |= Q(email__iexact=email)
    addresses = EmailAddress.objects.filter(query, verified=True, user__is_active=True)
    return {address.email.lower(): address.user for address in addresses.select_related("user")}


def teacher_expertise(user) -> dict[str, list[Concept]]:
    """Return the active levels and subjects from the teacher's profile."""
    return {
        "levels": list(user.expertise_levels.filter(active=True)),
        "subjects": list(user.expertise_subjects.filter(active=True)),
    }


def material_versions(material: Material) -> QuerySet[MaterialVersion]:
    """Return the material's published versions, newest first, with their files."""
    return material.versions.order_by("-number").prefetch_related("files__stored_file")


def source_updates_due(user, *, remix: Material | None = None) -> list[MaterialSource]:
    """Return the sources of the user's remixes that have a version the user has not dealt with.

    Each row carries `newest_number`; one query for the whole dashboard.
    """
    newest = (
        MaterialVersion.objects.filter(material=OuterRef("source_material"))
        .order_by("-number")
        .values("number")[:1]
    )
    remixes = Material.objects.editable_by(user).filter(
        withdrawn_at__isnull=True, deleted_at__isnull=True
    )
    if remix is not None:
        remixes = remixes.filter(pk=remix.pk)
    return list(
        MaterialSource.objects.filter(
            remix__in=remixes,
            source_material__live=True,
            source_material__withdrawn_at__isnull=True,
        )
        .annotate(
            newest_number=Subquery(newest),
            dealt_with=Greatest("version_number", Coalesce("seen_version_number", 0)),
        )
        .filter(newest_number__gt=F("dealt_with"))
        .select_related("remix")
        .order_by("remix__title", "remix_id", "sort_order", "pk")
    )
