import pytest

from metadata.importers.slo import slo_vocabularies_import
from metadata.models import Concept, ConceptScheme
from metadata.selectors import concept_resolve
from metadata.services import vocabularies_load_builtin

pytestmark = pytest.mark.django_db


def vocabulary_snapshot():
    """Every stored value of the vocabularies, including the link tables' own row ids."""
    return (
        list(ConceptScheme.objects.order_by("pk").values()),
        list(Concept.objects.order_by("pk").values()),
        list(Concept.levels.through.objects.order_by("pk").values_list()),
        list(Concept.subjects.through.objects.order_by("pk").values_list()),
    )


def goals():
    return Concept.objects.in_scheme("curriculum-goals")


def level(notation):
    return Concept.objects.get(scheme__slug="levels", notation=notation)


def subject(label):
    return Concept.objects.get(scheme__slug="subjects", label_nl=label)


# SLO's real files in ../shared, imported once per module; the numbers are from slo/NOTICE.md.


def test_import_brings_in_every_slo_subject(slo_import):
    assert slo_import.subjects == 95
    assert Concept.objects.in_scheme("subjects").filter(source="slo").count() == 95


def test_import_brings_in_the_405_kerndoelen_as_active_curriculum_goals(slo_import):
    assert slo_import.curriculum_goals == 405
    assert goals().active().count() == 405


def test_import_keeps_the_73_retired_kerndoelen_as_inactive_goals(slo_import):
    assert slo_import.retired_curriculum_goals == 73
    assert goals().filter(active=False).count() == 73


def test_retired_kerndoel_points_to_its_successor(slo_import):
    retired = goals().get(identifier="d803cf62-cf7e-404c-b650-8c7543534b6d")
    assert retired.replaced_by.identifier == "2de22d5b-8896-4338-a202-519119b58c56"
    assert concept_resolve(scheme="curriculum-goals", identifier=retired.identifier) == goals().get(
        identifier="2de22d5b-8896-4338-a202-519119b58c56"
    )


def test_an_id_named_in_replaces_points_to_the_kerndoel_that_replaces_it(slo_import):
    vo_01 = goals().get(identifier="bd54ffca-45c2-457e-9f48-651e6a121332")
    old = goals().get(identifier="fe8cc1d3-38ad-4de9-a3f4-3d820285241a")
    assert old.replaced_by == vo_01
    assert not old.active


def test_po_kerndoelen_are_linked_to_po(slo_import):
    assert level("po").curriculum_goals_at_level.filter(active=True).count() == 58


def test_phases_are_linked_to_their_groups(slo_import):
    active = {"active": True}
    assert level("groep 1").curriculum_goals_at_level.filter(**active).count() == 33  # fase 1
    assert level("groep 5").curriculum_goals_at_level.filter(**active).count() == 38  # fase 2
    assert level("groep 8").curriculum_goals_at_level.filter(**active).count() == 38  # fase 3


def test_onderbouw_vo_kerndoelen_are_linked_to_the_first_years_of_vo(slo_import):
    active = {"active": True}
    assert level("havo 3").curriculum_goals_at_level.filter(**active).count() == 58
    assert level("vwo 1").curriculum_goals_at_level.filter(**active).count() == 58
    # ob vo (58) plus the 4 po kerndoelen that also name ob vmbo.
    assert level("vmbo-kb 2").curriculum_goals_at_level.filter(**active).count() == 62
    assert not level("havo 4").curriculum_goals_at_level.exists()


def test_so_kerndoelen_are_linked_to_so(slo_import):
    # SO nl/ml (83 + 7) and SO zml/mg (54 + 9).
    assert level("so").curriculum_goals_at_level.filter(active=True).count() == 153


def test_every_kerndoel_gets_a_level_and_a_subject(slo_import):
    assert not goals().active().filter(levels=None).exists()
    assert not goals().active().filter(subjects=None).exists()


def test_fries_kerndoelen_reach_the_fries_subject_by_name(slo_import):
    assert subject("Fries").curriculum_goals_in_subject.filter(active=True).count() == 19


def test_import_reports_the_broken_fries_reference(slo_import):
    assert slo_import.problems == [
        "‘Fries’ in curriculum-kerndoelen/vakleergebieden.json verwijst naar vakleergebied "
        "7970397c-0fd4-45ac-a6ef-4a2c4a66901d, dat niet in curriculum-basis/vakleergebieden.json "
        "staat. De kerndoelen zijn op naam gekoppeld aan het vak Fries "
        "(6e29642b-d99d-4085-8dc5-971cabb6b693)."
    ]


def test_second_import_changes_nothing(slo_import, slo_directory):
    before = vocabulary_snapshot()

    report = slo_vocabularies_import(directory=slo_directory)

    assert (report.created, report.updated) == (0, 0)
    assert vocabulary_snapshot() == before


def test_reloading_builtin_data_after_an_import_undoes_nothing(slo_import, slo_directory):
    vocabularies_load_builtin()

    report = slo_vocabularies_import(directory=slo_directory)

    assert report.changed == 0


def test_import_prefers_the_kerndoel_label_for_display(slo_import):
    po_10 = goals().get(notation="PO Kerndoel 10")
    assert po_10.label_nl == "Strategieën hanteren"
    assert po_10.definition_nl.startswith("De leerlingen leren")


def test_import_strips_stray_whitespace(slo_import):
    assert goals().filter(notation="VSO Kerndoel DB 54.8").exists()
    assert not goals().filter(label_nl__contains="  ").exists()
    assert not goals().filter(definition_nl__startswith=" ").exists()


def test_provisional_slo_subjects_arrive_inactive(slo_import):
    assert not subject("Wiskunde 1").active
    assert subject("Wiskunde A").active


def test_import_keeps_an_editors_deactivation_of_a_subject(slo_import, slo_directory):
    Concept.objects.filter(scheme__slug="subjects", label_nl="Filosofie").update(active=False)

    slo_vocabularies_import(directory=slo_directory)

    assert not subject("Filosofie").active


def test_import_retires_a_stored_subject_that_slo_replaced(slo_import, slo_directory):
    old_english = Concept.objects.create(
        scheme=ConceptScheme.objects.get(slug="subjects"),
        identifier="d8dc1dca-90ee-4d8b-983b-734207cfbee2",
        uri="https://opendata.slo.nl/curriculum/uuid/d8dc1dca-90ee-4d8b-983b-734207cfbee2",
        label_nl="Engels",
    )

    slo_vocabularies_import(directory=slo_directory)

    old_english.refresh_from_db()
    assert not old_english.active
    assert old_english.replaced_by.identifier == "cfaf3202-4c14-4f7e-b783-91ad1dc93779"
