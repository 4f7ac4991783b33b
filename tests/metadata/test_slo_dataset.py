import json

import pytest

from metadata.importers.slo import slo_vocabularies_import
from metadata.importers.slo_files import SloDataError
from metadata.models import Concept
from tests.metadata import factories
from tests.metadata.factories import write_slo_files

pytestmark = pytest.mark.django_db


def goals():
    return Concept.objects.in_scheme("curriculum-goals")


def test_import_needs_no_shared_folder_for_a_dataset_in_slo_format(tmp_path):
    report = slo_vocabularies_import(directory=write_slo_files(tmp_path))

    goal = goals().get(identifier=factories.GOAL)
    assert report.problems == []
    assert set(goal.levels.values_list("notation", flat=True)) == {
        "po",
        "groep 1",
        "groep 2",
        "groep 3",
    }
    assert list(goal.subjects.values_list("label_nl", flat=True)) == ["Nederlands"]
    assert goals().get(identifier=factories.RETIRED_GOAL).replaced_by == goal


def test_unreleased_items_are_not_stored(tmp_path):
    files = factories.slo_files()
    unreleased = dict(files["vakleergebieden"][1], unreleased=True)
    write_slo_files(tmp_path, vakleergebieden=[files["vakleergebieden"][0], unreleased])

    slo_vocabularies_import(directory=tmp_path)

    assert not Concept.objects.filter(identifier=factories.NEW_SUBJECT).exists()


def test_a_niveau_without_an_educational_level_is_reported(tmp_path):
    files = factories.slo_files()
    niveau = {"id": "00000000-0000-4000-8000-000000000099", "title": "nieuw niveau"}
    goal = dict(files["kerndoelen"][0], niveau_id=[factories.PO, niveau["id"]])
    write_slo_files(tmp_path, niveaus=[*files["niveaus"], niveau], kerndoelen=[goal])

    report = slo_vocabularies_import(directory=tmp_path)

    assert report.problems == [
        "SLO-niveau ‘nieuw niveau’ (00000000-0000-4000-8000-000000000099) hoort bij geen "
        "onderwijsniveau."
    ]


def test_a_niveau_missing_from_niveaus_json_is_reported(tmp_path):
    files = factories.slo_files()
    goal = dict(files["kerndoelen"][0], niveau_id=["00000000-0000-4000-8000-000000000098"])
    write_slo_files(tmp_path, kerndoelen=[goal])

    report = slo_vocabularies_import(directory=tmp_path)

    assert report.problems == [
        f"Kerndoel {factories.GOAL} verwijst naar niveau 00000000-0000-4000-8000-000000000098, "
        "dat niet in curriculum-basis/niveaus.json staat."
    ]


def test_a_subject_link_with_no_match_by_name_is_reported_and_left_out(tmp_path):
    files = factories.slo_files()
    group = dict(
        files["kerndoel_vakleergebieden"][0],
        title="Onbekend vak",
        vakleergebied_id=["00000000-0000-4000-8000-000000000097"],
    )
    write_slo_files(tmp_path, kerndoel_vakleergebieden=[group])

    report = slo_vocabularies_import(directory=tmp_path)

    assert report.problems[0].endswith("Deze kerndoelen krijgen daardoor geen vak.")
    assert not goals().get(identifier=factories.GOAL).subjects.exists()


def test_a_missing_folder_is_refused_with_its_name(tmp_path):
    with pytest.raises(SloDataError, match="De map .*/nergens bestaat niet."):
        slo_vocabularies_import(directory=tmp_path / "nergens")


def test_a_missing_file_is_refused_with_its_name(tmp_path):
    write_slo_files(tmp_path)
    (tmp_path / "curriculum-kerndoelen" / "domeinen.json").unlink()

    with pytest.raises(SloDataError, match="domeinen.json ontbreekt"):
        slo_vocabularies_import(directory=tmp_path)


def test_invalid_json_is_refused_with_the_file_name(tmp_path):
    write_slo_files(tmp_path)
    (tmp_path / "curriculum-basis" / "niveaus.json").write_text("[{", encoding="utf-8")

    with pytest.raises(SloDataError, match="niveaus.json is geen geldige JSON"):
        slo_vocabularies_import(directory=tmp_path)


def test_a_file_that_is_not_a_list_is_refused(tmp_path):
    write_slo_files(tmp_path)
    path = tmp_path / "curriculum-kerndoelen" / "kerndoelen.json"
    path.write_text(json.dumps({"kerndoelen": []}), encoding="utf-8")

    with pytest.raises(SloDataError, match="bevat geen lijst"):
        slo_vocabularies_import(directory=tmp_path)


def test_a_link_that_is_not_a_list_of_ids_is_refused(tmp_path):
    files = factories.slo_files()
    write_slo_files(tmp_path, kerndoelen=[dict(files["kerndoelen"][0], niveau_id=factories.PO)])

    with pytest.raises(SloDataError, match="niveau_id van .* is geen lijst van ids"):
        slo_vocabularies_import(directory=tmp_path)


def test_a_kerndoel_without_any_label_is_refused_and_nothing_is_stored(tmp_path):
    nameless = {"id": factories.GOAL, "prefix": "", "niveau_id": [factories.PO]}
    write_slo_files(tmp_path, kerndoelen=[nameless], domeinen=[], deprecated=[])

    with pytest.raises(SloDataError, match="ongeldig"):
        slo_vocabularies_import(directory=tmp_path)
    assert not Concept.objects.filter(identifier=factories.NEW_SUBJECT).exists()


def test_a_kerndoel_both_live_and_retired_stays_active_and_is_reported(tmp_path):
    files = factories.slo_files()
    also_retired = dict(files["deprecated"][0], id=factories.GOAL, replacedBy=[])
    write_slo_files(tmp_path, deprecated=[*files["deprecated"], also_retired])

    report = slo_vocabularies_import(directory=tmp_path)

    assert goals().get(identifier=factories.GOAL).active
    assert report.problems == [
        f"Kerndoel {factories.GOAL} staat in curriculum-kerndoelen/kerndoelen.json én in "
        "curriculum-kerndoelen/deprecated.json; het blijft actief."
    ]


def test_a_replaced_id_missing_from_deprecated_json_is_reported(tmp_path):
    write_slo_files(tmp_path, deprecated=[])

    report = slo_vocabularies_import(directory=tmp_path)

    assert report.problems == [
        f"Kerndoel PO Kerndoel 01 ({factories.GOAL}) vervangt {factories.RETIRED_GOAL}, maar dat "
        "kerndoel staat niet in curriculum-kerndoelen/deprecated.json."
    ]


def test_a_retired_kerndoel_named_only_in_replaces_still_gets_its_successor(tmp_path):
    files = factories.slo_files()
    write_slo_files(tmp_path, deprecated=[dict(files["deprecated"][0], replacedBy=[])])

    slo_vocabularies_import(directory=tmp_path)

    retired = goals().get(identifier=factories.RETIRED_GOAL)
    assert retired.replaced_by.identifier == factories.GOAL
    assert not retired.active
