from django.core.management import CommandError, call_command

import pytest

from repository.models import Material, MaterialVersion

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
