from django.core.management import CommandError, call_command

from wagtail.search.backends import get_search_backend

import pytest

from lti.models import LaunchCount
from repository.models import Feedback, Material, MaterialVersion, ReviewStatus

pytestmark = pytest.mark.django_db


def test_seed_bench_creates_the_requested_number_of_materials_in_every_state():
    call_command("seed_bench", materials=120, batch_size=50)

    assert Material.objects.count() == 120
    assert Material.objects.published().count() > 60
    assert Material.objects.filter(withdrawn_at__isnull=False).exists()
    assert Material.objects.filter(first_published_at__isnull=True).exists()
    assert (
        MaterialVersion.objects.count()
        == Material.objects.filter(first_published_at__isnull=False).count()
    )


def test_every_bench_material_has_levels_subjects_and_a_file():
    call_command("seed_bench", materials=40)

    for material in Material.objects.prefetch_related("levels", "subjects", "files"):
        assert material.levels.exists() and material.subjects.exists()
        assert len(material.files.all()) == 1


def test_seed_bench_refuses_a_count_below_one():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("seed_bench", materials=0)


def test_seed_bench_gives_materials_review_states_with_most_published_not_reviewed():
    call_command("seed_bench", materials=300, index=False)

    published = Material.objects.published()
    assert set(Material.objects.values_list("review_status", flat=True)) == set(ReviewStatus.values)
    not_reviewed = published.filter(review_status=ReviewStatus.NOT_REVIEWED).count()
    assert not_reviewed > published.filter(review_status=ReviewStatus.REVIEWED).count()
    assert not published.filter(review_status=ReviewStatus.REJECTED).exists()


def test_seed_bench_adds_approved_teacher_feedback_on_published_materials():
    call_command("seed_bench", materials=100, index=False)

    feedback = Feedback.objects.all()
    assert feedback.exists()
    assert set(feedback.values_list("status", "role").distinct()) == {
        (Feedback.Status.APPROVED, Feedback.Role.TEACHER)
    }
    assert not feedback.exclude(material__in=Material.objects.published()).exists()


def test_seed_bench_adds_launch_counts_from_an_inactive_registration():
    call_command("seed_bench", materials=100, index=False)

    counts = LaunchCount.objects.select_related("registration")
    assert counts.exists()
    assert not any(count.registration.active for count in counts)


def test_seed_bench_indexes_its_materials_for_search():
    call_command("seed_bench", materials=30)

    found = get_search_backend().search("synthetisch", Material.objects.published())
    assert found.count() == Material.objects.published().count()


def test_growing_a_bench_set_in_steps_gives_every_material_its_own_title():
    call_command("seed_bench", materials=50, index=False)
    call_command("seed_bench", materials=50, index=False)

    titles = Material.objects.values_list("title", flat=True)
    assert len(set(titles)) == 100


def test_the_bench_searches_each_different_are_all_distinct_and_answered(client):
    import random
    from urllib.parse import parse_qs, urlsplit

    from bench.run import _varied_searches

    call_command("seed_bench", materials=120, batch_size=60)

    paths = _varied_searches(random.Random(8), count=300)  # noqa: S311 - sample paths

    assert len(set(paths)) == len(paths) == 300
    for path in paths[:3]:
        query = parse_qs(urlsplit(path).query)
        assert set(query) == {"q", "level", "subject", "licence", "language", "review"}
        assert client.get(path).status_code == 200
