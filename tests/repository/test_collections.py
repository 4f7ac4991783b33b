"""Collections (arrangementen): licence rule, items in order, availability, copies, deletion."""

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from repository.models import Collection, CollectionItem
from repository.selectors.collections import (
    can_view_collection,
    collection_entries,
    collection_parts,
)
from repository.services.collections import (
    collection_add_material,
    collection_add_section,
    collection_copy,
    collection_create,
    collection_delete,
    collection_item_move,
    collection_item_remove,
    collection_item_update,
    collection_update,
)
from repository.services.materials import material_withdraw
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import (
    collection_of,
    draft_material,
    published_material,
    published_material_under,
)

pytestmark = pytest.mark.django_db

SOURCE_URL = "http://testserver/leermiddelen/arrangementen/1/"


def titles(collection) -> list[str]:
    return [entry.title for entry in collection_entries(collection)]


def test_a_collection_with_an_nc_item_cannot_be_given_a_licence_without_nc():
    teacher = TeacherFactory()
    nc = published_material_under("cc-by-nc-4.0", TeacherFactory(), title="Niet commercieel")
    collection = collection_of(teacher, [nc], licence="cc-by-nc-4.0")

    with pytest.raises(ValidationError) as refused:
        collection_update(collection=collection, user=teacher, data={"licence": "cc-by-4.0"})

    [message] = refused.value.message_dict["licence"]
    assert "CC BY 4.0 past niet bij de leermiddelen" in message
    assert "CC BY-NC 4.0, CC BY-NC-SA 4.0, CC BY-NC-ND 4.0" in message
    collection.refresh_from_db()
    assert collection.licence == "cc-by-nc-4.0"


def test_a_collection_with_an_nc_item_may_take_another_nc_licence():
    teacher = TeacherFactory()
    nc = published_material_under("cc-by-nc-4.0", TeacherFactory())
    collection = collection_of(teacher, [nc], licence="cc-by-nc-4.0")

    collection_update(collection=collection, user=teacher, data={"licence": "cc-by-nc-sa-4.0"})

    collection.refresh_from_db()
    assert collection.licence == "cc-by-nc-sa-4.0"


def test_adding_an_nc_item_to_a_collection_without_nc_is_refused_with_the_licences_to_choose():
    teacher = TeacherFactory()
    collection = collection_of(teacher, licence="cc-by-4.0")
    nc = published_material_under("cc-by-nc-4.0", TeacherFactory(), title="Niet commercieel")

    with pytest.raises(ValidationError) as refused:
        collection_add_material(collection=collection, user=teacher, material=nc)

    assert "CC BY-NC 4.0" in refused.value.messages[0]
    assert "Kies eerst een van deze licenties" in refused.value.messages[0]
    assert not collection.items.exists()


def test_a_new_collection_starting_with_an_nc_material_needs_an_nc_licence():
    nc = published_material_under("cc-by-nc-4.0", TeacherFactory())

    with pytest.raises(ValidationError):
        collection_create(
            owner=TeacherFactory(),
            data={"title": "Reeks", "language": "nl", "licence": "cc0-1.0"},
            material=nc,
        )

    assert not Collection.objects.exists()


def test_adding_a_draft_material_is_refused():
    teacher = TeacherFactory()
    collection = collection_of(teacher)

    with pytest.raises(ValidationError) as refused:
        collection_add_material(
            collection=collection, user=teacher, material=draft_material(teacher)
        )

    assert "Alleen gepubliceerde leermiddelen" in refused.value.messages[0]
    assert not collection.items.exists()


def test_adding_a_withdrawn_material_is_refused():
    teacher = TeacherFactory()
    collection = collection_of(teacher)
    material = published_material(teacher)
    material_withdraw(material=material, user=teacher)

    with pytest.raises(ValidationError):
        collection_add_material(collection=collection, user=teacher, material=material)

    assert not collection.items.exists()


def test_adding_the_same_material_twice_is_refused():
    teacher = TeacherFactory()
    material = published_material(TeacherFactory())
    collection = collection_of(teacher, [material])

    with pytest.raises(ValidationError):
        collection_add_material(collection=collection, user=teacher, material=material)

    assert collection.items.count() == 1


def test_only_the_owner_changes_a_collection():
    collection = collection_of(TeacherFactory(), visibility=Collection.Visibility.PUBLIC)
    other = TeacherFactory()

    with pytest.raises(PermissionDenied):
        collection_add_material(
            collection=collection, user=other, material=published_material(other)
        )
    with pytest.raises(PermissionDenied):
        collection_update(collection=collection, user=other, data={"title": "Van mij"})
    with pytest.raises(PermissionDenied):
        collection_delete(collection=collection, user=other)


def test_materials_keep_the_order_they_were_added_in():
    owner = TeacherFactory()
    first, second = published_material(owner, title="Eerste"), published_material(owner, "Tweede")

    collection = collection_of(owner, [first, second])

    assert titles(collection) == ["Eerste", "Tweede"]


def test_moving_an_item_down_swaps_it_with_the_next_one():
    owner = TeacherFactory()
    materials = [published_material(owner, title=title) for title in ("A", "B", "C")]
    collection = collection_of(owner, materials)
    item_a = collection.items.get(material=materials[0])

    collection_item_move(item=item_a, user=owner, step=1)

    assert titles(collection) == ["B", "A", "C"]


def test_moving_the_first_item_up_changes_nothing():
    owner = TeacherFactory()
    materials = [published_material(owner, title=title) for title in ("A", "B")]
    collection = collection_of(owner, materials)

    collection_item_move(item=collection.items.get(material=materials[0]), user=owner, step=-1)

    assert titles(collection) == ["A", "B"]


def test_removing_an_item_leaves_the_material_alone():
    owner = TeacherFactory()
    material = published_material(owner, title="Blijft")
    collection = collection_of(owner, [material])

    collection_item_remove(item=collection.items.get(), user=owner)

    assert not collection.items.exists()
    material.refresh_from_db()
    assert material.live


def test_a_section_heading_groups_the_materials_after_it_with_its_note():
    owner = TeacherFactory()
    intro = published_material(owner, title="Intro")
    collection = collection_of(owner, [intro])
    collection_add_section(collection=collection, user=owner, title="Week 2", note="Na de toets")
    collection_add_material(
        collection=collection, user=owner, material=published_material(owner, title="Oefenen")
    )

    parts = collection_parts(collection_entries(collection))

    assert [part.heading.item.title if part.heading else None for part in parts] == [
        None,
        "Week 2",
    ]
    assert parts[1].heading.item.note == "Na de toets"
    assert [entry.title for entry in parts[1].entries] == ["Oefenen"]
    assert parts[1].start == 2


def test_a_section_needs_a_heading():
    owner = TeacherFactory()
    collection = collection_of(owner)

    with pytest.raises(ValidationError):
        collection_add_section(collection=collection, user=owner, title="   ")


def test_a_note_is_kept_with_its_item():
    owner = TeacherFactory()
    collection = collection_of(owner, [published_material(owner)])
    item = collection.items.get()

    collection_item_update(item=item, user=owner, note="Eerst klassikaal bespreken.")

    item.refresh_from_db()
    assert item.note == "Eerst klassikaal bespreken."


def test_a_withdrawn_material_shows_as_unavailable_under_its_title_when_added():
    owner = TeacherFactory()
    material = published_material(owner, title="Bijna weg")
    collection = collection_of(owner, [material])
    material_withdraw(material=material, user=owner)

    (entry,) = collection_entries(collection)

    assert not entry.is_available
    assert entry.title == "Bijna weg"


def test_a_deleted_collection_is_seen_by_nobody():
    owner = TeacherFactory()
    collection = collection_of(owner, visibility=Collection.Visibility.PUBLIC)

    collection_delete(collection=collection, user=owner)

    collection.refresh_from_db()
    assert not can_view_collection(owner, collection)
    assert not Collection.objects.public().exists()


def test_a_copy_is_private_to_the_teacher_with_the_items_notes_and_the_source_credited():
    owner = TeacherFactory(display_name="Anna de Vries")
    material = published_material(owner, title="Breuken")
    source = collection_of(owner, [material], visibility=Collection.Visibility.PUBLIC)
    source.based_on_attribution = "‘Oudere reeks’ door Piet, bron: http://x.example/1"
    source.save()
    collection_add_section(collection=source, user=owner, title="Week 1", note="Start")
    teacher = TeacherFactory()

    copy = collection_copy(source=source, user=teacher, source_url=SOURCE_URL)

    assert copy.owner == teacher
    assert copy.visibility == Collection.Visibility.PRIVATE
    assert copy.based_on == source
    assert [(i.kind, i.material_id, i.title, i.note) for i in copy.items.all()] == [
        (CollectionItem.Kind.MATERIAL, material.pk, "Breuken", ""),
        (CollectionItem.Kind.SECTION, None, "Week 1", "Start"),
    ]
    lines = copy.based_on_attribution.splitlines()
    assert "Anna de Vries" in lines[0]
    assert SOURCE_URL in lines[0]
    assert "CC BY 4.0" in lines[0]
    assert lines[1] == "‘Oudere reeks’ door Piet, bron: http://x.example/1"


def test_a_private_collection_cannot_be_copied_by_another_teacher():
    source = collection_of(TeacherFactory())

    with pytest.raises(PermissionDenied):
        collection_copy(source=source, user=TeacherFactory(), source_url=SOURCE_URL)


def test_a_no_derivatives_collection_cannot_be_copied():
    source = collection_of(
        TeacherFactory(), licence="cc-by-nd-4.0", visibility=Collection.Visibility.PUBLIC
    )

    with pytest.raises(ValidationError) as refused:
        collection_copy(source=source, user=TeacherFactory(), source_url=SOURCE_URL)

    assert "geen bewerkingen" in refused.value.messages[0]
    assert Collection.objects.count() == 1


def test_a_copy_of_a_share_alike_collection_may_only_keep_share_alike():
    source = collection_of(
        TeacherFactory(), licence="cc-by-sa-4.0", visibility=Collection.Visibility.PUBLIC
    )
    teacher = TeacherFactory()
    copy = collection_copy(source=source, user=teacher, source_url=SOURCE_URL)

    with pytest.raises(ValidationError):
        collection_update(collection=copy, user=teacher, data={"licence": "cc-by-4.0"})

    assert copy.licence == "cc-by-sa-4.0"
