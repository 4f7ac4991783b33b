"""Data migrations of the repository: existing rows get sensible values."""

from importlib import import_module

from django.apps import apps
from django.db import connection

import pytest

from repository.models import Material, ReviewStatus
from tests.accounts.factories import ReviewerFactory, TeacherFactory
from tests.repository.factories import draft_material
from tests.repository.review_factories import review, submitted_material

pytestmark = pytest.mark.django_db

backfill = import_module("repository.migrations.0006_review_status_backfill")


class SchemaEditorStandIn:
    connection = connection


def test_backfill_marks_materials_under_review_and_those_sent_back(home_page):
    reviewer = ReviewerFactory()
    in_review = submitted_material(TeacherFactory(), title="In beoordeling")
    sent_back = submitted_material(TeacherFactory(), title="Teruggestuurd")
    review(sent_back, reviewer, "changes", comments_for_author="Voeg bronnen toe.")
    untouched = draft_material(TeacherFactory(), title="Concept")
    Material.objects.update(review_status=ReviewStatus.NOT_REVIEWED)

    backfill.review_status_from_running_reviews(apps, SchemaEditorStandIn())

    statuses = dict(Material.objects.values_list("pk", "review_status"))
    assert statuses[in_review.pk] == ReviewStatus.IN_REVIEW
    assert statuses[sent_back.pk] == ReviewStatus.CHANGES_REQUESTED
    assert statuses[untouched.pk] == ReviewStatus.NOT_REVIEWED
