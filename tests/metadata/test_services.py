import pytest

from metadata.models import Concept, ConceptScheme
from metadata.services import vocabularies_load_builtin

pytestmark = pytest.mark.django_db


def test_builtin_vocabularies_carry_slo_identifiers_and_uris():
    vocabularies_load_builtin()

    havo = Concept.objects.get(scheme__slug="levels", notation="havo")
    assert havo.identifier == "a3ddbe60-8478-4204-b769-6f5e9f4cbca2"
    assert havo.uri == "http://purl.edustandaard.nl/concept/a3ddbe60-8478-4204-b769-6f5e9f4cbca2"
    assert havo.parent.notation == "vo"


def test_loading_builtin_vocabularies_twice_changes_nothing():
    first = vocabularies_load_builtin()
    ids = set(Concept.objects.values_list("pk", flat=True))

    second = vocabularies_load_builtin()

    assert first == second
    assert set(Concept.objects.values_list("pk", flat=True)) == ids
    assert ConceptScheme.objects.count() == 3


def test_concept_label_follows_the_active_language():
    vocabularies_load_builtin()
    biology = Concept.objects.get(scheme__slug="subjects", notation="bio")

    from django.utils import translation

    with translation.override("en"):
        assert str(biology) == "Biology"
    with translation.override("nl"):
        assert str(biology) == "Biologie"
