from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from metadata.models import Concept, ConceptScheme
from metadata.services import vocabularies_load_builtin

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(db):
    vocabularies_load_builtin()
    return ConceptScheme.objects.get(slug="themes")


def theme(identifier):
    return Concept.objects.get(scheme__slug="themes", identifier=identifier)


def test_a_term_without_english_label_shows_the_dutch_one_in_english(themes):
    term = Concept.objects.create(
        scheme=themes, identifier="t", uri="urn:t", label_nl="Leesplezier"
    )

    with translation.override("en"):
        assert str(term) == "Leesplezier"


def test_current_follows_a_chain_of_replacements(themes):
    first, second, third = (theme(i) for i in ("kwaliteit", "inclusie", "betaalbaarheid"))
    Concept.objects.filter(pk=first.pk).update(replaced_by=second, active=False)
    Concept.objects.filter(pk=second.pk).update(replaced_by=third, active=False)

    assert theme("kwaliteit").current() == third


def test_current_stops_at_a_cycle(themes):
    first, second = theme("kwaliteit"), theme("inclusie")
    Concept.objects.filter(pk=first.pk).update(replaced_by=second)
    Concept.objects.filter(pk=second.pk).update(replaced_by=first)

    assert theme("kwaliteit").current() == second


def test_a_parent_from_another_list_is_refused(themes):
    term = theme("inclusie")
    term.parent = Concept.objects.get(scheme__slug="sectors", identifier="po")

    with pytest.raises(ValidationError) as error:
        term.full_clean()

    assert error.value.message_dict["parent"] == ["Kies een begrip uit dezelfde lijst."]


def test_a_concept_cannot_replace_itself(themes):
    term = theme("inclusie")
    term.replaced_by = term

    with pytest.raises(ValidationError) as error:
        term.full_clean()

    assert "replaced_by" in error.value.message_dict
