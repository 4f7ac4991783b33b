from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from metadata.models import Concept
from tests.metadata.factories import write_slo_files

pytestmark = pytest.mark.django_db


def import_slo(directory) -> str:
    out = StringIO()
    call_command("import_slo_vocabularies", str(directory), stdout=out)
    return out.getvalue()


def test_command_reports_what_it_imported(tmp_path):
    output = import_slo(write_slo_files(tmp_path))

    assert (
        "SLO-gegevens geïmporteerd: 2 vakleergebieden, 1 kerndoelen en 1 vervangen kerndoelen."
        in output
    )


def test_command_reports_the_broken_fries_reference_without_failing(slo_directory):
    output = import_slo(slo_directory)

    assert "Let op: ‘Fries’ in curriculum-kerndoelen/vakleergebieden.json verwijst" in output
    assert Concept.objects.in_scheme("curriculum-goals").active().count() == 405


def test_command_run_twice_reports_no_changes(tmp_path):
    import_slo(write_slo_files(tmp_path))

    output = import_slo(tmp_path)

    assert "Nieuw: 0, gewijzigd: 0, ongewijzigd: 4." in output


def test_command_refuses_a_missing_folder_with_a_clear_message(tmp_path):
    with pytest.raises(CommandError, match="De map .*/ontbreekt bestaat niet."):
        import_slo(tmp_path / "ontbreekt")


def test_command_refuses_invalid_json_naming_the_file(tmp_path):
    write_slo_files(tmp_path)
    (tmp_path / "curriculum-kerndoelen" / "kerndoelen.json").write_text("niet json")

    with pytest.raises(CommandError, match="kerndoelen.json is geen geldige JSON"):
        import_slo(tmp_path)

    assert not Concept.objects.in_scheme("curriculum-goals").exists()
