import json

from django.utils import translation

import pytest

from metadata.models import Concept, ConceptScheme
from metadata.services import Change, concept_upsert, vocabularies_load_builtin

pytestmark = pytest.mark.django_db


def notations(scheme):
    return set(Concept.objects.in_scheme(scheme).values_list("notation", flat=True))


def level(notation):
    return Concept.objects.get(scheme__slug="levels", notation=notation)


def test_builtin_vocabularies_carry_slo_identifiers_and_uris():
    vocabularies_load_builtin()

    havo = Concept.objects.get(scheme__slug="levels", notation="havo")
    assert havo.identifier == "a3ddbe60-8478-4204-b769-6f5e9f4cbca2"
    assert havo.uri == "http://purl.edustandaard.nl/concept/a3ddbe60-8478-4204-b769-6f5e9f4cbca2"
    assert havo.parent.notation == "vo"


def test_loading_builtin_vocabularies_twice_changes_nothing():
    first = vocabularies_load_builtin()
    before = (
        list(ConceptScheme.objects.order_by("pk").values()),
        list(Concept.objects.order_by("pk").values()),
    )

    second = vocabularies_load_builtin()

    assert first == second == Concept.objects.count()
    assert (
        list(ConceptScheme.objects.order_by("pk").values()),
        list(Concept.objects.order_by("pk").values()),
    ) == before


def test_builtin_data_holds_every_vocabulary_the_site_needs():
    vocabularies_load_builtin()

    assert set(ConceptScheme.objects.values_list("slug", flat=True)) == {
        "levels",
        "subjects",
        "curriculum-goals",
        "resource-types",
        "end-user-roles",
        "sectors",
        "themes",
        "accessibility-features",
        "accessibility-hazards",
        "languages",
    }


def test_builtin_levels_cover_po_so_vso_vo_and_pro_with_their_years():
    vocabularies_load_builtin()

    assert notations("levels") == {
        "po",
        *(f"groep {n}" for n in range(1, 9)),
        "sbao",
        "so",
        "vso",
        "vo",
        "vmbo",
        *(f"vmbo-{track} {year}" for track in ("bb", "kb", "gl", "tl") for year in range(1, 5)),
        "havo",
        *(f"havo {year}" for year in range(1, 6)),
        "vwo",
        *(f"vwo {year}" for year in range(1, 7)),
        "pro",
    }


def test_vmbo_years_carry_the_obk_ids_edurep_uses_not_slos():
    vocabularies_load_builtin()

    assert level("vmbo-bb 1").identifier == "50746437-08f3-4559-8af3-3fa6e05d1a44"
    assert level("vmbo-gl 2").identifier == "05d90293-e675-44f4-bcd7-1f67161f6734"
    assert level("vmbo-kb 1").identifier == "12e85a55-b3ae-4e7f-a2a0-d645f4c573bf"


def test_levels_record_where_their_identifier_comes_from():
    vocabularies_load_builtin()

    assert level("sbao").identifier == "e05b5eb1-6a65-4f45-9556-79b25cd91da8"
    assert level("sbao").source == "obk"
    assert level("vso").source == "slo"
    assert level("vso").uri == (
        "https://opendata.slo.nl/curriculum/uuid/dbbc3e87-a848-4425-912a-d494e43e5e59"
    )


def test_vmbo_years_sit_under_vmbo_under_vo():
    vocabularies_load_builtin()

    assert level("vmbo-tl 4").parent == level("vmbo")
    assert level("vmbo").parent == level("vo")


def test_resource_types_use_the_nl_lom_values():
    vocabularies_load_builtin()

    assert notations("resource-types") == {
        "informatiebron",
        "open opdracht",
        "gesloten opdracht",
        "evaluatie- en toetsmateriaal",
        "verkennings- en onderzoeksmateriaal",
        "handleiding",
        "gereedschap",
        "professionaliseringsmateriaal",
    }
    assert ConceptScheme.objects.get(slug="resource-types").uri == (
        "http://purl.edustandaard.nl/vdex_learningresourcetype_czp_20060628.xml"
    )


def test_end_user_roles_are_the_lom_roles():
    vocabularies_load_builtin()

    assert notations("end-user-roles") == {"teacher", "learner", "author", "manager"}


def test_languages_use_language_tags_with_library_of_congress_uris():
    vocabularies_load_builtin()

    frisian = Concept.objects.get(scheme__slug="languages", identifier="fy")
    papiamento = Concept.objects.get(scheme__slug="languages", identifier="pap")
    assert frisian.uri == "http://id.loc.gov/vocabulary/iso639-1/fy"
    assert papiamento.uri == "http://id.loc.gov/vocabulary/iso639-2/pap"


def test_a_retired_accessibility_feature_points_to_its_successor():
    vocabularies_load_builtin()

    retired = Concept.objects.get(
        scheme__slug="accessibility-features", identifier="printPageNumbers"
    )
    assert not retired.active
    assert retired.replaced_by.identifier == "pageBreakMarkers"


def test_both_accessibility_lists_may_hold_the_value_none():
    vocabularies_load_builtin()

    assert Concept.objects.filter(identifier="none").count() == 2


def test_reloading_keeps_an_editors_deactivation():
    vocabularies_load_builtin()
    Concept.objects.filter(scheme__slug="themes", identifier="inclusie").update(active=False)

    vocabularies_load_builtin()

    assert not Concept.objects.get(scheme__slug="themes", identifier="inclusie").active


def test_reloading_restores_a_changed_builtin_label():
    vocabularies_load_builtin()
    Concept.objects.filter(scheme__slug="themes", identifier="inclusie").update(label_nl="x")

    vocabularies_load_builtin()

    assert Concept.objects.get(scheme__slug="themes", identifier="inclusie").label_nl == "Inclusie"


def test_a_parent_listed_after_its_child_is_refused(tmp_path):
    path = tmp_path / "vocabularies.json"
    scheme = {"slug": "x", "uri": "urn:x", "concept_uri": "urn:x:{identifier}"}
    child = {"identifier": "b", "label_nl": "B", "label_en": "B", "parent": "a"}
    parent = {"identifier": "a", "label_nl": "A", "label_en": "A"}
    scheme |= {"label_nl": "X", "label_en": "X", "concepts": [child, parent]}
    path.write_text(json.dumps({"schemes": [scheme]}), encoding="utf-8")

    with pytest.raises(ValueError, match="parent a must come earlier"):
        vocabularies_load_builtin(path=path)


def test_concept_upsert_writes_nothing_when_nothing_differs():
    vocabularies_load_builtin()
    havo = level("havo")

    _concept, change = concept_upsert(
        scheme=havo.scheme,
        identifier=havo.identifier,
        values={"label_nl": havo.label_nl, "parent": havo.parent},
    )

    assert change is Change.UNCHANGED


def test_concept_upsert_reports_a_changed_relation_as_an_update():
    vocabularies_load_builtin()
    theme = Concept.objects.get(scheme__slug="themes", identifier="inclusie")

    _concept, change = concept_upsert(
        scheme=theme.scheme,
        identifier=theme.identifier,
        values={},
        relations={"levels": [level("po")]},
    )

    assert change is Change.UPDATED
    assert list(theme.levels.all()) == [level("po")]


def test_concept_label_follows_the_active_language():
    vocabularies_load_builtin()
    biology = Concept.objects.get(scheme__slug="subjects", notation="bio")

    with translation.override("en"):
        assert str(biology) == "Biology"
    with translation.override("nl"):
        assert str(biology) == "Biologie"
