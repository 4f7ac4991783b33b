"""Building blocks for review tests: submissions and reviews through the real services."""

from wagtail.models import WorkflowState

from repository.models import Material, MaterialReviewTask
from repository.selectors.review import current_framework
from repository.services.materials import material_save_draft, material_submit_for_review
from repository.services.review import review_submit
from tests.repository.factories import complete_metadata, draft_material


def require_reviewers(number: int) -> None:
    MaterialReviewTask.objects.update(required_reviewers=number)


def submitted_material(owner, title="Breuken vergelijken", **draft_kwargs) -> Material:
    material = draft_material(owner, title=title, **draft_kwargs)
    material_save_draft(material=material, user=owner, data=complete_metadata())
    material_submit_for_review(material=material, user=owner)
    material.refresh_from_db()
    return material


def rubric_scores(score: int | None = 3, comment: str = "") -> dict:
    return {c.pk: (score, comment) for c in current_framework().criteria.all()}


def review(material, reviewer, recommendation="approve", *, score=3, **fields):
    material.refresh_from_db()
    return review_submit(
        material=material,
        user=reviewer,
        revision_id=material.latest_revision_id,
        recommendation=recommendation,
        scores=rubric_scores(score),
        **fields,
    )


def workflow_status(material) -> str:
    return WorkflowState.objects.filter(object_id=str(material.pk)).order_by("-pk").first().status
