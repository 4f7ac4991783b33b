"""The bin (prullenbak): deleting and restoring materials and collections, and the purge."""

from datetime import timedelta
from io import StringIO

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Revision, WorkflowState

import pytest

from repository.models import (
    Collection,
    CollectionItem,
    Material,
    MaterialFile,
    MaterialVersion,
    StoredFile,
    VersionFile,
)
from repository.services.bin import bin_purge, material_delete, material_restore
from repository.services.collections import collection_delete, collection_restore
from repository.services.materials import material_withdraw
from repository.services.sweep import storage_sweep
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import collection_of, draft_material, published_material, upload

pytestmark = pytest.mark.django_db


def withdrawn_material(owner, title="Ingetrokken"):
    material = published_material(owner, title=title)
    material_withdraw(material=material, user=owner, reason="Verouderd")
    material.refresh_from_db()
    return material


def deleted_days_ago(item, days: int) -> None:
    type(item).objects.filter(pk=item.pk).update(deleted_at=timezone.now() - timedelta(days=days))


def test_the_owner_can_delete_a_draft_that_was_never_published():
    owner = TeacherFactory()
    material = draft_material(owner)

    material_delete(material=material, user=owner)

    assert Material.objects.get(pk=material.pk).deleted_at is not None


def test_the_owner_can_delete_a_withdrawn_material():
    owner = TeacherFactory()
    material = withdrawn_material(owner)

    material_delete(material=material, user=owner)

    assert Material.objects.get(pk=material.pk).deleted_at is not None


def test_a_published_material_must_be_withdrawn_before_it_can_be_deleted():
    owner = TeacherFactory()
    material = published_material(owner)

    with pytest.raises(ValidationError, match="Trek het eerst in"):
        material_delete(material=material, user=owner)

    assert Material.objects.get(pk=material.pk).deleted_at is None


def test_a_co_author_cannot_delete_the_material():
    owner, co_author = TeacherFactory(), TeacherFactory()
    material = draft_material(owner)
    material.co_authors.add(co_author)
    material.save()

    with pytest.raises(PermissionDenied):
        material_delete(material=material, user=co_author)


def test_another_teacher_cannot_delete_the_material():
    material = draft_material(TeacherFactory())

    with pytest.raises(PermissionDenied):
        material_delete(material=material, user=TeacherFactory())


def test_another_teacher_cannot_restore_the_material():
    owner = TeacherFactory()
    material = draft_material(owner)
    material_delete(material=material, user=owner)

    with pytest.raises(PermissionDenied):
        material_restore(material=material, user=TeacherFactory())

    assert Material.objects.get(pk=material.pk).deleted_at is not None


def test_restore_brings_a_withdrawn_material_back_unchanged():
    owner = TeacherFactory()
    material = withdrawn_material(owner)
    before = Material.objects.values().get(pk=material.pk)
    files_before = list(MaterialFile.objects.filter(material=material).values())
    versions_before = list(MaterialVersion.objects.filter(material=material).values())

    material_delete(material=material, user=owner)
    material_restore(material=material, user=owner)

    assert Material.objects.values().get(pk=material.pk) == before
    assert list(MaterialFile.objects.filter(material=material).values()) == files_before
    assert list(MaterialVersion.objects.filter(material=material).values()) == versions_before


def test_restoring_a_material_that_is_not_in_the_bin_is_refused():
    owner = TeacherFactory()
    material = draft_material(owner)

    with pytest.raises(ValidationError):
        material_restore(material=material, user=owner)


def test_the_owner_restores_a_deleted_collection_with_its_items():
    owner = TeacherFactory()
    collection = collection_of(owner, [published_material(owner)])
    collection_delete(collection=collection, user=owner)

    collection_restore(collection=Collection.objects.get(pk=collection.pk), user=owner)

    collection.refresh_from_db()
    assert collection.deleted_at is None
    assert collection.items.count() == 1


def test_another_teacher_cannot_restore_a_collection():
    owner = TeacherFactory()
    collection = collection_of(owner)
    collection_delete(collection=collection, user=owner)

    with pytest.raises(PermissionDenied):
        collection_restore(
            collection=Collection.objects.get(pk=collection.pk), user=TeacherFactory()
        )


def test_a_dry_run_purge_lists_old_deletions_and_removes_nothing(settings):
    settings.DELETED_RETENTION_DAYS = 30
    owner = TeacherFactory()
    material = draft_material(owner)
    material_delete(material=material, user=owner)
    deleted_days_ago(material, 31)

    report = bin_purge(commit=False)

    assert report.materials == [(material.pk, material.title)]
    assert Material.objects.filter(pk=material.pk).exists()


def test_the_purge_leaves_materials_deleted_within_the_retention_period(settings):
    settings.DELETED_RETENTION_DAYS = 30
    owner = TeacherFactory()
    material = draft_material(owner)
    material_delete(material=material, user=owner)
    deleted_days_ago(material, 29)

    bin_purge(commit=True)

    assert Material.objects.filter(pk=material.pk).exists()


def test_the_purge_removes_an_old_deleted_material_with_its_versions_revisions_and_states(
    settings,
):
    settings.DELETED_RETENTION_DAYS = 30
    owner = TeacherFactory()
    material = withdrawn_material(owner)
    material_delete(material=material, user=owner)
    deleted_days_ago(material, 31)
    revision_ids = list(material.revisions.values_list("pk", flat=True))

    bin_purge(commit=True)

    assert not Material.objects.filter(pk=material.pk).exists()
    assert not MaterialVersion.objects.filter(material_id=material.pk).exists()
    assert not Revision.objects.filter(pk__in=revision_ids).exists()
    assert not WorkflowState.objects.filter(object_id=str(material.pk)).exists()


def test_the_purge_keeps_collection_items_but_marks_the_material_unavailable(settings):
    settings.DELETED_RETENTION_DAYS = 30
    owner = TeacherFactory()
    material = withdrawn_material(owner)
    collection = collection_of(TeacherFactory())
    CollectionItem.objects.create(
        collection=collection, kind=CollectionItem.Kind.MATERIAL, material=material, title="Oud"
    )
    material_delete(material=material, user=owner)
    deleted_days_ago(material, 31)

    bin_purge(commit=True)

    item = collection.items.get()
    assert item.material_id is None
    assert item.title == "Oud"


def test_the_purge_removes_old_deleted_collections(settings):
    settings.DELETED_RETENTION_DAYS = 30
    owner = TeacherFactory()
    old, recent = collection_of(owner, title="Oud"), collection_of(owner, title="Recent")
    for collection in (old, recent):
        collection_delete(collection=collection, user=owner)
    deleted_days_ago(old, 40)

    bin_purge(commit=True)

    assert list(Collection.objects.values_list("title", flat=True)) == ["Recent"]


def test_the_purge_leaves_bytes_to_the_storage_sweep(settings):
    settings.DELETED_RETENTION_DAYS = 30
    owner = TeacherFactory()
    material = withdrawn_material(owner)
    stored = VersionFile.objects.get(version__material=material).stored_file
    material_delete(material=material, user=owner)
    deleted_days_ago(material, 31)

    bin_purge(commit=True)

    assert not StoredFile.objects.filter(pk=stored.pk).exists()
    report = storage_sweep(grace=timedelta(0), delete=True)
    assert stored.storage_name in report.deleted


def test_the_purge_keeps_a_stored_file_that_another_material_shares():
    owner = TeacherFactory()
    same_bytes = upload().read()
    material = draft_material(owner, files=[upload(data=same_bytes)])
    keeper = draft_material(owner, title="Blijft", files=[upload(data=same_bytes)])
    material_delete(material=material, user=owner)
    deleted_days_ago(material, 400)

    bin_purge(commit=True)

    shared = MaterialFile.objects.get(material=keeper).stored_file_id
    assert StoredFile.objects.filter(pk=shared).exists()


def test_the_purge_command_is_a_dry_run_unless_told_to_commit(settings):
    settings.DELETED_RETENTION_DAYS = 30
    owner = TeacherFactory()
    material = draft_material(owner, title="Weg ermee")
    material_delete(material=material, user=owner)
    deleted_days_ago(material, 31)
    out = StringIO()

    call_command("purge_deleted", stdout=out)
    assert Material.objects.filter(pk=material.pk).exists()
    call_command("purge_deleted", "--commit", stdout=out)

    assert not Material.objects.filter(pk=material.pk).exists()
    assert "would purge: material" in out.getvalue()
    assert "purged: material" in out.getvalue()
