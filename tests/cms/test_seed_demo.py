from django.core.management import CommandError, call_command

from wagtail.models import Page, Site

import pytest

from accounts.models import User
from cms.models import HomePage
from metadata.models import Concept
from repository.models import Collection, Material, MaterialSource

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_the_site_and_one_account_per_role(settings, capsys):
    settings.DEBUG = True

    call_command("seed_demo")

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert {u.email for u in User.objects.all()} >= {
        "leraar@example.org",
        "beoordelaar@example.org",
        "redacteur@example.org",
        "beheerder@example.org",
    }
    assert User.objects.get(email="beoordelaar@example.org").groups.filter(name="Reviewers")
    assert Concept.objects.in_scheme("levels").filter(notation="havo").exists()
    output = capsys.readouterr().out
    assert "leraar@example.org" in output


def test_seed_demo_is_idempotent(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    counts = (
        Page.objects.count(),
        User.objects.count(),
        Concept.objects.count(),
        Material.objects.count(),
        Collection.objects.count(),
    )

    call_command("seed_demo")

    assert (
        Page.objects.count(),
        User.objects.count(),
        Concept.objects.count(),
        Material.objects.count(),
        Collection.objects.count(),
    ) == counts


def test_seed_demo_shows_adaptations_and_a_public_collection(settings):
    settings.DEBUG = True

    call_command("seed_demo")

    adapted = Material.objects.published().filter(sources__isnull=False)
    assert adapted.count() == 2
    assert MaterialSource.objects.filter(remix__in=adapted, source_material__live=True).count() == 2
    collection = Collection.objects.public().get()
    assert collection.items.filter(material__isnull=False).count() == 3


def test_seed_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")

    assert not User.objects.filter(email="beheerder@example.org").exists()


def test_seed_demo_adds_materials_in_every_state_with_real_files(settings):
    from django.core.files.storage import storages

    from repository.models import Material, MaterialVersion

    settings.DEBUG = True

    call_command("seed_demo")

    materials = Material.objects.all()
    assert materials.count() >= 30
    assert materials.filter(live=False, withdrawn_at__isnull=True).exists()
    assert any(m.workflow_in_progress for m in materials.filter(live=False))
    assert materials.filter(withdrawn_at__isnull=False).exists()
    assert MaterialVersion.objects.filter(number=2).count() >= 3
    for material in Material.objects.published():
        assert material.levels.exists() and material.subjects.exists(), material.title
        for version_file in material.versions.first().files.all():
            assert storages["materials"].exists(version_file.stored_file.storage_name)
    sectors = {c.notation for m in materials for c in m.levels.all()}
    assert {"so", "pro"} <= sectors and sectors & {"havo", "vwo", "vmbo"}
