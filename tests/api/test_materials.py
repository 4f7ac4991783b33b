from datetime import timedelta

from django.utils import timezone

import pytest

from metadata.models import Concept, ConceptScheme
from repository.models import Material, ReviewStatus
from repository.services.materials import material_withdraw
from tests.repository.factories import (
    make_published_remix,
    published_material,
    published_material_under,
)

pytestmark = pytest.mark.django_db

LIST = "/api/v1/materials/"


def ids(response) -> list[int]:
    return [entry["id"] for entry in response.json()["results"]]


def published_at(material: Material, moment) -> Material:
    """Set when the material was last published, so the order of a list is known."""
    Material.objects.filter(pk=material.pk).update(last_published_at=moment)
    material.refresh_from_db()
    return material


def test_the_list_shows_published_materials_most_recently_published_first(client, teacher):
    older = published_material(teacher, title="Breuken")
    newer = published_material(teacher, title="Procenten")
    published_at(older, timezone.now() - timedelta(days=2))

    assert ids(client.get(LIST)) == [newer.pk, older.pk]


def test_a_page_holds_at_most_the_limit_and_links_to_the_next(client, teacher):
    materials = [published_material(teacher, title=f"Les {n}") for n in range(3)]

    first = client.get(LIST, {"limit": 2}).json()
    second = client.get(first["next"]).json()

    assert len(first["results"]) == 2
    assert [m["id"] for m in first["results"] + second["results"]] == [
        m.pk for m in reversed(materials)
    ]
    assert second["next"] is None


def test_the_next_link_keeps_the_filters(client, teacher):
    for n in range(2):
        published_material(teacher, title=f"Les {n}")

    first = client.get(LIST, {"limit": 1, "licence": "cc-by-4.0"}).json()

    assert "licence=cc-by-4.0" in first["next"]


def test_a_material_published_while_paging_does_not_shift_the_next_page(client, teacher):
    materials = [published_material(teacher, title=f"Les {n}") for n in range(3)]
    first = client.get(LIST, {"limit": 2}).json()

    published_material(teacher, title="Nieuw tijdens het bladeren")
    second = client.get(first["next"]).json()

    assert [m["id"] for m in second["results"]] == [materials[0].pk]


def test_materials_published_at_the_same_moment_are_each_listed_once(client, teacher):
    moment = timezone.now()
    materials = [published_at(published_material(teacher, title=f"L{n}"), moment) for n in range(3)]

    seen, url = [], f"{LIST}?limit=1"
    while url:
        body = client.get(url).json()
        seen += [entry["id"] for entry in body["results"]]
        url = body["next"]

    assert sorted(seen) == sorted(m.pk for m in materials)


def test_the_default_page_size_is_twenty(client, teacher):
    material = published_material(teacher)
    for n in range(20):
        Material.objects.create(
            owner=teacher,
            title=f"Kopie {n}",
            live=True,
            first_published_at=material.first_published_at,
            last_published_at=material.last_published_at - timedelta(minutes=n + 1),
        )

    body = client.get(LIST).json()

    assert len(body["results"]) == 20
    assert body["next"] is not None


@pytest.mark.parametrize("limit", ["0", "101", "tien", "-5", "²"])
def test_a_limit_outside_one_to_a_hundred_is_refused_in_dutch(client, limit):
    response = client.get(LIST, {"limit": limit})

    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "invalid_limit",
        "message": "De limiet moet een geheel getal van 1 tot en met 100 zijn.",
    }


@pytest.mark.parametrize(
    "cursor",
    [
        "nonsens",
        "eyJ0IjoxfQ",
        "e30",
        "%%%",
        # A well-formed cursor whose id no database column could hold.
        "eyJ0IjoiMjAyNS0wMS0wMVQwMDowMDowMCswMDowMCIsImlkIjoxMDAwMDAwMDAwMDAwMDAwMDAwMDAwfQ",
    ],
)
def test_a_cursor_that_is_not_ours_is_refused_with_a_json_error(client, cursor):
    response = client.get(LIST, {"cursor": cursor})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"
    assert "cursor is ongeldig" in response.json()["error"]["message"]


def test_filters_by_level_identifier(client, teacher):
    material = published_material(teacher)
    groep_6 = material.levels.get()
    other = published_material(teacher, title="Zonder niveau")
    Material.levels.through.objects.filter(material=other).delete()

    assert ids(client.get(LIST, {"level": groep_6.identifier})) == [material.pk]


def test_filters_by_subject_uri(client, teacher):
    material = published_material(teacher)
    subject = material.subjects.get()
    other = published_material(teacher, title="Zonder vak")
    Material.subjects.through.objects.filter(material=other).delete()

    assert ids(client.get(LIST, {"subject": subject.uri})) == [material.pk]


def test_several_values_of_one_filter_match_any_of_them(client, teacher):
    material = published_material(teacher)
    groep_6 = material.levels.get()
    groep_8 = Concept.objects.get(scheme__slug="levels", notation="groep 8")

    response = client.get(LIST, {"level": [groep_8.identifier, groep_6.uri]})

    assert ids(response) == [material.pk]


def test_filters_by_curriculum_goal(client, teacher):
    material = published_material(teacher)
    goal = Concept.objects.create(
        scheme=ConceptScheme.objects.get(slug="curriculum-goals"),
        identifier="test-kerndoel-1",
        uri="https://example.org/kerndoel/1",
        label_nl="Kerndoel voor de test",
    )
    Material.curriculum_goals.through.objects.create(material=material, concept=goal)
    published_material(teacher, title="Zonder kerndoel")

    assert ids(client.get(LIST, {"curriculum_goal": goal.identifier})) == [material.pk]


def test_a_vocabulary_value_of_another_list_is_refused(client, teacher):
    material = published_material(teacher)
    subject = material.subjects.get()

    response = client.get(LIST, {"level": subject.identifier})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_filter"
    assert "level" in response.json()["error"]["message"]


def test_filters_by_licence_code_or_uri(client, teacher):
    by_sa = published_material_under("cc-by-sa-4.0", teacher, title="Gedeeld")
    published_material_under("cc-by-4.0", teacher, title="Naamsvermelding")

    by_code = client.get(LIST, {"licence": "cc-by-sa-4.0"})
    by_uri = client.get(LIST, {"licence": "https://creativecommons.org/licenses/by-sa/4.0/"})

    assert ids(by_code) == ids(by_uri) == [by_sa.pk]


def test_an_unknown_licence_is_refused(client):
    response = client.get(LIST, {"licence": "alle-rechten-voorbehouden"})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_filter"


def test_filters_by_language(client, teacher):
    dutch = published_material(teacher)
    english = published_material(teacher, title="Fractions")
    Material.objects.filter(pk=english.pk).update(language="en")

    assert ids(client.get(LIST, {"language": "nl"})) == [dutch.pk]


def test_filters_by_review_status(client, teacher):
    reviewed = published_material(teacher)
    Material.objects.filter(pk=reviewed.pk).update(review_status=ReviewStatus.REVIEWED)
    published_material(teacher, title="Niet beoordeeld")

    assert ids(client.get(LIST, {"review_status": "reviewed"})) == [reviewed.pk]


def test_an_unknown_review_status_is_refused(client):
    response = client.get(LIST, {"review_status": "goedgekeurd"})

    assert response.status_code == 400


def test_updated_since_leaves_out_earlier_publications(client, teacher):
    old = published_material(teacher, title="Oud")
    new = published_material(teacher, title="Nieuw")
    published_at(old, timezone.now() - timedelta(days=10))
    since = (timezone.now() - timedelta(days=1)).isoformat()

    assert ids(client.get(LIST, {"updated_since": since})) == [new.pk]


@pytest.mark.parametrize("since", ["gisteren", "2025-13-45T00:00:00Z", "0001-01-01T00:00:00+05:00"])
def test_an_updated_since_that_is_no_moment_is_refused_in_dutch(client, since):
    response = client.get(LIST, {"updated_since": since})

    assert response.status_code == 400
    assert "updated_since" in response.json()["error"]["message"]


def test_q_finds_materials_through_the_site_search(client, teacher):
    decimals = published_material(teacher, title="Kommagetallen vergelijken")
    published_material(teacher, title="Procenten berekenen")

    assert ids(client.get(LIST, {"q": "kommagetallen"})) == [decimals.pk]


def test_q_combines_with_filters_and_paging(client, teacher):
    first = published_material_under("cc-by-4.0", teacher, title="Kommagetallen één")
    second = published_material_under("cc-by-4.0", teacher, title="Kommagetallen twee")
    published_material_under("cc-by-sa-4.0", teacher, title="Kommagetallen drie")
    published_material_under("cc-by-4.0", teacher, title="Procenten")

    page = client.get(LIST, {"q": "kommagetallen", "licence": "cc-by-4.0", "limit": 1}).json()
    rest = client.get(page["next"]).json()

    assert [e["id"] for e in page["results"] + rest["results"]] == [second.pk, first.pk]


def test_a_query_of_only_punctuation_finds_nothing_rather_than_failing(client, teacher):
    published_material(teacher)

    response = client.get(LIST, {"q": '"*('})

    assert response.status_code == 200
    assert response.json()["results"] == []


def test_the_number_of_queries_does_not_grow_with_the_page_size(
    client, teacher, django_assert_num_queries
):
    published_material(teacher, title="Eerste")
    with django_assert_num_queries(5) as one:
        client.get(LIST, {"limit": 1})
    for n in range(4):
        remix = make_published_remix([published_material(teacher, title=f"B{n}")], teacher, f"R{n}")
        remix.co_authors.add(teacher)

    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(LIST, {"limit": 9})

    assert len(response.json()["results"]) == 9


def test_detail_lists_versions_with_their_files_and_urls(client, teacher):
    material = published_material(teacher)
    version = material.versions.get()
    row = version.files.get()

    body = client.get(f"/api/v1/materials/{material.pk}/").json()

    assert body["versions"][0]["number"] == 1
    assert body["versions"][0]["files"] == [
        {
            "name": "breuken.pdf",
            "role": "main",
            "size": row.stored_file.size,
            "mime_type": "application/pdf",
            "sha256": row.stored_file.sha256,
            "removed": False,
            "download_url": f"http://testserver/leermiddelen/{material.pk}/v1/bestanden/{row.pk}/",
        }
    ]
    assert body["zip_url"] == f"http://testserver/leermiddelen/{material.pk}/v1/download.zip"
    assert body["page_url"] == body["jsonld_id"] == f"http://testserver/leermiddelen/{material.pk}/"


def test_detail_carries_licence_uri_and_vocabulary_ids_with_labels(client, teacher):
    material = published_material(teacher)
    level = material.levels.get()

    body = client.get(f"/api/v1/materials/{material.pk}/").json()

    assert body["licence"]["uri"] == "https://creativecommons.org/licenses/by/4.0/"
    assert body["levels"] == [
        {
            "identifier": level.identifier,
            "uri": level.uri,
            "notation": "groep 6",
            "label": {"nl": level.label_nl, "en": level.label_en or level.label_nl},
        }
    ]
    assert body["review"]["code"] == "not_reviewed"


def test_detail_names_the_remix_sources_with_their_attribution(client, teacher):
    source = published_material(teacher, title="Breuken vergelijken")
    remix = make_published_remix([source], teacher, "Breuken in de keuken")

    body = client.get(f"/api/v1/materials/{remix.pk}/").json()

    assert body["based_on"] == [
        {
            "title": "Breuken vergelijken",
            "authors": teacher.name,
            "url": f"http://testserver/leermiddelen/{source.pk}/",
            "version": 1,
            "licence": body["licence"],
        }
    ]


def test_labels_and_links_do_not_depend_on_the_asked_language(client, teacher):
    material = published_material(teacher)

    dutch = client.get(f"/api/v1/materials/{material.pk}/", HTTP_ACCEPT_LANGUAGE="nl")
    english = client.get(f"/api/v1/materials/{material.pk}/", HTTP_ACCEPT_LANGUAGE="en")

    assert dutch.content == english.content


def test_withdrawing_a_material_takes_it_off_the_cached_list(
    client, teacher, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    material = published_material(teacher)
    assert ids(client.get(LIST)) == [material.pk]
    assert client.get(LIST)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        material_withdraw(material=material, user=teacher)

    assert ids(client.get(LIST)) == []
