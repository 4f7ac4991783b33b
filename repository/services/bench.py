"""Bulk synthetic materials for benchmarks: realistic metadata, small real files, bulk inserts."""

import random
from datetime import timedelta
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone

from wagtail.models import Revision
from wagtail.search.backends import get_search_backend

from accounts.models import User
from lti.models import LaunchCount, Registration
from metadata.models import Concept
from metadata.services import vocabularies_load_builtin
from repository import demo_files
from repository.models import (
    Feedback,
    Material,
    MaterialFile,
    MaterialVersion,
    ReviewStatus,
    VersionFile,
)
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
# Most published materials were never reviewed: review is voluntary and reviewers are few.
PUBLISHED_REVIEW_WEIGHTS = {
    ReviewStatus.NOT_REVIEWED: 55,
    ReviewStatus.REVIEWED: 35,
    ReviewStatus.IN_REVIEW: 7,
    ReviewStatus.CHANGES_REQUESTED: 3,
}
UNPUBLISHED_REVIEW_WEIGHTS = {
    ReviewStatus.NOT_REVIEWED: 35,
    ReviewStatus.IN_REVIEW: 35,
    ReviewStatus.CHANGES_REQUESTED: 20,
    ReviewStatus.REJECTED: 10,
}
FEEDBACK_SHARE = 0.3
LAUNCH_COUNT_SHARE = 0.1
FEEDBACK_COMMENTS = [
    "Werkte goed in mijn klas; de leerlingen waren snel aan de slag.",
    "Voor de zwakkere lezers heb ik de teksten ingekort.",
    "Mooi materiaal, maar de opdrachten kosten meer tijd dan aangegeven.",
    "Heb het gebruikt als herhaling voor de toets.",
]
CLASS_CONTEXTS = ["groep 6, 24 leerlingen", "klas 2 vmbo, 28 leerlingen", "groep 8", "havo 4"]
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


def _bench_registration() -> Registration:
    """The learning environment the synthetic launch counts come from; it cannot launch."""
    registration, _ = Registration.objects.get_or_create(
        issuer="https://leeromgeving.bench.example",
        client_id="nlka-bench-statistiek",
        defaults={
            "name": "Benchmark-leeromgeving (statistiek)",
            "auth_login_url": "https://leeromgeving.bench.example/auth",
            "auth_token_url": "https://leeromgeving.bench.example/token",
            "key_set_url": "https://leeromgeving.bench.example/jwks",
            "active": False,
        },
    )
    return registration


def _weighted(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def _bench_files(count: int = 12) -> list:
    files = []
    for index in range(count):
        name = f"bench-{index}.pdf"
        data = demo_files.pdf_bytes(f"Benchmark {index}", ["Synthetisch leermiddel"])
        files.append(
            (stored_file_create(upload=SimpleUploadedFile(name, data), original_name=name), name)
        )
    return files


def bench_materials_create(
    *, count: int, batch_size: int = 2000, seed: int = 2026, index: bool = True
) -> int:
    """Create `count` synthetic materials in bulk; return how many were made."""
    # The seed is offset by what exists, so growing a set in steps gives new titles each step.
    existing = Material.objects.count()
    rng = random.Random(seed + existing)  # noqa: S311 - synthetic data, not security
    vocabularies_load_builtin()
    levels = list(Concept.objects.active().in_scheme("levels"))
    subjects = list(Concept.objects.active().in_scheme("subjects"))
    owners = _bench_owners()
    files = _bench_files()
    registration = _bench_registration()
    licences, weights = zip(*LICENCE_WEIGHTS.items(), strict=True)
    material_type = ContentType.objects.get_for_model(Material)
    search_backend = get_search_backend() if index else None
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
                review_weights = (
                    PUBLISHED_REVIEW_WEIGHTS if published else UNPUBLISHED_REVIEW_WEIGHTS
                )
                materials.append(
                    Material(
                        owner=rng.choice(owners),
                        title=f"{rng.choice(FORMS)} {topic} {existing + made + len(materials) + 1}",
                        summary=f"Synthetisch leermiddel over {topic}.",
                        description=f"Een les over {topic}, gemaakt voor benchmarks.",
                        licence=rng.choices(licences, weights)[0],
                        language="nl",
                        live=published and not withdrawn,
                        has_unpublished_changes=0.80 <= state < 0.85 or not published,
                        first_published_at=published_at if published else None,
                        last_published_at=published_at if published else None,
                        withdrawn_at=published_at + timedelta(days=1) if withdrawn else None,
                        review_status=_weighted(rng, review_weights),
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
            feedback, launch_counts = [], []
            for material in materials:
                stored, name = rng.choice(files)
                material_files.append(
                    MaterialFile(
                        material=material, stored_file=stored, original_name=name, sort_order=0
                    )
                )
                material_levels = rng.sample(levels, k=rng.randint(1, 2))
                for level in material_levels:
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
                if material.live and rng.random() < FEEDBACK_SHARE:
                    feedback += _bench_feedback(rng, material, owners, material_levels, now)
                if material.live and rng.random() < LAUNCH_COUNT_SHARE:
                    launch_counts.append(
                        LaunchCount(
                            material=material,
                            registration=registration,
                            count=rng.randint(1, 400),
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
            Feedback.objects.bulk_create(feedback)
            LaunchCount.objects.bulk_create(launch_counts)
            if search_backend is not None:
                _index(search_backend, materials, material_files)
        made += size
    return made


def _index(search_backend, materials: list[Material], material_files: list[MaterialFile]) -> None:
    """Add the materials to the search index, which bulk_create's missing signals would skip."""
    # Prefetching keywords saves the indexer a query per material.
    prefetch_related_objects(materials, "keywords")
    # The indexer calls file_text() once per index column, a query each time. Every bench
    # material has one of a dozen files, so each file's text is read once and handed over.
    texts: dict[int, str] = {}
    for material, material_file in zip(materials, material_files, strict=True):
        if not material.live:
            continue
        if material_file.stored_file_id not in texts:
            texts[material_file.stored_file_id] = material.file_text()
        material.file_text = partial(str, texts[material_file.stored_file_id])
    search_backend.add_bulk(Material, materials)


def _bench_feedback(
    rng: random.Random, material: Material, owners: list[User], levels: list, now
) -> list[Feedback]:
    """One to three teachers' approved experiences with the material's first version."""
    authors = rng.sample([owner for owner in owners if owner.pk != material.owner_id], k=3)
    return [
        Feedback(
            material=material,
            version_number=1,
            role=Feedback.Role.TEACHER,
            author=author,
            level=rng.choice(levels),
            class_context=rng.choice(CLASS_CONTEXTS),
            outcome=rng.choice(Feedback.Outcome.values),
            helpful=rng.choice(Feedback.Helpful.values),
            comment=rng.choice(FEEDBACK_COMMENTS),
            would_use_again=rng.choice(Feedback.Again.values),
            status=Feedback.Status.APPROVED,
            moderated_at=now,
        )
        for author in authors[: rng.randint(1, 3)]
    ]
