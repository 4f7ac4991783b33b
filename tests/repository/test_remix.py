"""Remix services: a draft from the exact source version, more sources, and licence rules."""

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from repository.models import MaterialSource
from repository.services.files import stored_file_take_down
from repository.services.materials import (
    material_save_draft,
    material_submission_errors,
    material_withdraw,
    working_copy,
)
from repository.services.remix import RemixRefused, remix_add_source, remix_create
from tests.accounts.factories import TeacherFactory, UserFactory
from tests.repository.factories import (
    draft_material,
    make_published_remix,
    published_material,
    published_material_under,
    upload,
)

pytestmark = pytest.mark.django_db


def test_remix_is_a_draft_of_the_teacher_that_records_the_exact_source_version():
    source = published_material(TeacherFactory(), title="Breuken vergelijken")
    teacher = TeacherFactory()

    remix = remix_create(source=source, user=teacher)

    row = remix.sources.get()
    assert remix.owner == teacher
    assert not remix.live
    assert row.source_material == source
    assert row.source_version == source.versions.get()
    assert row.version_number == 1
    assert row.title == "Breuken vergelijken"
    assert row.authors == source.owner.name
    assert row.source_url == f"http://testserver/leermiddelen/{source.pk}/"
    assert row.licence == "cc-by-4.0"


def test_remix_starts_from_the_source_metadata_with_a_change_note():
    source = published_material(TeacherFactory(), title="Breuken vergelijken")

    remix = working_copy(remix_create(source=source, user=TeacherFactory()))

    assert remix.title == "Breuken vergelijken"
    assert remix.summary == "Oefeningen met breuken voor groep 6."
    assert [c.notation for c in remix.levels.all()] == ["groep 6"]
    assert [c.notation for c in remix.subjects.all()] == ["rw"]
    assert remix.change_note == "Bewerking van ‘Breuken vergelijken’ (v1)"


def test_remix_files_point_at_the_same_stored_bytes_as_the_source_version():
    source = published_material(TeacherFactory(), files=[upload("a.pdf"), upload("b.pdf")])
    version_files = source.versions.get().files.order_by("sort_order")

    remix = working_copy(remix_create(source=source, user=TeacherFactory()))

    assert [(f.stored_file_id, f.original_name) for f in remix.files.all()] == [
        (f.stored_file_id, f.original_name) for f in version_files
    ]


def test_remix_leaves_out_files_taken_down_for_legal_reasons():
    source = published_material(TeacherFactory(), files=[upload("a.pdf"), upload("b.pdf")])
    taken_down = source.versions.get().files.get(original_name="a.pdf").stored_file
    stored_file_take_down(
        stored_file=taken_down, user=UserFactory(is_superuser=True), reason="Auteursrecht"
    )

    remix = working_copy(remix_create(source=source, user=TeacherFactory()))

    assert [f.original_name for f in remix.files.all()] == ["b.pdf"]


def test_remix_of_a_no_derivatives_material_is_refused_in_plain_dutch():
    source = published_material_under("cc-by-nd-4.0", TeacherFactory())

    with pytest.raises(RemixRefused) as refused:
        remix_create(source=source, user=TeacherFactory())

    assert refused.value.reasons == [
        "CC BY-ND 4.0 staat geen bewerkingen toe: je mag het werk alleen ongewijzigd delen."
    ]
    assert not MaterialSource.objects.exists()


def test_remix_of_a_draft_is_refused():
    source = draft_material(TeacherFactory())

    with pytest.raises(RemixRefused):
        remix_create(source=source, user=TeacherFactory())


def test_remix_of_a_withdrawn_material_is_refused():
    owner = TeacherFactory()
    source = published_material(owner)
    material_withdraw(material=source, user=owner)

    with pytest.raises(RemixRefused):
        remix_create(source=source, user=TeacherFactory())


def test_only_teachers_may_remix():
    source = published_material(TeacherFactory())

    with pytest.raises(PermissionDenied):
        remix_create(source=source, user=UserFactory())


def test_remix_keeps_a_share_alike_licence():
    source = published_material_under("cc-by-sa-4.0", TeacherFactory())

    remix = remix_create(source=source, user=TeacherFactory())

    assert working_copy(remix).licence == "cc-by-sa-4.0"


def test_remix_of_a_version_3_share_alike_source_moves_to_the_first_allowed_licence():
    source = published_material_under("cc-by-sa-3.0", TeacherFactory())

    remix = remix_create(source=source, user=TeacherFactory())

    assert working_copy(remix).licence == "cc-by-sa-4.0"


def test_saving_a_remix_of_a_share_alike_source_under_another_licence_is_refused():
    teacher = TeacherFactory()
    remix = remix_create(source=published_material_under("cc-by-sa-4.0", teacher), user=teacher)

    with pytest.raises(ValidationError) as refused:
        material_save_draft(material=remix, user=teacher, data={"licence": "cc-by-4.0"})

    assert "CC BY-SA 4.0" in refused.value.message_dict["licence"][0]
    assert working_copy(remix).licence == "cc-by-sa-4.0"


def test_submission_of_a_remix_with_a_licence_its_sources_forbid_is_refused():
    teacher = TeacherFactory()
    remix = remix_create(source=published_material_under("cc-by-nc-4.0", teacher), user=teacher)
    # As if the licence had been stored before the rule was checked.
    remix.licence = "cc-by-4.0"
    remix.save()
    remix.save_revision(user=teacher)

    errors = material_submission_errors(remix)

    assert "past niet bij de bronnen" in errors["licence"]


def test_second_source_brings_its_files_and_its_own_row():
    teacher = TeacherFactory()
    first = published_material(TeacherFactory(), title="Breuken", files=[upload("a.pdf")])
    second = published_material(TeacherFactory(), title="Procenten", files=[upload("b.pdf")])
    remix = remix_create(source=first, user=teacher)

    remix_add_source(remix=remix, source=second, user=teacher)

    assert [row.title for row in remix.sources.all()] == ["Breuken", "Procenten"]
    assert [f.original_name for f in working_copy(remix).files.all()] == ["a.pdf", "b.pdf"]


def test_by_and_by_nc_sources_move_the_remix_to_a_non_commercial_licence():
    teacher = TeacherFactory()
    remix = remix_create(source=published_material_under("cc-by-4.0", teacher), user=teacher)

    remix_add_source(
        remix=remix, source=published_material_under("cc-by-nc-4.0", teacher), user=teacher
    )

    assert working_copy(remix).licence == "cc-by-nc-4.0"


def test_share_alike_and_non_commercial_sources_cannot_be_combined():
    teacher = TeacherFactory()
    remix = remix_create(source=published_material_under("cc-by-sa-4.0", teacher), user=teacher)
    other = published_material_under("cc-by-nc-4.0", teacher, title="Niet commercieel")

    with pytest.raises(RemixRefused) as refused:
        remix_add_source(remix=remix, source=other, user=teacher)

    assert "Geen licentie voldoet aan allebei" in refused.value.reasons[0]
    assert remix.sources.count() == 1
    assert len(working_copy(remix).files.all()) == 1


def test_a_no_derivatives_source_cannot_be_added():
    teacher = TeacherFactory()
    remix = remix_create(source=published_material(teacher), user=teacher)

    with pytest.raises(RemixRefused):
        remix_add_source(
            remix=remix, source=published_material_under("cc-by-nd-4.0", teacher), user=teacher
        )


def test_the_same_source_cannot_be_added_twice():
    teacher = TeacherFactory()
    source = published_material(teacher)
    remix = remix_create(source=source, user=teacher)

    with pytest.raises(RemixRefused):
        remix_add_source(remix=remix, source=source, user=teacher)


def test_sources_cannot_be_added_to_a_published_remix():
    teacher = TeacherFactory()
    remix = make_published_remix([published_material(teacher)], teacher, title="Mijn versie")

    with pytest.raises(RemixRefused):
        remix_add_source(remix=remix, source=published_material(teacher), user=teacher)


def test_only_an_author_of_the_remix_may_add_a_source():
    teacher = TeacherFactory()
    remix = remix_create(source=published_material(teacher), user=teacher)

    with pytest.raises(PermissionDenied):
        remix_add_source(remix=remix, source=published_material(teacher), user=TeacherFactory())


def test_remix_of_a_remix_inherits_the_attribution_of_earlier_generations():
    grandparent = published_material(TeacherFactory(), title="Oerbron")
    parent = make_published_remix([grandparent], TeacherFactory(), title="Tussenversie")

    remix = remix_create(source=parent, user=TeacherFactory())

    inherited = remix.sources.get().inherited_attribution
    assert inherited.startswith("‘Oerbron’ (versie 1) door ")
    assert f"http://testserver/leermiddelen/{grandparent.pk}/" in inherited
