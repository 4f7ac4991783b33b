"""`backup` and `restore`: a round trip into an empty environment gives back rows and bytes."""

import hashlib
import json
from io import StringIO

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse

from wagtail.images import get_image_model

import pytest

from cms.backup import DATABASE_FILE, EXCLUDED_FROM_DUMP, LOG_OF_PAGES, MANIFEST_FILE
from cms.models import NewsPage
from repository.models import Collection, Feedback, Material, Review, StoredFile
from repository.services.feedback import feedback_teacher_save
from repository.services.materials import material_add_file, material_publish
from tests.accounts.factories import ReviewerFactory, TeacherFactory
from tests.repository.factories import collection_of, published_material, upload
from tests.repository.review_factories import review, submitted_material

pytestmark = pytest.mark.django_db


@pytest.fixture
def platform_data(home_page):
    """Real content of every kind: pages with images, materials in versions, reviews, feedback."""
    teacher, colleague = TeacherFactory(), TeacherFactory()
    ReviewerFactory()
    material = published_material(teacher, title="Breuken vergelijken")
    material_add_file(
        material=material,
        user=teacher,
        upload=upload("werkblad.pdf"),
        original_name="werkblad.pdf",
    )
    material_publish(material=material, user=teacher)
    feedback_teacher_save(material=material, author=colleague, outcome=4, would_use_again="yes")
    in_review = submitted_material(TeacherFactory(), title="Tafels oefenen")
    reviewer = in_review.review_assignments.get().reviewer
    review(in_review, reviewer, "changes", comments_for_author="Meer voorbeelden graag.")
    collection_of(teacher, [material], visibility=Collection.Visibility.PUBLIC)
    return material


@pytest.fixture
def fresh_content_types():
    """Forget content type ids cached while the environment was emptied and refilled."""
    yield
    ContentType.objects.clear_cache()


def dump() -> list[dict]:
    out = StringIO()
    call_command(
        "dumpdata", natural_foreign=True, exclude=[*EXCLUDED_FROM_DUMP, LOG_OF_PAGES], stdout=out
    )
    return json.loads(out.getvalue())


def empty_environment(settings, tmp_path) -> None:
    """Make this environment as good as new: a flushed database and empty storage folders."""
    settings.MEDIA_ROOT = tmp_path / "empty-media"
    settings.STORAGES = {
        **settings.STORAGES,
        "materials": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "empty-materials"), "base_url": None},
        },
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.clear_cache()


def sha256_in_storage(entry: dict) -> str:
    with storages[entry["storage"]].open(entry["name"], "rb") as blob:
        return hashlib.sha256(blob.read()).hexdigest()


def test_backup_writes_the_database_a_manifest_and_every_blob(platform_data, tmp_path):
    out = StringIO()

    call_command("backup", "--output", str(tmp_path / "backup"), stdout=out)

    manifest = json.loads((tmp_path / "backup" / MANIFEST_FILE).read_text())
    names = {entry["name"] for entry in manifest["files"]}
    assert set(StoredFile.objects.values_list("storage_name", flat=True)) <= names
    assert {image.file.name for image in get_image_model().objects.all()} <= names
    for entry in manifest["files"]:
        copied = tmp_path / "backup" / "files" / entry["storage"] / entry["name"]
        assert hashlib.sha256(copied.read_bytes()).hexdigest() == entry["sha256"]
    assert "Backed up" in out.getvalue()


def test_backup_refuses_a_folder_that_is_not_empty(db, tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "iets.txt").write_text("al bezet")

    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", "--output", str(tmp_path / "backup"))


def test_a_round_trip_into_an_empty_environment_gives_back_the_same_rows_and_bytes(
    platform_data, tmp_path, settings, client, fresh_content_types
):
    backup_dir = tmp_path / "backup"
    call_command("backup", "--output", str(backup_dir), stdout=StringIO())
    rows_before = dump()
    empty_environment(settings, tmp_path)
    assert not Material.objects.exists()

    out = StringIO()
    call_command("restore", str(backup_dir), stdout=out)

    assert dump() == rows_before
    manifest = json.loads((backup_dir / MANIFEST_FILE).read_text())
    assert all(sha256_in_storage(entry) == entry["sha256"] for entry in manifest["files"])
    assert Review.objects.exists() and Feedback.objects.exists() and NewsPage.objects.exists()
    assert "Restored" in out.getvalue()


def test_after_a_restore_the_material_page_and_its_download_work(
    platform_data, tmp_path, settings, client, fresh_content_types
):
    version = platform_data.versions.order_by("-number").first()
    version_file = version.files.order_by("sort_order").first()
    expected = hashlib.sha256(
        storages["materials"].open(version_file.stored_file.storage_name, "rb").read()
    ).hexdigest()
    call_command("backup", "--output", str(tmp_path / "backup"), stdout=StringIO())
    empty_environment(settings, tmp_path)

    call_command("restore", str(tmp_path / "backup"), stdout=StringIO())

    page = client.get(reverse("repository:material_detail", args=[platform_data.pk]))
    download = client.get(
        reverse(
            "repository:file_download",
            args=[platform_data.pk, version.number, version_file.pk],
        )
    )
    assert page.status_code == 200
    assert "Breuken vergelijken" in page.content.decode()
    assert hashlib.sha256(b"".join(download.streaming_content)).hexdigest() == expected


def test_after_a_restore_search_finds_the_material_again(
    platform_data, tmp_path, settings, client, fresh_content_types
):
    call_command("backup", "--output", str(tmp_path / "backup"), stdout=StringIO())
    empty_environment(settings, tmp_path)

    call_command("restore", str(tmp_path / "backup"), stdout=StringIO())

    response = client.get(reverse("repository:material_browse"), {"q": "Breuken"})
    assert "Breuken vergelijken" in response.content.decode()


def test_a_tampered_blob_makes_restore_fail_without_loading_or_writing_anything(
    platform_data, tmp_path, settings, fresh_content_types
):
    backup_dir = tmp_path / "backup"
    call_command("backup", "--output", str(backup_dir), stdout=StringIO())
    manifest = json.loads((backup_dir / MANIFEST_FILE).read_text())
    last = manifest["files"][-1]
    (backup_dir / "files" / last["storage"] / last["name"]).write_bytes(b"vervalst")
    empty_environment(settings, tmp_path)

    with pytest.raises(CommandError, match="does not match the manifest"):
        call_command("restore", str(backup_dir), stdout=StringIO())

    assert not Material.objects.exists()
    assert not (tmp_path / "empty-materials").exists() or not any(
        (tmp_path / "empty-materials").rglob("*.*")
    )


def test_restore_refuses_an_environment_with_content_unless_forced(platform_data, tmp_path):
    call_command("backup", "--output", str(tmp_path / "backup"), stdout=StringIO())

    with pytest.raises(CommandError, match="already has content"):
        call_command("restore", str(tmp_path / "backup"), stdout=StringIO())


def test_restore_refuses_a_manifest_name_that_climbs_out_of_the_backup(db, tmp_path):
    backup_dir = tmp_path / "backup"
    backup_dir.mkdir()
    (backup_dir / DATABASE_FILE).write_text("[]")
    entry = {"storage": "materials", "name": "../../etc/passwd", "size": 1, "sha256": "0"}
    (backup_dir / MANIFEST_FILE).write_text(json.dumps({"version": 1, "files": [entry]}))

    with pytest.raises(CommandError, match="Unsafe blob name"):
        call_command("restore", str(backup_dir), "--force", stdout=StringIO())
