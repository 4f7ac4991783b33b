"""Bulk synthetic materials for benchmarks: realistic metadata, small real files, bulk inserts."""

import random
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from wagtail.models import Revision

from accounts.models import User
from metadata.models import Concept
from metadata.services import vocabularies_load_builtin
from repository import demo_files
from repository.models import Material, MaterialFile, MaterialVersion, VersionFile
from repository.services.files import stored_file_create

LICENCE_WEIGHTS = {
    "cc-by-4.0": 45,
    "cc-by-sa-4.0": 25,
    "cc-by-nc-sa-4.0": 10,
    "cc-by-nc-4.0": 8,
    "cc0-1.0": 7,
    "cc-by-nd-4.0": 5,
}
TOPICS = [
    "breuken",
    "procenten",
    "spelling",
    "begrijpend lezen",
    "fotosynthese",
    "de Gouden Eeuw",
    "klimaat",
    "democratie",
    "programmeren",
    "krachten",
    "Engelse grammatica",
    "tafels",
    "kaartlezen",
    "burgerschap",
    "geld",
    "tijd",
    "recepten",
    "solliciteren",
    "hygiëne",
]
FORMS = ["Oefenblad", "Lesbrief", "Werkblad", "Instructie", "Quiz", "Praktische opdracht"]
BENCH_EMAIL = "bench@example.org"


def _bench_owners(count: int = 20) -> list[User]:
    owners = []
    for index in range(count):
        email = f"bench{index}@example.org"
        owner, _ = User.objects.get_or_create(
            email=email, defaults={"username": f"bench{index}", "display_name": f"Bench {index}"}
        )
        owners.append(owner)
    return owners


def _bench_files(count: int = 12) -> list:
    files = []
    for index in range(count):
        name = f"bench-{index}.pdf"
        data = demo_files.pdf_bytes(f"Benchmark {index}", ["Synthetisch leermiddel"])
        files.append(
            (stored_file_create(upload=SimpleUploadedFile(name, data), original_name=name), name)
        )
    return files


def bench_materials_create(*, count: int, batch_size: int = 2000, seed: int = 2026) -> int:
    """Create `count` synthetic materials in bulk; return how many were made."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    vocabularies_load_builtin()
    levels = list(Concept.objects.active().in_scheme("levels"))
    subjects = list(Concept.objects.active().in_scheme("subjects"))
    owners = _bench_owners()
    files = _bench_files()
    licences, weights = zip(*LICENCE_WEIGHTS.items(), strict=True)
    material_type = ContentType.objects.get_for_model(Material)
    now = timezone.now()
    made = 0
    while made < count:
        size = min(batch_size, count - made)
        with transaction.atomic():
            materials = []
            for _ in range(size):
                topic = rng.choice(TOPICS)
                state = rng.random()
                published = state < 0.90
                withdrawn = 0.85 <= state < 0.90
                published_at = now - timedelta(
                    days=rng.randint(0, 900), seconds=rng.randint(0, 86400)
                )
                materials.append(
                    Material(
                        owner=rng.choice(owners),
                        title=f"{rng.choice(FORMS)} {topic} {made + len(materials) + 1}",
                        summary=f"Synthetisch leermiddel over {topic}.",
                        description=f"Een les over {topic}, gemaakt voor benchmarks.",
                        licence=rng.choices(licences, weights)[0],
                        language="nl",
                        live=published and not withdrawn,
                        has_unpublished_changes=0.80 <= state < 0.85 or not published,
                        first_published_at=published_at if published else None,
                        last_published_at=published_at if published else None,
                        withdrawn_at=published_at + timedelta(days=1) if withdrawn else None,
                    )
                )
            Material.objects.bulk_create(materials)
            revisions = Revision.objects.bulk_create(
                Revision(
                    content_type=material_type,
                    base_content_type=material_type,
                    object_id=str(material.pk),
                    created_at=material.last_published_at or now,
                    user=material.owner,
                    object_str=material.title,
                    content={
                        "pk": material.pk,
                        "title": material.title,
                        "owner": material.owner_id,
                    },
                )
                for material in materials
            )
            for material, revision in zip(materials, revisions, strict=True):
                material.latest_revision = revision
                material.live_revision = revision if material.first_published_at else None
            Material.objects.bulk_update(materials, ["latest_revision", "live_revision"])
            material_files, level_links, subject_links, versions = [], [], [], []
            for material in materials:
                stored, name = rng.choice(files)
                material_files.append(
                    MaterialFile(
                        material=material, stored_file=stored, original_name=name, sort_order=0
                    )
                )
                for level in rng.sample(levels, k=rng.randint(1, 2)):
                    level_links.append(Material.levels.through(material=material, concept=level))
                for subject in rng.sample(subjects, k=rng.randint(1, 2)):
                    subject_links.append(
                        Material.subjects.through(material=material, concept=subject)
                    )
                if material.first_published_at:
                    versions.append(
                        MaterialVersion(
                            material=material,
                            number=1,
                            revision=material.live_revision,
                            title=material.title,
                            licence=material.licence,
                            published_at=material.first_published_at,
                        )
                    )
            MaterialFile.objects.bulk_create(material_files)
            Material.levels.through.objects.bulk_create(level_links)
            Material.subjects.through.objects.bulk_create(subject_links)
            MaterialVersion.objects.bulk_create(versions)
            VersionFile.objects.bulk_create(
                VersionFile(
                    version=version,
                    stored_file_id=file.stored_file_id,
                    original_name=file.original_name,
                    role=file.role,
                )
                for version, file in zip(
                    versions,
                    [
                        f
                        for f, m in zip(material_files, materials, strict=True)
                        if m.first_published_at
                    ],
                    strict=True,
                )
            )
        made += size
    return made
