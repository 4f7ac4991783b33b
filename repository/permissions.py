"""Who may see and change which materials."""

from accounts.roles import REVIEWERS
from repository.models.review import is_author


def can_edit_material(user, material) -> bool:
    """Owners and co-authors edit; nobody else, not even reviewers; nobody edits in the bin."""
    return material.deleted_at is None and is_author(material, user)


def can_view_draft(user, material) -> bool:
    """Drafts are for authors, administrators, and reviewers while a review runs."""
    if not user.is_authenticated or material.deleted_at is not None:
        # A material in the bin shows only in its owner's bin, not on its own pages.
        return False
    if user.is_superuser or is_author(material, user):
        return True
    return material.workflow_in_progress and user.groups.filter(name=REVIEWERS).exists()


def can_view_material(user, material) -> bool:
    """Published materials are public; the rest only for those who may see the draft."""
    if material.live and not material.is_withdrawn and material.deleted_at is None:
        return True
    return can_view_draft(user, material)
