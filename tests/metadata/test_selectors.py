import pytest

from metadata.models import Concept, ConceptScheme
from metadata.selectors import concept_resolve, curriculum_goals_for
from metadata.services import vocabularies_load_builtin

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabularies(db):
    vocabularies_load_builtin()


def level(notation):
    return Concept.objects.get(scheme__slug="levels", notation=notation)


def subject(label):
    return Concept.objects.get(scheme__slug="subjects", label_nl=label)


def goal(identifier, *, levels=(), subjects=(), active=True):
    concept = Concept.objects.create(
        scheme=ConceptScheme.objects.get(slug="curriculum-goals"),
        identifier=identifier,
        uri=f"urn:test:{identifier}",
        label_nl=identifier,
        active=active,
    )
    concept.levels.set(levels)
    concept.subjects.set(subjects)
    return concept


def test_a_goal_for_a_sector_fits_each_of_its_years(vocabularies):
    po_goal = goal("po-doel", levels=[level("po")])

    assert list(curriculum_goals_for(levels=[level("groep 5")])) == [po_goal]


def test_a_goal_for_a_year_fits_the_school_type_above_it(vocabularies):
    year_goal = goal("havo-2-doel", levels=[level("havo 2")])

    assert list(curriculum_goals_for(levels=[level("havo")])) == [year_goal]


def test_a_goal_for_one_year_does_not_fit_a_sibling_year(vocabularies):
    goal("havo-2-doel", levels=[level("havo 2")])

    assert not curriculum_goals_for(levels=[level("havo 4")]).exists()


def test_goals_can_be_narrowed_to_a_subject(vocabularies):
    dutch = goal("ne", levels=[level("po")], subjects=[subject("Nederlands")])
    goal("ak", levels=[level("po")], subjects=[subject("Aardrijkskunde")])

    found = curriculum_goals_for(levels=[level("groep 3")], subjects=[subject("Nederlands")])

    assert list(found) == [dutch]


def test_retired_goals_are_left_out(vocabularies):
    goal("oud", levels=[level("po")], active=False)

    assert not curriculum_goals_for(levels=[level("po")]).exists()


def test_a_goal_linked_to_several_matching_levels_appears_once(vocabularies):
    goal("breed", levels=[level("po"), level("groep 1"), level("groep 2")])

    assert curriculum_goals_for(levels=[level("groep 1"), level("groep 2")]).count() == 1


def test_resolve_follows_a_replacement(vocabularies):
    old = goal("oud", active=False)
    new = goal("nieuw")
    Concept.objects.filter(pk=old.pk).update(replaced_by=new)

    assert concept_resolve(scheme="curriculum-goals", identifier="oud") == new


def test_resolve_returns_none_for_an_unknown_identifier(vocabularies):
    assert concept_resolve(scheme="curriculum-goals", identifier="onbekend") is None
