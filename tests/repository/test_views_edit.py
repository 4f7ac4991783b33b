"""The metadata form: saving drafts freely, submitting only when complete, new versions."""

from django.urls import reverse

import pytest

from metadata.models import Concept, ConceptScheme
from metadata.services import vocabularies_load_builtin
from repository import demo_files
from repository.models import Material
from repository.services.materials import (
    material_add_file,
    material_publish,
    material_save_draft,
    material_submit_for_review,
    material_withdraw,
    working_copy,
)
from tests.accounts.factories import ReviewerFactory, TeacherFactory, UserFactory
from tests.repository.factories import (
    complete_metadata,
    draft_material,
    published_material,
    upload,
)

pytestmark = pytest.mark.django_db


def edit_url(material) -> str:
    return reverse("repository:material_edit", args=[material.pk])


def remove_url(material, stored_file_id) -> str:
    return reverse("repository:material_file_remove", args=[material.pk, stored_file_id])


def concept(scheme: str, notation: str) -> Concept:
    return Concept.objects.get(scheme__slug=scheme, notation=notation)


def curriculum_goal(notation: str, label: str, *, active: bool = True) -> Concept:
    scheme, _ = ConceptScheme.objects.get_or_create(
        slug="curriculum-goals",
        defaults={"uri": "http://example.org/kerndoelen", "label_nl": "Kerndoelen"},
    )
    return Concept.objects.create(
        scheme=scheme,
        identifier=notation,
        uri=f"http://example.org/kerndoelen/{notation}",
        notation=notation,
        label_nl=label,
        active=active,
    )


def form_data(material, **changes) -> dict:
    """What the browser posts for an untouched form, plus the changes."""
    draft = working_copy(material)
    data = {
        "title": draft.title,
        "summary": draft.summary,
        "description": draft.description,
        "language": draft.language,
        "licence": draft.licence,
        "keywords": ", ".join(tag.name for tag in draft.keywords.all()),
        "co_authors": "\n".join(user.email for user in draft.co_authors.all()),
        "action": "save",
    }
    for name in ("levels", "subjects", "curriculum_goals", "resource_types", "end_user_roles"):
        data[name] = [concept.pk for concept in getattr(draft, name).all()]
    data.update(changes)
    return data


def submitted_material(owner) -> Material:
    material = draft_material(owner)
    material_save_draft(material=material, user=owner, data=complete_metadata())
    material_submit_for_review(material=material, user=owner)
    return material


def request_changes(material, reviewer) -> None:
    task_state = material.current_workflow_state.current_task_state.specific
    # The task's own actions are closed (the rubric decides); the state change is what matters here.
    task_state.reject(user=reviewer)


@pytest.fixture
def vocabularies(db):
    vocabularies_load_builtin()


def test_form_shows_the_draft_and_its_files(client):
    teacher = TeacherFactory()
    material = draft_material(teacher, title="Breuken vergelijken")
    client.force_login(teacher)

    response = client.get(edit_url(material))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Breuken vergelijken"' in html
    assert "breuken.pdf" in html
    assert remove_url(material, material.files.get().stored_file_id) in html
    assert "js/material-form.js" in html


def test_draft_can_be_saved_with_only_a_file_and_a_title(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    response = client.post(edit_url(material), form_data(material, title="Alleen een titel"))

    assert response.status_code == 302
    assert response.url == edit_url(material)
    assert working_copy(material).title == "Alleen een titel"
    assert not material.workflow_states.exists()


def test_saving_without_a_title_asks_for_one(client):
    teacher = TeacherFactory()
    material = draft_material(teacher, title="Oud")
    client.force_login(teacher)

    response = client.post(edit_url(material), form_data(material, title=""))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Geef het leermiddel een titel." in html
    assert 'aria-describedby="id_title_error"' in html
    assert working_copy(material).title == "Oud"


def test_saving_never_demands_what_only_a_submission_needs(client):
    teacher = TeacherFactory()
    material = draft_material(teacher, files=[])
    client.force_login(teacher)

    response = client.post(edit_url(material), form_data(material, title=""))

    messages = [error["message"] for error in response.context["error_summary"]]
    assert messages == ["Geef het leermiddel een titel."]
    assert not response.context["files_error"]


def test_submitting_demands_the_required_metadata_with_a_message_per_field(client, vocabularies):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    response = client.post(edit_url(material), form_data(material, action="submit"))

    html = response.content.decode()
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"summary", "levels", "subjects"}
    assert "Schrijf een korte samenvatting" in html
    assert "Kies minstens één onderwijsniveau." in html
    assert "Kies minstens één vak." in html
    assert 'aria-describedby="id_summary_helptext id_summary_error"' in html
    assert 'aria-describedby="id_levels_helptext id_levels_error"' in html
    material.refresh_from_db()
    assert not material.workflow_in_progress


def test_error_summary_links_each_message_to_its_field(client, vocabularies):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    response = client.post(edit_url(material), form_data(material, action="submit"))

    summary = {error["anchor"]: error["message"] for error in response.context["error_summary"]}
    first_level_id = response.context["form"].first_control_id("levels")
    assert summary["id_summary"].startswith("Schrijf een korte samenvatting")
    assert summary[first_level_id] == "Kies minstens één onderwijsniveau."
    assert f'href="#{first_level_id}"' in response.content.decode()
    assert f'id="{first_level_id}"' in response.content.decode()


def test_submitting_without_files_points_at_the_file_input(client, vocabularies):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    material_save_draft(material=material, user=teacher, data=complete_metadata())
    client.force_login(teacher)
    client.post(remove_url(material, material.files.get().stored_file_id))

    response = client.post(edit_url(material), form_data(material, action="submit"))

    assert {"anchor": "id_files", "message": "Voeg minstens één bestand toe."} in response.context[
        "error_summary"
    ]


def test_submitting_keeps_what_was_typed_even_when_incomplete(client, vocabularies):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    client.post(edit_url(material), form_data(material, summary="Voor groep 6.", action="submit"))

    assert working_copy(material).summary == "Voor groep 6."


def test_complete_draft_is_submitted_for_review(client, vocabularies):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)
    data = form_data(
        material,
        summary="Oefeningen met breuken.",
        levels=[concept("levels", "groep 6").pk],
        subjects=[concept("subjects", "rw").pk],
        licence="cc-by-sa-4.0",
        action="submit",
    )

    response = client.post(edit_url(material), data)

    assert response.status_code == 302
    assert response.url == reverse("repository:my_materials")
    material.refresh_from_db()
    assert material.workflow_in_progress
    assert not material.live


def test_form_saves_vocabularies_keywords_licence_and_goals(client, vocabularies):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    goal = curriculum_goal("K23", "Rekenen met breuken")
    client.force_login(teacher)
    data = form_data(
        material,
        levels=[concept("levels", "havo 4").pk],
        subjects=[concept("subjects", "wi").pk],
        resource_types=[
            Concept.objects.get(scheme__slug="resource-types", notation="handleiding").pk
        ],
        curriculum_goals=[goal.pk],
        keywords="breuken, rekenen ,  breuken,  groep 6",
        licence="cc0-1.0",
        time_required="45",
    )

    client.post(edit_url(material), data)

    draft = working_copy(material)
    assert [c.notation for c in draft.levels.all()] == ["havo 4"]
    assert [c.notation for c in draft.subjects.all()] == ["wi"]
    assert [c.notation for c in draft.resource_types.all()] == ["handleiding"]
    assert list(draft.curriculum_goals.all()) == [goal]
    assert sorted(tag.name for tag in draft.keywords.all()) == ["breuken", "groep 6", "rekenen"]
    assert draft.licence == "cc0-1.0"
    assert draft.time_required == 45


def test_form_refuses_a_concept_from_the_wrong_vocabulary(client, vocabularies):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    response = client.post(
        edit_url(material), form_data(material, subjects=[concept("levels", "havo").pk])
    )

    assert response.status_code == 200
    assert response.context["form"].errors["subjects"]
    assert not working_copy(material).subjects.all()


def test_co_author_is_added_by_verified_email_address(client):
    teacher = TeacherFactory()
    colleague = TeacherFactory(email="collega@school.example")
    material = draft_material(teacher)
    client.force_login(teacher)

    client.post(edit_url(material), form_data(material, co_authors="Collega@School.example"))

    assert list(working_copy(material).co_authors.all()) == [colleague]


@pytest.mark.parametrize(
    "address", ["onbekend@school.example", "onbevestigd@school.example", "geen-adres"]
)
def test_co_author_must_have_an_account_with_a_verified_address(client, address):
    teacher = TeacherFactory()
    UserFactory(email="onbevestigd@school.example", verified=False)
    material = draft_material(teacher)
    client.force_login(teacher)

    response = client.post(edit_url(material), form_data(material, co_authors=address))

    assert response.status_code == 200
    assert address in response.context["form"].errors["co_authors"][0]
    assert not working_copy(material).co_authors.all()


def test_co_author_may_edit_the_material(client):
    owner = TeacherFactory()
    co_author = TeacherFactory()
    material = draft_material(owner)
    material_save_draft(material=material, user=owner, data={"co_authors": [co_author]})
    client.force_login(co_author)

    response = client.post(edit_url(material), form_data(material, title="Samen gemaakt"))

    assert response.status_code == 302
    assert working_copy(material).title == "Samen gemaakt"
    assert list(working_copy(material).co_authors.all()) == [co_author]


def test_levels_are_grouped_by_their_parent_in_fieldsets(client, vocabularies):
    teacher = TeacherFactory()
    client.force_login(teacher)

    response = client.get(edit_url(draft_material(teacher)))

    groups = response.context["form"].option_groups("levels")
    legends = [group.legend for group in groups]
    assert legends[:2] == ["primair onderwijs", "vmbo"]
    primary = [option.choice_label for option in groups[0].options]
    assert primary[:3] == ["primair onderwijs", "groep 1", "groep 2"]
    html = response.content.decode()
    assert '<fieldset class="picker__group"><legend>havo</legend>' in html


def test_licences_are_offered_with_an_explanation_in_plain_dutch(client):
    teacher = TeacherFactory()
    client.force_login(teacher)

    response = client.get(edit_url(draft_material(teacher)))

    html = response.content.decode()
    assert 'type="radio" name="licence" value="cc-by-nd-4.0"' in html
    assert "Bewerken mag niet." in html
    assert 'aria-describedby="id_licence_5_explanation"' in html
    assert 'id="id_licence_5_explanation"' in html


def test_completeness_indicator_counts_what_the_draft_still_needs(client, vocabularies):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    response = client.get(edit_url(material))

    checklist = {item["key"]: item["done"] for item in response.context["checklist"]}
    assert checklist == {
        "title": True,
        "summary": False,
        "files": True,
        "levels": False,
        "subjects": False,
        "language": True,
        "licence": True,
    }
    assert "4 van 7 onderdelen klaar om in te dienen" in response.content.decode()


def test_file_is_removed_from_the_draft(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    stored_file_id = material.files.get().stored_file_id
    client.force_login(teacher)

    response = client.post(remove_url(material, stored_file_id))

    assert response.status_code == 302
    assert response.url.endswith("#bestanden")
    assert not working_copy(material).files.all()


def test_file_removal_answers_json_for_the_script(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    stored_file_id = material.files.get().stored_file_id
    client.force_login(teacher)

    response = client.post(remove_url(material, stored_file_id), HTTP_ACCEPT="application/json")

    assert response.json()["removed"] == stored_file_id
    assert "breuken.pdf" in response.json()["message"]


def test_removing_a_file_that_is_not_in_the_draft_is_not_found(client):
    teacher = TeacherFactory()
    client.force_login(teacher)

    response = client.post(remove_url(draft_material(teacher), 999_999))

    assert response.status_code == 404


def test_published_material_offers_a_new_version_with_a_change_note(client):
    teacher = TeacherFactory()
    material = published_material(teacher)
    client.force_login(teacher)

    response = client.get(edit_url(material))

    html = response.content.decode()
    assert 'id="nieuwe-versie"' in html
    assert "Wat is er veranderd?" in html
    assert 'name="change_note"' in html
    assert 'form="materiaalformulier"' in html


def test_new_version_gets_files_and_a_change_note_while_the_live_version_stays(client):
    teacher = TeacherFactory()
    material = published_material(teacher, title="Breuken")
    client.force_login(teacher)

    client.post(
        reverse("repository:material_file_add", args=[material.pk]),
        {"files": [upload("antwoorden.pdf", demo_files.pdf_bytes("Antwoorden"))]},
    )
    client.post(
        edit_url(material),
        form_data(material, change_note="Antwoorden toegevoegd", title="Breuken, met antwoorden"),
    )

    material.refresh_from_db()
    draft = working_copy(material)
    assert material.title == "Breuken"
    assert material.has_unpublished_changes
    assert draft.title == "Breuken, met antwoorden"
    assert draft.change_note == "Antwoorden toegevoegd"
    assert [f.original_name for f in draft.files.all()] == ["breuken.pdf", "antwoorden.pdf"]
    assert [f.original_name for f in material.versions.get().files.all()] == ["breuken.pdf"]


def test_new_version_starts_with_an_empty_change_note(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    material_save_draft(
        material=material, user=teacher, data={**complete_metadata(), "change_note": "Eerste"}
    )
    material_publish(material=material, user=teacher)
    client.force_login(teacher)

    response = client.get(edit_url(material))

    assert response.context["form"]["change_note"].value() == ""


def test_curriculum_goal_search_finds_goals_by_label_and_number(client):
    client.force_login(TeacherFactory())
    fractions = curriculum_goal("K23", "Rekenen met breuken")
    curriculum_goal("K12", "Schrijven van teksten")
    curriculum_goal("K99", "Oude breuken", active=False)
    url = reverse("repository:curriculum_goal_search")

    by_label = client.get(url, {"q": "breuk"}).json()["results"]
    by_number = client.get(url, {"q": "k23"}).json()["results"]

    assert by_label == [{"id": fractions.pk, "notation": "K23", "label": "Rekenen met breuken"}]
    assert [goal["id"] for goal in by_number] == [fractions.pk]
    assert client.get(url, {"q": ""}).json()["results"] == []


def test_curriculum_goals_work_as_a_multi_select_without_javascript(client):
    teacher = TeacherFactory()
    curriculum_goal("K23", "Rekenen met breuken")
    client.force_login(teacher)

    response = client.get(edit_url(draft_material(teacher)))

    html = response.content.decode()
    assert '<select name="curriculum_goals"' in html
    assert "multiple" in html
    assert "K23: Rekenen met breuken" in html
    assert 'data-search-url="/leermiddelen/kerndoelen/"' in html


def test_withdrawn_material_cannot_be_edited(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    material_withdraw(material=material, user=teacher)
    client.force_login(teacher)

    response = client.post(edit_url(material), form_data(material, title="Terug"))

    assert response.status_code == 302
    assert response.url == reverse("repository:my_materials")
    assert working_copy(material).title == "Breuken vergelijken"


def test_form_tells_the_teacher_when_changes_were_requested(client):
    teacher = TeacherFactory()
    material = submitted_material(teacher)
    request_changes(material, ReviewerFactory())
    client.force_login(teacher)

    response = client.get(edit_url(material))

    assert "Wijzigingen gevraagd" in response.content.decode()
    assert response.context["changes_requested"]


def test_teacher_resubmits_after_changes_were_requested(client):
    teacher = TeacherFactory()
    material = submitted_material(teacher)
    request_changes(material, ReviewerFactory())
    client.force_login(teacher)

    client.post(edit_url(material), form_data(material, action="submit"))

    material.refresh_from_db()
    assert material.workflow_in_progress


# Nobody but the authors reaches the form, whatever they post.


def test_anonymous_visitor_is_sent_to_log_in(client):
    material = draft_material(TeacherFactory())

    response = client.post(edit_url(material), form_data(material, title="Gekaapt"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert working_copy(material).title == "Breuken vergelijken"


def test_another_teacher_does_not_see_someone_elses_draft(client):
    material = draft_material(TeacherFactory())
    client.force_login(TeacherFactory())

    assert client.get(edit_url(material)).status_code == 404
    assert client.get(reverse("repository:material_detail", args=[material.pk])).status_code == 404


def test_another_teacher_cannot_save_someone_elses_draft(client):
    material = draft_material(TeacherFactory())
    client.force_login(TeacherFactory())

    response = client.post(edit_url(material), form_data(material, title="Gekaapt"))

    assert response.status_code == 404
    assert working_copy(material).title == "Breuken vergelijken"


def test_another_teacher_cannot_submit_someone_elses_draft(client, vocabularies):
    owner = TeacherFactory()
    material = draft_material(owner)
    material_save_draft(material=material, user=owner, data=complete_metadata())
    client.force_login(TeacherFactory())

    response = client.post(edit_url(material), form_data(material, action="submit"))

    assert response.status_code == 404
    assert not material.workflow_states.exists()


def test_another_teacher_may_not_edit_a_published_material(client):
    material = published_material(TeacherFactory())
    client.force_login(TeacherFactory())

    assert client.get(edit_url(material)).status_code == 403
    response = client.post(edit_url(material), form_data(material, title="Gekaapt"))
    assert response.status_code == 403
    assert working_copy(material).title == "Breuken vergelijken"


def test_another_teacher_cannot_remove_a_file(client):
    material = published_material(TeacherFactory())
    stored_file_id = material.files.get().stored_file_id
    client.force_login(TeacherFactory())

    response = client.post(remove_url(material, stored_file_id))

    assert response.status_code == 403
    assert working_copy(material).files.count() == 1


def test_nobody_else_removes_a_file_from_a_draft(client):
    material = submitted_material(TeacherFactory())
    url = remove_url(material, material.files.get().stored_file_id)

    anonymous = client.post(url)
    client.force_login(TeacherFactory())
    other_teacher = client.post(url)
    client.force_login(ReviewerFactory())
    reviewer = client.post(url)

    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("account_login"))
    assert other_teacher.status_code == 404
    assert reviewer.status_code == 403
    assert working_copy(material).files.count() == 1


def test_reviewer_sees_a_draft_in_review_but_may_not_edit_it(client):
    material = submitted_material(TeacherFactory())
    client.force_login(ReviewerFactory())

    response = client.post(edit_url(material), form_data(material, title="Gekaapt"))

    assert response.status_code == 403
    assert working_copy(material).title == "Breuken vergelijken"


def test_reviewer_does_not_see_a_draft_that_is_not_in_review(client):
    material = draft_material(TeacherFactory())
    client.force_login(ReviewerFactory())

    assert client.get(edit_url(material)).status_code == 404


def test_goal_search_needs_a_log_in(client):
    response = client.get(reverse("repository:curriculum_goal_search"), {"q": "breuk"})

    assert response.status_code == 302


def test_form_lists_the_files_of_the_new_versions_draft(client):
    teacher = TeacherFactory()
    material = published_material(teacher)
    material_add_file(
        material=material,
        user=teacher,
        upload=upload("extra.pdf", demo_files.pdf_bytes("Extra")),
        original_name="extra.pdf",
    )
    client.force_login(teacher)

    response = client.get(edit_url(material))

    assert [file["name"] for file in response.context["files"]] == ["breuken.pdf", "extra.pdf"]
