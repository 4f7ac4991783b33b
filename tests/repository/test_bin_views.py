"""The bin's pages, who may use them, and that a deleted material vanishes everywhere else."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
from lxml import etree

from lti.selectors import picker_materials
from metadata.oai.selectors import oai_materials
from repository.models import Collection, CollectionItem, Material
from repository.selectors.collections import collection_entries
from repository.selectors.search import MaterialQuery, material_search
from repository.services.bin import material_delete
from repository.services.collections import collection_delete
from repository.services.materials import material_withdraw
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import collection_of, draft_material, published_material

pytestmark = pytest.mark.django_db

BIN_URL = reverse("repository:material_bin")


def delete_url(material) -> str:
    return reverse("repository:material_delete", args=[material.pk])


def restore_url(material) -> str:
    return reverse("repository:material_restore", args=[material.pk])


def deleted_draft(owner, title="Weggegooid"):
    material = draft_material(owner, title=title)
    material_delete(material=material, user=owner)
    return material


def deleted_withdrawn(owner, title="Ingetrokken en weg"):
    material = published_material(owner, title=title)
    material_withdraw(material=material, user=owner, reason="Verouderd")
    material_delete(material=material, user=owner)
    return material


def in_bin_while_live(owner, title="Breuken in de prullenbak"):
    """A published material with deleted_at set: the filters alone must keep it out of sight."""
    material = published_material(owner, title=title)
    Material.objects.filter(pk=material.pk).update(deleted_at=timezone.now())
    return material


def test_the_owner_deletes_a_draft_from_the_confirmation_page(client):
    owner = TeacherFactory()
    material = draft_material(owner)
    client.force_login(owner)

    response = client.post(delete_url(material))

    assert response.status_code == 302
    assert Material.objects.get(pk=material.pk).deleted_at is not None


def test_the_page_tells_the_owner_to_withdraw_a_published_material_first(client):
    owner = TeacherFactory()
    material = published_material(owner)
    client.force_login(owner)

    response = client.post(delete_url(material))

    assert response.status_code == 409
    assert "Trek het eerst in" in response.content.decode()
    assert Material.objects.get(pk=material.pk).deleted_at is None


def test_a_co_author_is_refused_the_delete_page(client):
    owner, co_author = TeacherFactory(), TeacherFactory()
    material = draft_material(owner)
    material.co_authors.add(co_author)
    material.save()
    client.force_login(co_author)

    response = client.post(delete_url(material))

    assert response.status_code == 403
    assert Material.objects.get(pk=material.pk).deleted_at is None


def test_another_teacher_cannot_delete_a_draft(client):
    material = draft_material(TeacherFactory())
    client.force_login(TeacherFactory())

    response = client.post(delete_url(material))

    assert response.status_code == 404
    assert Material.objects.get(pk=material.pk).deleted_at is None


def test_the_bin_lists_my_deleted_materials_and_collections_with_their_purge_date(client, settings):
    settings.DELETED_RETENTION_DAYS = 30
    owner = TeacherFactory()
    material = deleted_draft(owner)
    collection = collection_of(owner, title="Oud arrangement")
    collection_delete(collection=collection, user=owner)
    client.force_login(owner)

    html = client.get(BIN_URL).content.decode()

    purge_day = timezone.localdate(timezone.now() + timedelta(days=30)).isoformat()
    assert material.title in html and "Oud arrangement" in html
    assert purge_day in html
    assert restore_url(material) in html


def test_the_bin_does_not_show_another_teachers_deleted_material(client):
    deleted_draft(TeacherFactory(), title="Van een ander")
    client.force_login(TeacherFactory())

    assert "Van een ander" not in client.get(BIN_URL).content.decode()


def test_the_dashboard_links_to_the_bin_and_leaves_deleted_materials_out(client):
    owner = TeacherFactory()
    deleted_draft(owner, title="Weggegooid")
    client.force_login(owner)

    response = client.get(reverse("repository:my_materials"))

    assert BIN_URL in response.content.decode()
    assert all(not section["entries"] for section in response.context["sections"])


def test_the_owner_restores_a_material_from_the_bin(client):
    owner = TeacherFactory()
    material = deleted_draft(owner)
    client.force_login(owner)

    response = client.post(restore_url(material))

    assert response.status_code == 302
    assert Material.objects.get(pk=material.pk).deleted_at is None


def test_another_teacher_cannot_restore_my_material(client):
    material = deleted_draft(TeacherFactory())
    client.force_login(TeacherFactory())

    response = client.post(restore_url(material))

    assert response.status_code == 404
    assert Material.objects.get(pk=material.pk).deleted_at is not None


def test_restoring_needs_a_post(client):
    owner = TeacherFactory()
    material = deleted_draft(owner)
    client.force_login(owner)

    assert client.get(restore_url(material)).status_code == 405


def test_the_owner_restores_a_collection_from_the_bin(client):
    owner = TeacherFactory()
    collection = collection_of(owner)
    collection_delete(collection=collection, user=owner)
    client.force_login(owner)

    client.post(reverse("repository:collection_restore", args=[collection.pk]))

    assert Collection.objects.get(pk=collection.pk).deleted_at is None


def test_another_teacher_cannot_restore_my_collection(client):
    owner = TeacherFactory()
    collection = collection_of(owner)
    collection_delete(collection=collection, user=owner)
    client.force_login(TeacherFactory())

    response = client.post(reverse("repository:collection_restore", args=[collection.pk]))

    assert response.status_code == 404
    assert Collection.objects.get(pk=collection.pk).deleted_at is not None


def test_a_deleted_material_page_is_not_found_even_for_its_owner(client):
    owner = TeacherFactory()
    material = deleted_draft(owner)
    client.force_login(owner)

    assert client.get(material.get_absolute_url()).status_code == 404


def test_a_deleted_material_cannot_be_edited(client):
    owner = TeacherFactory()
    material = deleted_draft(owner)
    client.force_login(owner)

    response = client.post(reverse("repository:material_edit", args=[material.pk]), {})

    assert response.status_code == 404


def test_a_deleted_materials_files_cannot_be_downloaded(client):
    owner = TeacherFactory()
    material = in_bin_while_live(owner)
    version = material.versions.get()
    file_id = version.files.get().pk
    client.force_login(owner)

    response = client.get(
        reverse("repository:file_download", args=[material.pk, version.number, file_id])
    )

    assert response.status_code == 404


def test_a_deleted_material_is_not_found_by_search():
    material = in_bin_while_live(TeacherFactory())

    result = material_search(MaterialQuery(text="Breuken"))

    assert material not in list(result.page.object_list)
    assert result.total == 0


def test_a_deleted_material_is_left_out_of_browse(client):
    in_bin_while_live(TeacherFactory(), title="Verdwenen breuken")

    html = client.get(reverse("repository:material_browse")).content.decode()

    assert "Verdwenen breuken" not in html


def test_a_deleted_material_is_left_out_of_the_sitemap(client):
    material = in_bin_while_live(TeacherFactory())

    tree = etree.fromstring(client.get("/sitemap.xml").content)

    locations = [element.text for element in tree.iter()]
    assert not any(f"/leermiddelen/{material.pk}/" in str(location) for location in locations)


def test_a_deleted_material_is_not_offered_in_the_lti_picker():
    material = in_bin_while_live(TeacherFactory())

    assert material not in picker_materials(query="Breuken")


def test_a_deleted_material_that_was_published_stays_a_deleted_oai_record():
    material = deleted_withdrawn(TeacherFactory())

    assert material in oai_materials()


def test_a_deleted_draft_that_was_never_published_stays_absent_from_oai():
    material = deleted_draft(TeacherFactory())

    assert material not in oai_materials()


def test_a_collection_shows_a_deleted_material_as_no_longer_available():
    owner = TeacherFactory()
    material = published_material(owner)
    collection = collection_of(owner, [material])
    Material.objects.filter(pk=material.pk).update(deleted_at=timezone.now())

    (entry,) = collection_entries(collection)

    assert entry.item.kind == CollectionItem.Kind.MATERIAL
    assert not entry.is_available
