from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlencode

from django.core import signing

import pytest

from metadata.models import OaiRecord
from metadata.oai.protocol import oai_response
from metadata.services import vocabularies_load_builtin
from repository.models import Material
from repository.services.materials import material_publish, material_withdraw
from tests.accounts.factories import TeacherFactory, UserFactory
from tests.metadata.oai_helpers import (
    GROEP_6,
    HAVO_5,
    NS,
    concepts,
    errors,
    material_with,
    request_attributes,
    valid_oai,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher():
    vocabularies_load_builtin()
    return TeacherFactory()


@pytest.fixture
def small_pages(settings):
    settings.NLKA_OAI_PAGE_SIZE = 3


def oai(client, **arguments):
    response = client.get("/oai", arguments)
    assert response.status_code == 200
    return valid_oai(response.content)


def identifiers(document) -> list[str]:
    return document.xpath("//oai:header/oai:identifier/text()", namespaces=NS)


def token_of(document):
    return document.find(f"oai:{document[2].tag.split('}')[1]}/oai:resumptionToken", NS)


def harvest(client, verb: str = "ListIdentifiers", between_pages=None, **arguments):
    """Follow resumption tokens to the end; return the pages, calling between_pages after each."""
    pages = [oai(client, verb=verb, **arguments)]
    while (token := token_of(pages[-1])) is not None and token.text:
        if between_pages is not None:
            between_pages(len(pages))
        pages.append(oai(client, verb=verb, resumptionToken=token.text))
    return pages


def test_a_long_list_comes_in_pages_with_a_resumption_token(client, teacher, small_pages):
    for number in range(7):
        material_with(teacher, title=f"Les {number}")

    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert len(identifiers(document)) == 3
    token = token_of(document)
    assert token.text
    assert token.get("completeListSize") == "7"
    assert token.get("cursor") == "0"


def test_following_the_tokens_gives_every_material_once_and_ends_with_an_empty_token(
    client, teacher, small_pages
):
    materials = [material_with(teacher, title=f"Les {number}") for number in range(7)]

    pages = harvest(client, metadataPrefix="oai_dc")

    assert [len(identifiers(page)) for page in pages] == [3, 3, 1]
    harvested = [identifier for page in pages for identifier in identifiers(page)]
    assert harvested == [f"oai:testserver:material:{material.pk}" for material in materials]
    last = token_of(pages[-1])
    assert last.text is None
    assert (last.get("completeListSize"), last.get("cursor")) == ("7", "6")


def test_the_cursor_counts_the_records_sent_before_each_page(client, teacher, small_pages):
    for number in range(7):
        material_with(teacher, title=f"Les {number}")

    pages = harvest(client, verb="ListRecords", metadataPrefix="lom")

    assert [token_of(page).get("cursor") for page in pages] == ["0", "3", "6"]


def test_a_list_that_fits_one_page_has_no_resumption_token(client, teacher, small_pages):
    for number in range(3):
        material_with(teacher, title=f"Les {number}")

    document = oai(client, verb="ListRecords", metadataPrefix="oai_dc")

    assert token_of(document) is None


def test_a_resumed_request_echoes_only_the_verb_and_the_token(client, teacher, small_pages):
    for number in range(4):
        material_with(teacher, title=f"Les {number}")
    token = token_of(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")).text

    document = oai(client, verb="ListIdentifiers", resumptionToken=token)

    assert request_attributes(document) == {"verb": "ListIdentifiers", "resumptionToken": token}


def test_the_token_keeps_the_set_and_format_of_the_first_request(client, teacher, small_pages):
    primary = [
        material_with(teacher, title=f"Po {n}", levels=concepts("levels", GROEP_6))
        for n in range(4)
    ]
    material_with(teacher, title="Havo", levels=concepts("levels", HAVO_5))

    pages = harvest(client, verb="ListRecords", metadataPrefix="lom", set="sector:po")

    harvested = [identifier for page in pages for identifier in identifiers(page)]
    assert harvested == [f"oai:testserver:material:{material.pk}" for material in primary]
    assert len(pages[1].xpath("//oai:metadata/lom:lom", namespaces=NS)) == 1


def test_the_token_keeps_the_date_range_of_the_first_request(client, teacher, small_pages):
    materials = [material_with(teacher, title=f"Les {n}") for n in range(6)]
    for number, material in enumerate(materials):
        day = datetime(2024, 5, 1 + number % 2, 9, tzinfo=UTC)
        Material.objects.filter(pk=material.pk).update(last_published_at=day)

    pages = harvest(client, metadataPrefix="oai_dc", until="2024-05-01")

    harvested = [identifier for page in pages for identifier in identifiers(page)]
    assert harvested == [f"oai:testserver:material:{m.pk}" for m in materials[::2]]


def test_the_page_size_can_be_passed_to_the_protocol_function(teacher):
    for number in range(3):
        material_with(teacher, title=f"Les {number}")

    document = valid_oai(
        oai_response({"verb": ["ListIdentifiers"], "metadataPrefix": ["oai_dc"]}, page_size=2)
    )

    assert len(identifiers(document)) == 2
    assert token_of(document).get("completeListSize") == "3"


def test_the_token_expires_a_day_after_it_was_issued(client, teacher, small_pages):
    for number in range(4):
        material_with(teacher, title=f"Les {number}")

    token = token_of(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc"))

    expires = datetime.strptime(token.get("expirationDate"), "%Y-%m-%dT%H:%M:%SZ")
    expected = datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=24)
    assert abs(expires - expected) < timedelta(minutes=1)


def test_an_expired_token_is_a_bad_resumption_token(client, teacher, small_pages, monkeypatch):
    for number in range(4):
        material_with(teacher, title=f"Les {number}")
    token = token_of(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")).text
    later = datetime.now(UTC).timestamp() + 25 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: later)

    document = oai(client, verb="ListIdentifiers", resumptionToken=token)

    assert errors(document) == ["badResumptionToken"]


def test_a_tampered_token_is_a_bad_resumption_token(client, teacher, small_pages):
    for number in range(4):
        material_with(teacher, title=f"Les {number}")
    token = token_of(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")).text
    payload = signing.loads(token, salt="metadata.oai.resumption-token")
    forged = signing.dumps({**payload, "after_pk": 0}, salt="someone-else", compress=True)

    document = oai(client, verb="ListIdentifiers", resumptionToken=forged)

    assert errors(document) == ["badResumptionToken"]


def test_a_list_identifiers_token_is_refused_by_list_records(client, teacher, small_pages):
    for number in range(4):
        material_with(teacher, title=f"Les {number}")
    token = token_of(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")).text

    document = oai(client, verb="ListRecords", resumptionToken=token)

    assert errors(document) == ["badResumptionToken"]


def test_changes_during_a_harvest_neither_repeat_nor_skip_materials_published_throughout(
    client, teacher, small_pages
):
    materials = [material_with(teacher, title=f"Les {number}") for number in range(10)]
    added: list[Material] = []

    def change(pages_done: int) -> None:
        if pages_done == 1:
            # One already harvested and one still to come are withdrawn; one is republished.
            material_withdraw(material=materials[1], user=teacher)
            material_withdraw(material=materials[7], user=teacher)
            material_publish(material=materials[5], user=teacher)
            added.append(material_with(teacher, title="Nieuw"))
        if pages_done == 2:
            material_publish(material=materials[0], user=teacher)
            added.append(material_with(teacher, title="Nog nieuwer"))

    pages = harvest(client, between_pages=change, metadataPrefix="oai_dc")

    harvested = [identifier for page in pages for identifier in identifiers(page)]
    assert len(harvested) == len(set(harvested))
    published_throughout = [m for m in materials if m not in (materials[1], materials[7])]
    for material in published_throughout:
        assert f"oai:testserver:material:{material.pk}" in harvested
    deleted = [
        identifier
        for page in pages
        for identifier in page.xpath(
            "//oai:header[@status='deleted']/oai:identifier/text()", namespaces=NS
        )
    ]
    assert deleted == [f"oai:testserver:material:{materials[7].pk}"]


@pytest.mark.parametrize("count", [5, 30])
def test_a_page_of_records_costs_the_same_queries_however_many_materials_there_are(
    teacher, count, django_assert_max_num_queries
):
    co_author = UserFactory()
    for number in range(count):
        material = material_with(
            teacher,
            title=f"Les {number}",
            levels=concepts("levels", GROEP_6, HAVO_5),
            co_authors=[co_author],
            keywords=["breuken", f"les-{number}"],
            resource_types=concepts("resource-types", "open-opdracht"),
            end_user_roles=concepts("end-user-roles", "learner"),
        )
        if number % 4 == 3:
            material_withdraw(material=material, user=teacher)
    query = {"verb": ["ListRecords"], "metadataPrefix": ["lom"]}
    OaiRecord.objects.all().delete()

    # Records not yet stored: one query per relation they carry, remix sources included, plus
    # reading and storing the records; none per record.
    with django_assert_max_num_queries(20):
        first = oai_response(query, page_size=10)
    token = token_of(valid_oai(first)).text if count > 10 else None
    if token is not None:
        with django_assert_max_num_queries(20):
            valid_oai(
                oai_response({"verb": ["ListRecords"], "resumptionToken": [token]}, page_size=10)
            )
    # Stored records: the page, its levels for the set specs and the records themselves.
    with django_assert_max_num_queries(5):
        again = oai_response(query, page_size=10)
    assert identifiers(valid_oai(again)) == identifiers(valid_oai(first))


def test_query_strings_of_tokens_survive_url_encoding(client, teacher, small_pages):
    for number in range(4):
        material_with(teacher, title=f"Les {number}")
    token = token_of(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")).text

    query = urlencode({"verb": "ListIdentifiers", "resumptionToken": token})

    assert parse_qs(query)["resumptionToken"] == [token]
    assert identifiers(valid_oai(client.get(f"/oai?{query}").content))
