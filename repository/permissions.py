"""Who may see and change which materials."""

from accounts.roles import REVIEWERS
from repository.models.review import is_author


def can_edit_material(user, material) -> bool:
    """Owners and co-authors edit; nobody else, not even reviewers."""
    return is_author(material, user)


def can_view_draft(user, material) -> bool:
    """Drafts are for authors, administrators, and reviewers while a review runs."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or is_author(material, user):
        return True
    return material.workflow_in_progress and user.groups.filter(name=REVIEWERS).exists()


def can_view_material(user, material) -> bool:
    """Published materials are public; the rest only for those who may see the draft."""
    if material.live and not material.is_withdrawn:
        return True
    return can_view_draft(user, material)
