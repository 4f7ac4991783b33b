"""The vocabulary each process keeps: read once, renewed when a concept or scheme changes."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from metadata.concept_cache import GENERATION_KEY, concepts_by_pk
from metadata.models import Concept
from metadata.services import vocabularies_load_builtin
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import published_material

pytestmark = pytest.mark.django_db


def concept_table_reads(captured) -> int:
    table = connection.ops.quote_name(Concept._meta.db_table)
    return sum(1 for query in captured if f"FROM {table}" in query["sql"])


def page(client, material) -> str:
    response = client.get(reverse("repository:material_detail", args=[material.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_material_page_reads_the_concepts_once_and_then_from_memory(client):
    material = published_material(TeacherFactory())
    with CaptureQueriesContext(connection) as first:
        page(client, material)
    with CaptureQueriesContext(connection) as second:
        html = page(client, material)

    assert concept_table_reads(first) == 1
    assert concept_table_reads(second) == 0
    subject = material.subjects.get()
    assert subject.label_nl in html


def test_a_renamed_subject_shows_on_the_next_page_view(client, django_capture_on_commit_callbacks):
    material = published_material(TeacherFactory())
    page(client, material)
    subject = material.subjects.get()

    with django_capture_on_commit_callbacks(execute=True):
        subject.label_nl = "Rekenen met breuken (nieuw)"
        subject.save()

    assert "Rekenen met breuken (nieuw)" in page(client, material)


def test_a_concept_added_after_the_vocabulary_was_loaded_is_found():
    vocabularies_load_builtin()
    loaded = concepts_by_pk()
    scheme = next(iter(loaded.values())).scheme
    added = Concept.objects.create(
        scheme=scheme, identifier="nieuw-begrip", uri="https://example.org/nieuw", label_nl="Nieuw"
    )

    assert concepts_by_pk()[added.pk].label_nl == "Nieuw"


def test_parents_are_linked_in_memory_so_walking_them_costs_no_query(django_assert_num_queries):
    vocabularies_load_builtin()
    concepts = concepts_by_pk()
    child = next(concept for concept in concepts.values() if concept.parent_id is not None)

    with django_assert_num_queries(0):
        assert child.parent.pk == child.parent_id
        assert child.scheme.slug


def test_without_a_generation_in_the_cache_the_concepts_are_loaded_again():
    from django.core.cache import cache

    vocabularies_load_builtin()
    first = concepts_by_pk()
    cache.delete(GENERATION_KEY)

    second = concepts_by_pk()

    assert second is not first
    assert second.keys() == first.keys()


def test_with_a_process_local_cache_the_concepts_are_loaded_again_after_a_while(monkeypatch):
    from metadata import concept_cache

    vocabularies_load_builtin()
    first = concepts_by_pk()
    assert concepts_by_pk() is first
    later = concept_cache.time.monotonic() + concept_cache.UNSHARED_SECONDS + 1
    monkeypatch.setattr(concept_cache.time, "monotonic", lambda: later)

    assert concepts_by_pk() is not first


def test_a_concept_the_process_has_not_loaded_is_read_for_the_material_that_uses_it():
    from metadata.oai.selectors import material_concepts_attach
    from repository.models import Material

    material = published_material(TeacherFactory())
    concepts_by_pk()
    subject = material.subjects.get()
    # Created without signals (as a bulk import could), so the loaded vocabulary lacks it.
    (added,) = Concept.objects.bulk_create(
        [
            Concept(
                scheme=subject.scheme,
                identifier="nieuw-vak",
                uri="https://example.org/nieuw-vak",
                label_nl="Nieuw vak",
            )
        ]
    )
    Material.subjects.through.objects.create(material=material, concept=added)

    material_concepts_attach([material])

    assert "Nieuw vak" in [concept.label_nl for concept in material.subjects.all()]
