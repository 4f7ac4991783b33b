"""The "Mijn leermiddelen" dashboard, and withdrawing a material from it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from repository.services.materials import (
    material_add_file,
    material_save_draft,
    material_submit_for_review,
    material_withdraw,
)
from tests.accounts.factories import ReviewerFactory, TeacherFactory
from tests.repository.factories import (
    complete_metadata,
    draft_material,
    published_material,
    upload,
)

pytestmark = pytest.mark.django_db

DASHBOARD_URL = reverse("repository:my_materials")


def withdraw_url(material) -> str:
    return reverse("repository:material_withdraw", args=[material.pk])


def submitted_material(owner, title="In beoordeling"):
    material = draft_material(owner, title=title)
    material_save_draft(material=material, user=owner, data=complete_metadata())
    material_submit_for_review(material=material, user=owner)
    return material


def request_changes(material, reviewer) -> None:
    task_state = material.current_workflow_state.current_task_state.specific
    # The task's own actions are closed (the rubric decides); the state change is what matters here.
    task_state.reject(user=reviewer)


def titles(response, section: str) -> list[str]:
    sections = {s["slug"]: s["entries"] for s in response.context["sections"]}
    return [entry.material.title for entry in sections[section]]


def test_dashboard_needs_a_log_in(client):
    response = client.get(DASHBOARD_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_materials_are_sorted_into_sections_by_state(client):
    teacher = TeacherFactory()
    draft_material(teacher, title="Concept")
    submitted_material(teacher, title="In beoordeling")
    changes = submitted_material(teacher, title="Wijzigingen gevraagd")
    request_changes(changes, ReviewerFactory())
    published_material(teacher, title="Gepubliceerd")
    withdrawn = draft_material(teacher, title="Ingetrokken")
    material_withdraw(material=withdrawn, user=teacher, reason="Verouderd")
    client.force_login(teacher)

    response = client.get(DASHBOARD_URL)

    assert titles(response, "concepten") == ["Concept"]
    assert titles(response, "in-beoordeling") == ["In beoordeling"]
    assert titles(response, "wijzigingen-gevraagd") == ["Wijzigingen gevraagd"]
    assert titles(response, "gepubliceerd") == ["Gepubliceerd"]
    assert titles(response, "ingetrokken") == ["Ingetrokken"]
    html = response.content.decode()
    assert "Beoordeling tegen het kwaliteitskader" in html
    assert "Verouderd" in html


def test_published_material_shows_its_version_and_unpublished_changes(client):
    teacher = TeacherFactory()
    material = published_material(teacher, title="Breuken")
    material_add_file(
        material=material, user=teacher, upload=upload("extra.pdf"), original_name="extra.pdf"
    )
    client.force_login(teacher)

    response = client.get(DASHBOARD_URL)

    html = response.content.decode()
    assert "versie 1 is gepubliceerd" in html
    assert "met wijzigingen die nog niet gepubliceerd zijn" in html
    assert reverse("repository:material_edit", args=[material.pk]) + "#nieuwe-versie" in html


def test_each_material_offers_edit_and_withdraw(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    html = client.get(DASHBOARD_URL).content.decode()

    assert reverse("repository:material_edit", args=[material.pk]) in html
    assert withdraw_url(material) in html


def test_co_authored_materials_are_listed_with_their_owner(client):
    owner = TeacherFactory(display_name="Juf Anna")
    co_author = TeacherFactory()
    material = draft_material(owner, title="Samen")
    material_save_draft(material=material, user=owner, data={"co_authors": [co_author]})
    client.force_login(co_author)

    response = client.get(DASHBOARD_URL)

    assert titles(response, "concepten") == ["Samen"]
    assert "Juf Anna; jij bent mede-auteur" in response.content.decode()


def test_other_teachers_materials_are_not_listed(client):
    draft_material(TeacherFactory(), title="Van een ander")
    published_material(TeacherFactory(), title="Ook van een ander")
    client.force_login(TeacherFactory())

    response = client.get(DASHBOARD_URL)

    assert response.context["total"] == 0
    assert "Van een ander" not in response.content.decode()


def test_dashboard_needs_the_same_queries_however_many_materials(
    client, django_assert_max_num_queries
):
    teacher = TeacherFactory()
    draft_material(teacher, title="Eerste")
    client.force_login(teacher)
    client.get(DASHBOARD_URL)  # warm caches (content types, site) so they do not hide a difference
    with CaptureQueriesContext(connection) as one_material:
        client.get(DASHBOARD_URL)
    for number in range(3):
        draft_material(teacher, title=f"Concept {number}")
    submitted_material(teacher)
    changes = submitted_material(teacher, title="Terug")
    request_changes(changes, ReviewerFactory())
    published_material(teacher, title="Online")
    co_owner = TeacherFactory()
    shared = draft_material(co_owner, title="Gedeeld")
    material_save_draft(material=shared, user=co_owner, data={"co_authors": [teacher]})

    with django_assert_max_num_queries(len(one_material)):
        response = client.get(DASHBOARD_URL)

    assert response.context["total"] == 8


def test_withdrawing_asks_for_confirmation_first(client):
    teacher = TeacherFactory()
    material = published_material(teacher, title="Breuken")
    client.force_login(teacher)

    response = client.get(withdraw_url(material))

    material.refresh_from_db()
    assert response.status_code == 200
    assert "‘Breuken’ intrekken?" in response.content.decode()
    assert 'method="post"' in response.content.decode()
    assert not material.is_withdrawn


def test_withdrawing_takes_the_material_offline_with_the_reason(client):
    teacher = TeacherFactory()
    material = published_material(teacher)
    client.force_login(teacher)

    response = client.post(withdraw_url(material), {"reason": "Er staan fouten in"})

    assert response.status_code == 302
    assert response.url == DASHBOARD_URL
    material.refresh_from_db()
    assert material.is_withdrawn and not material.live
    assert material.withdrawn_reason == "Er staan fouten in"


def test_withdrawing_a_material_in_review_stops_the_review(client):
    teacher = TeacherFactory()
    material = submitted_material(teacher)
    client.force_login(teacher)

    client.post(withdraw_url(material), {"reason": ""})

    material.refresh_from_db()
    assert material.is_withdrawn
    assert not material.workflow_in_progress


def test_another_teacher_cannot_withdraw_someone_elses_draft(client):
    material = draft_material(TeacherFactory())
    client.force_login(TeacherFactory())

    assert client.get(withdraw_url(material)).status_code == 404
    assert client.post(withdraw_url(material), {"reason": "Weg"}).status_code == 404
    material.refresh_from_db()
    assert not material.is_withdrawn


def test_another_teacher_cannot_withdraw_someone_elses_published_material(client):
    material = published_material(TeacherFactory())
    client.force_login(TeacherFactory())

    response = client.post(withdraw_url(material), {"reason": "Weg"})

    assert response.status_code == 403
    material.refresh_from_db()
    assert material.live and not material.is_withdrawn


def test_reviewer_cannot_withdraw_a_material_in_review(client):
    material = submitted_material(TeacherFactory())
    client.force_login(ReviewerFactory())

    response = client.post(withdraw_url(material), {"reason": "Weg"})

    assert response.status_code == 403
    material.refresh_from_db()
    assert not material.is_withdrawn


def test_anonymous_withdrawal_is_sent_to_log_in(client):
    material = published_material(TeacherFactory())

    response = client.post(withdraw_url(material), {"reason": "Weg"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    material.refresh_from_db()
    assert not material.is_withdrawn
