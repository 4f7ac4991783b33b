"""Reads over accounts."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import User
from accounts.roles import REVIEWERS, TEACHERS


def reviewer_candidates(*, query: str = "", limit: int = 100) -> QuerySet[User]:
    """Return teachers and reviewers, annotated with whether each is a reviewer."""
    reviewer_membership = User.groups.through.objects.filter(
        user_id=OuterRef("pk"), group__name=REVIEWERS
    )
    users = (
        User.objects.filter(is_active=True, groups__name__in=[TEACHERS, REVIEWERS])
        .distinct()
        .annotate(is_reviewer=Exists(reviewer_membership))
        .prefetch_related("expertise_subjects", "expertise_levels")
        .order_by("-is_reviewer", "display_name", "email")
    )
    if query:
        users = users.filter(
            Q(email__icontains=query)
            | Q(display_name__icontains=query)
            | Q(school__icontains=query)
        )
    return users[:limit]
