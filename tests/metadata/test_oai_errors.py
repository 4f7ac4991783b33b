import pytest

from metadata.services import vocabularies_load_builtin
from repository.services.materials import material_withdraw
from tests.accounts.factories import TeacherFactory
from tests.metadata.oai_helpers import errors, material_with, request_attributes, valid_oai

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher():
    vocabularies_load_builtin()
    return TeacherFactory()


def oai(client, query: dict):
    response = client.get("/oai", query)
    # OAI-PMH errors are answers, not HTTP failures.
    assert response.status_code == 200
    return valid_oai(response.content)


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"verb": "Harvest"},
        {"verb": ["Identify", "Identify"]},
        {"verb": "identify"},
    ],
    ids=["missing", "unknown", "repeated", "wrong-case"],
)
def test_a_missing_unknown_or_repeated_verb_is_bad_verb_without_echo(client, query):
    document = oai(client, query)

    assert errors(document) == ["badVerb"]
    assert request_attributes(document) == {}


@pytest.mark.parametrize(
    "query",
    [
        {"verb": "Identify", "metadataPrefix": "oai_dc"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "colour": "blue"},
        {"verb": "ListRecords", "metadataPrefix": ["oai_dc", "lom"]},
        {"verb": "ListRecords"},
        {"verb": "ListIdentifiers", "set": "sector:po"},
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},
        {"verb": "GetRecord", "identifier": "oai:testserver:material:1"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "abc"},
        {"verb": "ListSets", "resumptionToken": "abc", "set": "sector"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "01-05-2024"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-02-30"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "2024-05-01T12:00:00"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "2024-05-01T12:00:00.5Z"},
        {
            "verb": "ListRecords",
            "metadataPrefix": "oai_dc",
            "from": "2024-05-01",
            "until": "2024-05-02T00:00:00Z",
        },
        {
            "verb": "ListRecords",
            "metadataPrefix": "oai_dc",
            "from": "2024-05-02",
            "until": "2024-05-01",
        },
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "sector po"},
        {"verb": "ListRecords", "metadataPrefix": "oai dc"},
        {"verb": "GetRecord", "identifier": "oai:x:\x01", "metadataPrefix": "oai_dc"},
    ],
    ids=[
        "identify-with-argument",
        "illegal-argument",
        "repeated-argument",
        "missing-metadata-prefix",
        "missing-metadata-prefix-with-set",
        "get-record-without-identifier",
        "get-record-without-prefix",
        "token-with-other-arguments",
        "list-sets-token-with-set",
        "malformed-date",
        "impossible-date",
        "datetime-without-z",
        "fractional-seconds",
        "mixed-granularities",
        "from-after-until",
        "malformed-set-spec",
        "malformed-metadata-prefix",
        "control-character",
    ],
)
def test_illegal_repeated_missing_or_malformed_arguments_are_bad_argument_without_echo(
    client, query
):
    document = oai(client, query)

    assert errors(document) == ["badArgument"]
    assert request_attributes(document) == {}


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers", "ListSets"])
def test_a_forged_resumption_token_is_bad_resumption_token_and_is_echoed(client, verb):
    document = oai(client, {"verb": verb, "resumptionToken": "not-a-token"})

    assert errors(document) == ["badResumptionToken"]
    assert request_attributes(document) == {"verb": verb, "resumptionToken": "not-a-token"}


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers"])
def test_an_unknown_metadata_prefix_cannot_be_disseminated_even_from_an_empty_list(client, verb):
    document = oai(client, {"verb": verb, "metadataPrefix": "marc21"})

    assert errors(document) == ["cannotDisseminateFormat"]
    assert request_attributes(document) == {"verb": verb, "metadataPrefix": "marc21"}


def test_get_record_in_an_unknown_format_cannot_be_disseminated(client, teacher):
    material = material_with(teacher)
    identifier = f"oai:testserver:material:{material.pk}"

    document = oai(
        client, {"verb": "GetRecord", "identifier": identifier, "metadataPrefix": "mods"}
    )

    assert errors(document) == ["cannotDisseminateFormat"]


@pytest.mark.parametrize(
    "identifier",
    [
        "oai:testserver:material:999999",
        "oai:elders.example:material:1",
        "oai:testserver:material:01",
        "https://example.org/leermiddelen/1",
        "",
    ],
    ids=["unknown-pk", "other-host", "leading-zero", "not-ours", "empty"],
)
def test_get_record_of_an_unknown_identifier_is_id_does_not_exist(client, teacher, identifier):
    material_with(teacher)

    document = oai(
        client, {"verb": "GetRecord", "identifier": identifier, "metadataPrefix": "oai_dc"}
    )

    assert errors(document) == ["idDoesNotExist"]
    assert request_attributes(document)["identifier"] == identifier


def test_list_metadata_formats_of_an_unknown_identifier_is_id_does_not_exist(client):
    document = oai(
        client, {"verb": "ListMetadataFormats", "identifier": "oai:testserver:material:7"}
    )

    assert errors(document) == ["idDoesNotExist"]


def test_list_metadata_formats_of_a_withdrawn_material_has_no_metadata_formats(client, teacher):
    material = material_with(teacher)
    material_withdraw(material=material, user=teacher, reason="Verouderd")

    document = oai(
        client,
        {"verb": "ListMetadataFormats", "identifier": f"oai:testserver:material:{material.pk}"},
    )

    assert errors(document) == ["noMetadataFormats"]


def test_an_empty_repository_has_no_records_to_list(client):
    document = oai(client, {"verb": "ListRecords", "metadataPrefix": "lom"})

    assert errors(document) == ["noRecordsMatch"]
    assert request_attributes(document) == {"verb": "ListRecords", "metadataPrefix": "lom"}


def test_a_date_range_after_every_datestamp_matches_no_records(client, teacher):
    material_with(teacher)

    document = oai(
        client, {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2999-01-01"}
    )

    assert errors(document) == ["noRecordsMatch"]


@pytest.mark.parametrize("set_spec", ["sector:mbo", "level:unknown", "vak", "level:a:b"])
def test_a_set_that_does_not_exist_matches_no_records(client, teacher, set_spec):
    material_with(teacher)

    document = oai(client, {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": set_spec})

    assert errors(document) == ["noRecordsMatch"]
