"""What changed: a version against the one before, and the draft against the latest version."""

from django.urls import reverse

import pytest

from metadata.models import Concept
from repository.selectors.diffs import version_diff
from repository.services.files import stored_file_take_down
from repository.services.materials import (
    material_add_file,
    material_publish,
    material_remove_file,
    material_save_draft,
    material_withdraw,
    working_copy,
)
from repository.text_diff import TEXT_DIFF_LIMIT, DiffRow, side_by_side
from tests.accounts.factories import TeacherFactory, UserFactory
from tests.repository.factories import (
    draft_material,
    make_remix_row,
    published_material,
    upload,
)

pytestmark = pytest.mark.django_db


def text_upload(name: str, text: str):
    return upload(name, text.encode())


def change(material, owner, *, add=(), remove=(), data=None, publish=True) -> None:
    for name in remove:
        row = next(f for f in working_copy(material).files.all() if f.original_name == name)
        material_remove_file(material=material, user=owner, stored_file_id=row.stored_file_id)
    for file in add:
        material_add_file(material=material, user=owner, upload=file, original_name=file.name)
    material_save_draft(material=material, user=owner, data=data or {"change_note": "Bijgewerkt"})
    if publish:
        material_publish(material=material, user=owner)


@pytest.fixture
def owner():
    return TeacherFactory()


@pytest.fixture
def material(owner):
    return published_material(
        owner,
        title="Breuken vergelijken",
        files=[upload("breuken.pdf"), text_upload("les.md", "# Les\nStap 1\nStap 2\nStap 3\n")],
    )


def diff_url(material, number=2) -> str:
    return reverse("repository:version_changes", args=[material.pk, number])


def test_metadata_changes_are_listed_with_readable_labels(material, owner):
    level = Concept.objects.get(scheme__slug="levels", notation="groep 7")
    change(
        material,
        owner,
        data={
            "title": "Breuken ordenen",
            "levels": [*working_copy(material).levels.all(), level],
            "keywords": ["breuken", "ordenen"],
            "licence": "cc-by-sa-4.0",
        },
    )

    changes = {c.name: c for c in version_diff(material, 2).changes.metadata}

    assert (changes["title"].old, changes["title"].new) == (
        "Breuken vergelijken",
        "Breuken ordenen",
    )
    assert (changes["licence"].old, changes["licence"].new) == ("CC BY 4.0", "CC BY-SA 4.0")
    assert [(i.label, i.changed) for i in changes["levels"].new_items] == [
        ("groep 6", False),
        ("groep 7", True),
    ]
    assert {i.label for i in changes["keywords"].new_items} == {"breuken", "ordenen"}
    assert "summary" not in changes


def test_files_added_removed_and_changed_are_told_apart(material, owner):
    change(
        material,
        owner,
        remove=["breuken.pdf", "les.md"],
        add=[text_upload("les.md", "# Les\nStap 1\nStap 2b\nStap 3\n"), upload("extra.pdf")],
    )

    files = {c.name: c.status for c in version_diff(material, 2).changes.files}

    assert files == {"breuken.pdf": "removed", "les.md": "changed", "extra.pdf": "added"}


def test_a_renamed_file_with_the_same_bytes_counts_as_renamed(material, owner):
    data = b"# Les\nStap 1\nStap 2\nStap 3\n"
    change(material, owner, remove=["les.md"], add=[upload("les-breuken.md", data)])

    files = {c.name: c.status for c in version_diff(material, 2).changes.files}

    assert files["les-breuken.md"] == "renamed"


def test_text_files_get_a_side_by_side_line_diff(material, owner):
    change(
        material,
        owner,
        remove=["les.md"],
        add=[text_upload("les.md", "# Les\nStap 1\nStap 2b\nStap 3\n")],
    )

    text = next(c for c in version_diff(material, 2).changes.files if c.name == "les.md").text

    assert text.hunks == [
        [
            DiffRow("equal", 1, "# Les", 1, "# Les"),
            DiffRow("equal", 2, "Stap 1", 2, "Stap 1"),
            DiffRow("replace", 3, "Stap 2", 3, "Stap 2b"),
            DiffRow("equal", 4, "Stap 3", 4, "Stap 3"),
        ]
    ]


def test_side_by_side_keeps_unequal_replacements_on_their_own_lines():
    hunks = side_by_side(["a", "b"], ["a", "x", "y", "z"])

    assert hunks[0][1:] == [
        DiffRow("replace", 2, "b", 2, "x"),
        DiffRow("replace", None, "", 3, "y"),
        DiffRow("replace", None, "", 4, "z"),
    ]


def test_side_by_side_skips_long_unchanged_stretches_between_hunks():
    old = [f"regel {n}" for n in range(1, 31)]
    new = [*old[:1], "nieuw", *old[2:28], "ook nieuw", *old[29:]]

    hunks = side_by_side(old, new, context=2)

    assert len(hunks) == 2
    assert hunks[1][0].old_number == 27


def test_a_text_file_over_the_limit_gets_no_diff_but_a_reason(material, owner):
    big = "regel\n" * (TEXT_DIFF_LIMIT // 6 + 10)
    change(material, owner, remove=["les.md"], add=[text_upload("les.md", big)])

    text = next(c for c in version_diff(material, 2).changes.files if c.name == "les.md").text

    assert text.hunks == []
    assert "groter dan 200 kB" in text.refusal


def test_a_taken_down_file_shows_no_text(material, owner):
    change(material, owner, remove=["les.md"], add=[text_upload("les.md", "Geheim\n")])
    new_file = material.versions.get(number=2).files.get(original_name="les.md").stored_file
    stored_file_take_down(
        stored_file=new_file, user=UserFactory(is_superuser=True), reason="Klacht"
    )

    text = next(c for c in version_diff(material, 2).changes.files if c.name == "les.md").text

    assert text.hunks == []
    assert "verwijderd" in text.refusal


def test_the_diff_page_escapes_file_text(client, material, owner):
    change(
        material,
        owner,
        remove=["les.md"],
        add=[text_upload("les.md", '# Les\nStap 1\nTyp <b> & "x" in het vak\nStap 3\n')],
    )

    html = client.get(diff_url(material)).content.decode()

    assert "Typ <b>" not in html
    assert "Typ &lt;b&gt; &amp; &quot;x&quot; in het vak" in html


def test_anyone_may_see_what_changed_in_a_public_material(client, material, owner):
    change(
        material,
        owner,
        remove=["les.md"],
        add=[text_upload("les.md", "# Les\nStap 1\nStap 2b\nStap 3\n")],
        data={"title": "Breuken ordenen", "change_note": "Stap 2 is duidelijker"},
    )

    response = client.get(diff_url(material))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Stap 2 is duidelijker" in html
    assert "<caption>" in html
    assert '<th scope="row">Titel</th>' in html
    assert '<ins><span class="visually-hidden">nieuw: </span>Stap 2b</ins>' in html


def test_the_first_version_and_missing_versions_have_no_diff_page(client, material):
    assert client.get(diff_url(material, 1)).status_code == 404
    assert client.get(diff_url(material, 7)).status_code == 404


def test_versions_of_a_withdrawn_material_are_hidden_from_anonymous_visitors(
    client, material, owner
):
    change(material, owner)
    material_withdraw(material=material, user=owner, reason="Verouderd")

    assert client.get(diff_url(material)).status_code == 404
    client.force_login(TeacherFactory())
    assert client.get(diff_url(material)).status_code == 404
    client.force_login(owner)
    assert client.get(diff_url(material)).status_code == 200


def test_diff_page_queries_do_not_grow_with_files_and_concepts(
    client, material, owner, django_assert_max_num_queries
):
    levels = Concept.objects.filter(scheme__slug="levels")[:6]
    co_authors = [TeacherFactory() for _ in range(3)]
    change(
        material,
        owner,
        add=[upload(f"blad-{n}.pdf") for n in range(6)],
        data={"levels": list(levels), "keywords": ["a", "b", "c"], "co_authors": co_authors},
    )
    client.get(diff_url(material))  # the first request also loads the site and its settings

    # Material, versions, their files, stored files, concepts, users, tags; the rest is layout.
    with django_assert_max_num_queries(16):
        response = client.get(diff_url(material))

    assert response.status_code == 200
    assert len(levels) == 6


def test_the_version_history_links_to_what_changed(client, material, owner):
    change(material, owner)

    html = client.get(reverse("repository:material_detail", args=[material.pk])).content.decode()

    assert diff_url(material, 2) in html
    assert diff_url(material, 1) not in html


def draft_url(material) -> str:
    return reverse("repository:draft_changes", args=[material.pk])


def test_authors_see_what_the_draft_changes(client, material, owner):
    change(material, owner, data={"title": "Concepttitel"}, publish=False)
    client.force_login(owner)

    response = client.get(draft_url(material))

    assert response.status_code == 200
    assert "Concepttitel" in response.content.decode()


def test_the_draft_diff_is_hidden_from_others(client, material, owner):
    change(material, owner, data={"title": "Concepttitel"}, publish=False)

    assert client.get(draft_url(material)).status_code == 404
    client.force_login(TeacherFactory())
    assert client.get(draft_url(material)).status_code == 404


def test_a_material_without_versions_has_no_draft_diff(client, owner):
    material = draft_material(owner)
    client.force_login(owner)

    assert client.get(draft_url(material)).status_code == 404


def test_the_edit_page_links_to_the_draft_diff_when_there_are_unpublished_changes(
    client, material, owner
):
    change(material, owner, data={"title": "Concepttitel"}, publish=False)
    client.force_login(owner)

    html = client.get(reverse("repository:material_edit", args=[material.pk])).content.decode()

    assert draft_url(material) in html


def remix_url(remix) -> str:
    return reverse("repository:remix_changes", args=[remix.pk, remix.sources.get().pk])


@pytest.fixture
def remix(material):
    teacher = TeacherFactory()
    remix = make_remix_row(material, teacher, title="Breuken voor nieuwkomers")
    change(
        remix,
        teacher,
        remove=["les.md"],
        add=[text_upload("les.md", "# Les\nStap 1\nStap 2 met plaatjes\nStap 3\n")],
    )
    return remix


def test_anyone_may_see_what_a_public_remix_changes_against_its_source(client, remix):
    response = client.get(remix_url(remix))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Breuken voor nieuwkomers" in html
    assert "Stap 2 met plaatjes" in html
    assert "Bron, versie 1" in html


def test_what_a_remix_changes_is_hidden_once_its_source_is_withdrawn(
    client, remix, material, owner
):
    material_withdraw(material=material, user=owner, reason="Fouten")

    assert client.get(remix_url(remix)).status_code == 404


def test_what_an_unpublished_remix_changes_is_for_its_authors_only(client, material):
    teacher = TeacherFactory()
    remix = make_remix_row(material, teacher)
    change(remix, teacher, data={"title": "Eigen titel"})
    material_withdraw(material=remix, user=teacher, reason="Klaar")

    assert client.get(remix_url(remix)).status_code == 404
    client.force_login(TeacherFactory())
    assert client.get(remix_url(remix)).status_code == 404
    client.force_login(teacher)
    assert client.get(remix_url(remix)).status_code == 200
