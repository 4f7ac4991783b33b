from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest

from accounts.roles import EDITORS
from metadata.models import Concept, ConceptScheme
from metadata.services import vocabularies_load_builtin
from tests.accounts.factories import ReviewerFactory, TeacherFactory, UserFactory

pytestmark = pytest.mark.django_db

CONCEPTS_URL = reverse("wagtailsnippets_metadata_concept:list")
SCHEMES_URL = reverse("wagtailsnippets_metadata_conceptscheme:list")
CHOOSER_URL = reverse("wagtailsnippetchoosers_metadata_concept:choose")
CHOOSER_RESULTS_URL = reverse("wagtailsnippetchoosers_metadata_concept:choose_results")

# The permissions proposed for the Editors role in accounts.roles: browse and edit every
# vocabulary, but never delete a term (other systems may still refer to it).
VOCABULARY_EDITOR_PERMISSIONS = [
    "metadata.add_concept",
    "metadata.change_concept",
    "metadata.view_concept",
    "metadata.change_conceptscheme",
    "metadata.view_conceptscheme",
]


@pytest.fixture
def editor(db):
    group = Group.objects.get(name=EDITORS)
    for dotted in VOCABULARY_EDITOR_PERMISSIONS:
        app_label, codename = dotted.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return UserFactory(roles=[EDITORS])


@pytest.fixture
def vocabularies(db):
    vocabularies_load_builtin()


def concept(scheme, identifier):
    return Concept.objects.get(scheme__slug=scheme, identifier=identifier)


def edit_data(concept, **changes):
    data = {
        "scheme": concept.scheme_id,
        "identifier": concept.identifier,
        "notation": concept.notation,
        "uri": concept.uri,
        "label_nl": concept.label_nl,
        "label_en": concept.label_en,
        "definition_nl": concept.definition_nl,
        "definition_en": concept.definition_en,
        "parent": concept.parent_id or "",
        "replaced_by": concept.replaced_by_id or "",
        "active": "on" if concept.active else "",
        "sort_order": concept.sort_order,
        "source": concept.source,
        "levels": [],
        "subjects": [],
    }
    data.update(changes)
    return data


def test_editor_lists_concepts(client, editor, vocabularies):
    client.force_login(editor)

    response = client.get(CONCEPTS_URL)

    assert response.status_code == 200
    # The first page starts with the first list by code: accessibility features.
    assert "Tekstalternatief bij afbeeldingen" in response.content.decode()


def test_editor_searches_concepts_by_label(client, editor, vocabularies):
    client.force_login(editor)

    response = client.get(CONCEPTS_URL, {"q": "biolog"})

    assert [c.notation for c in response.context["object_list"]] == ["bio"]


def test_editor_searches_concepts_by_notation(client, editor, vocabularies):
    client.force_login(editor)

    response = client.get(CONCEPTS_URL, {"q": "vmbo-kb"})

    assert {c.notation for c in response.context["object_list"]} == {
        "vmbo-kb 1",
        "vmbo-kb 2",
        "vmbo-kb 3",
        "vmbo-kb 4",
    }


def test_editor_searches_concepts_by_identifier(client, editor, vocabularies):
    client.force_login(editor)

    response = client.get(CONCEPTS_URL, {"q": "a3ddbe60-8478"})

    assert [c.notation for c in response.context["object_list"]] == ["havo"]


def test_concept_list_filters_by_scheme(client, editor, vocabularies):
    client.force_login(editor)
    roles = ConceptScheme.objects.get(slug="end-user-roles")

    response = client.get(CONCEPTS_URL, {"scheme": roles.pk})

    assert {c.identifier for c in response.context["object_list"]} == {
        "teacher",
        "learner",
        "author",
        "manager",
    }


def test_concept_list_filters_by_active(client, editor, vocabularies):
    client.force_login(editor)

    response = client.get(CONCEPTS_URL, {"active": "false"})

    assert [c.identifier for c in response.context["object_list"]] == ["printPageNumbers"]


def test_editor_opens_the_concept_chooser(client, editor, vocabularies):
    client.force_login(editor)

    response = client.get(CHOOSER_URL)

    assert response.status_code == 200


def test_concept_chooser_searches_by_notation(client, editor, vocabularies):
    client.force_login(editor)

    response = client.get(CHOOSER_RESULTS_URL, {"q": "vmbo-gl"})

    assert {c.notation for c in response.context["results"]} == {
        "vmbo-gl 1",
        "vmbo-gl 2",
        "vmbo-gl 3",
        "vmbo-gl 4",
    }


def test_concept_chooser_narrows_to_one_list(client, editor, vocabularies):
    client.force_login(editor)
    hazards = ConceptScheme.objects.get(slug="accessibility-hazards")

    response = client.get(CHOOSER_RESULTS_URL, {"scheme": hazards.pk, "q": "none"})

    assert [(c.scheme_id, c.identifier) for c in response.context["results"]] == [
        (hazards.pk, "none")
    ]


def test_editor_lists_the_vocabularies(client, editor, vocabularies):
    client.force_login(editor)

    response = client.get(SCHEMES_URL)

    assert response.status_code == 200
    assert "Kerndoelen" in response.content.decode()


def test_editor_sees_the_metadata_menu(client, editor):
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_home"))

    assert "Metadata" in response.content.decode()


def test_editor_renames_a_concept(client, editor, vocabularies):
    client.force_login(editor)
    theme = concept("themes", "inclusie")

    response = client.post(
        reverse("wagtailsnippets_metadata_concept:edit", args=[theme.pk]),
        edit_data(theme, label_nl="Inclusief onderwijs"),
    )

    assert response.status_code == 302
    assert concept("themes", "inclusie").label_nl == "Inclusief onderwijs"


def test_identifier_and_uri_stay_fixed_when_editing(client, editor, vocabularies):
    client.force_login(editor)
    havo = concept("levels", "a3ddbe60-8478-4204-b769-6f5e9f4cbca2")

    client.post(
        reverse("wagtailsnippets_metadata_concept:edit", args=[havo.pk]),
        edit_data(havo, identifier="havo", uri="urn:x:havo"),
    )

    havo.refresh_from_db()
    assert havo.identifier == "a3ddbe60-8478-4204-b769-6f5e9f4cbca2"
    assert havo.uri.endswith("a3ddbe60-8478-4204-b769-6f5e9f4cbca2")


def test_editor_links_a_curriculum_goal_to_levels_and_subjects(client, editor, vocabularies):
    client.force_login(editor)
    goal = Concept.objects.create(
        scheme=ConceptScheme.objects.get(slug="curriculum-goals"),
        identifier="doel",
        uri="urn:test:doel",
        label_nl="Doel",
    )
    po = concept("levels", "512e4729-03a4-43a2-95ba-758071d1b725")
    dutch = Concept.objects.get(scheme__slug="subjects", notation="ne")

    client.post(
        reverse("wagtailsnippets_metadata_concept:edit", args=[goal.pk]),
        edit_data(goal, levels=[po.pk], subjects=[dutch.pk]),
    )

    assert list(goal.levels.all()) == [po]
    assert list(goal.subjects.all()) == [dutch]


def test_a_parent_from_another_vocabulary_is_refused_in_the_form(client, editor, vocabularies):
    client.force_login(editor)
    theme = concept("themes", "inclusie")
    po_sector = concept("sectors", "po")

    response = client.post(
        reverse("wagtailsnippets_metadata_concept:edit", args=[theme.pk]),
        edit_data(theme, parent=po_sector.pk),
    )

    assert response.status_code == 200
    assert concept("themes", "inclusie").parent is None


def test_editor_adds_a_theme(client, editor, vocabularies):
    client.force_login(editor)
    themes = ConceptScheme.objects.get(slug="themes")
    new = Concept(scheme=themes, identifier="leesbevordering", uri="urn:nlka:vocab:themes:lb")

    response = client.post(
        reverse("wagtailsnippets_metadata_concept:add"),
        edit_data(new, label_nl="Leesbevordering", label_en="Reading promotion", sort_order=20),
    )

    assert response.status_code == 302
    assert concept("themes", "leesbevordering").label_en == "Reading promotion"


def test_superuser_lists_concepts(client, vocabularies):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(CONCEPTS_URL, {"q": "havo"})

    assert response.status_code == 200
    assert "havo" in response.content.decode()


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(CONCEPTS_URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={CONCEPTS_URL}"


def test_teacher_is_sent_to_log_in_as_someone_with_admin_access(client):
    client.force_login(TeacherFactory())

    response = client.get(CONCEPTS_URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={CONCEPTS_URL}"


def test_reviewer_without_vocabulary_rights_is_refused(client):
    client.force_login(ReviewerFactory())

    response = client.get(CONCEPTS_URL)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
