"""Following the original: notices of a new source version, and pulling or dismissing it."""

from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from repository.models import Material, MaterialSource
from repository.selectors import source_updates_due
from repository.selectors.diffs import FileRow
from repository.services.materials import (
    material_add_file,
    material_publish,
    material_remove_file,
    material_save_draft,
    material_withdraw,
    working_copy,
)
from repository.services.remix_updates import (
    SourceUpdateRefused,
    pull_plan,
    source_update_dismiss,
    source_update_pull,
)
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import make_remix_row, published_material, upload

pytestmark = pytest.mark.django_db


def text_upload(name: str, text: str):
    return upload(name, text.encode())


def publish_new_version(material, owner, *, add=(), remove=(), data=None) -> None:
    """Publish the next version: files taken out by name, files added, metadata changed."""
    for name in remove:
        row = next(f for f in working_copy(material).files.all() if f.original_name == name)
        material_remove_file(material=material, user=owner, stored_file_id=row.stored_file_id)
    for file in add:
        material_add_file(material=material, user=owner, upload=file, original_name=file.name)
    material_save_draft(
        material=material, user=owner, data={"change_note": "Nieuwe opgaven", **(data or {})}
    )
    material_publish(material=material, user=owner)


@pytest.fixture
def source_owner():
    return TeacherFactory()


@pytest.fixture
def source(source_owner):
    return published_material(
        source_owner,
        title="Breuken vergelijken",
        files=[upload("breuken.pdf"), text_upload("les.md", "# Les\nStap 1\nStap 2\n")],
    )


@pytest.fixture
def remix_owner():
    return TeacherFactory()


@pytest.fixture
def remix(source, remix_owner):
    return make_remix_row(
        source,
        remix_owner,
        title="Breuken voor nieuwkomers",
        publish=True,
        own_files=[upload("woordenlijst.pdf")],
    )


def names(material) -> list[str]:
    return [f.original_name for f in working_copy(material).files.all()]


def file_state(material) -> list[tuple]:
    return list(
        material.files.order_by("sort_order").values_list("stored_file_id", "original_name")
    )


def test_new_source_version_mails_only_the_owner_of_a_remix(
    source, source_owner, remix, remix_owner, django_capture_on_commit_callbacks
):
    bystander = TeacherFactory()
    published_material(bystander, title="Iets anders")
    make_remix_row(published_material(TeacherFactory(), title="Ander leermiddel"), bystander)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        publish_new_version(source, source_owner, add=[upload("extra.pdf")])

    assert [message.to for message in mail.outbox] == [[remix_owner.email]]
    message = mail.outbox[0]
    assert "Breuken vergelijken" in message.subject
    assert "versie 2" in message.subject
    update_url = reverse("repository:source_update", args=[remix.pk, remix.sources.get().pk])
    assert f"http://testserver{update_url}" in message.body
    assert "Nieuwe opgaven" in message.body


def test_new_source_version_leaves_the_remix_unchanged_until_its_owner_acts(
    source, source_owner, remix
):
    files, revision = file_state(remix), remix.latest_revision_id
    row = remix.sources.get()

    publish_new_version(
        source,
        source_owner,
        add=[upload("extra.pdf")],
        remove=["breuken.pdf"],
        data={"title": "Nieuw"},
    )

    remix.refresh_from_db()
    assert file_state(remix) == files
    assert remix.title == "Breuken voor nieuwkomers"
    assert remix.live and not remix.has_unpublished_changes
    assert remix.latest_revision_id == revision
    assert remix.versions.count() == 1
    after = MaterialSource.objects.get(pk=row.pk)
    assert (after.version_number, after.source_version_id, after.title) == (
        1,
        row.source_version_id,
        "Breuken vergelijken",
    )


def test_new_source_version_is_due_for_the_remix_authors_only(
    source, source_owner, remix, remix_owner
):
    publish_new_version(source, source_owner)

    due = source_updates_due(remix_owner)
    assert [(row.remix_id, row.newest_number) for row in due] == [(remix.pk, 2)]
    assert source_updates_due(TeacherFactory()) == []
    assert source_updates_due(source_owner) == []


def test_no_notice_is_due_for_a_withdrawn_remix(source, source_owner, remix, remix_owner):
    material_withdraw(material=remix, user=remix_owner)

    publish_new_version(source, source_owner)

    assert source_updates_due(remix_owner) == []


def test_pulling_replaces_source_files_and_keeps_the_teachers_own_files(
    source, source_owner, remix, remix_owner
):
    live_files = file_state(remix)
    publish_new_version(
        source,
        source_owner,
        remove=["les.md"],
        add=[text_upload("les.md", "# Les\nStap 1\nStap 2b\n"), upload("extra.pdf")],
    )
    new_files = {
        row.original_name: row.stored_file_id for row in source.versions.get(number=2).files.all()
    }

    draft = source_update_pull(source=remix.sources.get(), user=remix_owner)

    assert names(remix) == ["breuken.pdf", "les.md", "woordenlijst.pdf", "extra.pdf"]
    les = next(f for f in draft.files.all() if f.original_name == "les.md")
    assert les.stored_file_id == new_files["les.md"]
    remix.refresh_from_db()
    assert file_state(remix) == live_files
    assert remix.live and remix.has_unpublished_changes


def test_pulling_drops_files_the_source_dropped(source, source_owner, remix, remix_owner):
    publish_new_version(source, source_owner, remove=["breuken.pdf"])

    source_update_pull(source=remix.sources.get(), user=remix_owner)

    assert names(remix) == ["les.md", "woordenlijst.pdf"]


def test_pulling_keeps_the_remix_metadata_and_prefills_the_change_note(
    source, source_owner, remix, remix_owner
):
    publish_new_version(source, source_owner, data={"title": "Breuken", "summary": "Anders."})

    draft = source_update_pull(source=remix.sources.get(), user=remix_owner)

    assert draft.title == "Breuken voor nieuwkomers"
    assert draft.summary == "Oefeningen met breuken voor groep 6."
    assert draft.change_note == "Nieuwe versie van bron ‘Breuken’ (v2) overgenomen"


def test_pulling_moves_the_source_row_to_the_new_version(source, source_owner, remix, remix_owner):
    publish_new_version(source, source_owner, data={"title": "Breuken", "licence": "cc-by-sa-4.0"})
    material_save_draft(material=remix, user=remix_owner, data={"licence": "cc-by-sa-4.0"})

    source_update_pull(source=remix.sources.get(), user=remix_owner)

    row = remix.sources.get()
    version = source.versions.get(number=2)
    assert (row.version_number, row.seen_version_number, row.source_version) == (2, 2, version)
    assert (row.title, row.licence) == ("Breuken", "cc-by-sa-4.0")
    assert source_updates_due(remix_owner) == []


def test_pulling_is_refused_when_the_new_source_licence_forbids_adaptations(
    source, source_owner, remix, remix_owner
):
    publish_new_version(
        source, source_owner, add=[upload("extra.pdf")], data={"licence": "cc-by-nd-4.0"}
    )
    before = names(remix)

    with pytest.raises(SourceUpdateRefused, match="geen bewerkingen"):
        source_update_pull(source=remix.sources.get(), user=remix_owner)

    assert names(remix) == before
    assert remix.sources.get().version_number == 1


def test_pulling_is_refused_when_the_remix_licence_no_longer_fits(
    source, source_owner, remix, remix_owner
):
    publish_new_version(source, source_owner, data={"licence": "cc-by-sa-4.0"})

    with pytest.raises(SourceUpdateRefused, match="Kies eerst een licentie"):
        source_update_pull(source=remix.sources.get(), user=remix_owner)

    assert remix.sources.get().version_number == 1


def test_pulling_without_a_newer_version_is_refused(remix, remix_owner):
    with pytest.raises(SourceUpdateRefused):
        source_update_pull(source=remix.sources.get(), user=remix_owner)


def test_another_teacher_cannot_pull_or_dismiss(source, source_owner, remix):
    publish_new_version(source, source_owner, add=[upload("extra.pdf")])
    other = TeacherFactory()

    with pytest.raises(PermissionDenied):
        source_update_pull(source=remix.sources.get(), user=other)
    with pytest.raises(PermissionDenied):
        source_update_dismiss(source=remix.sources.get(), user=other)

    assert "extra.pdf" not in names(remix)
    assert remix.sources.get().seen_version_number == 1


def test_a_co_author_may_pull(source, source_owner, remix_owner):
    remix = make_remix_row(source, remix_owner)
    co_author = TeacherFactory()
    material_save_draft(material=remix, user=remix_owner, data={"co_authors": [co_author]})
    publish_new_version(source, source_owner, add=[upload("extra.pdf")])

    source_update_pull(source=remix.sources.get(), user=co_author)

    assert "extra.pdf" in names(remix)


def test_dismissing_sets_only_the_seen_version(source, source_owner, remix, remix_owner):
    publish_new_version(source, source_owner, add=[upload("extra.pdf")])
    files = names(remix)

    source_update_dismiss(source=remix.sources.get(), user=remix_owner)

    row = remix.sources.get()
    assert (row.version_number, row.seen_version_number) == (1, 2)
    assert names(remix) == files
    assert source_updates_due(remix_owner) == []


def test_a_dismissed_source_notifies_again_for_a_later_version(
    source, source_owner, remix, remix_owner, django_capture_on_commit_callbacks
):
    publish_new_version(source, source_owner)
    source_update_dismiss(source=remix.sources.get(), user=remix_owner)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        publish_new_version(source, source_owner)

    assert [message.to for message in mail.outbox] == [[remix_owner.email]]
    assert [row.newest_number for row in source_updates_due(remix_owner)] == [3]


def test_pull_plan_leaves_out_new_versions_of_files_the_teacher_removed():
    old = [FileRow(1, "a.md", "main"), FileRow(2, "b.md", "main")]
    new = [FileRow(3, "a.md", "main"), FileRow(4, "b.md", "main")]
    draft = [FileRow(1, "a.md", "attachment"), FileRow(9, "eigen.pdf", "main")]

    plan = pull_plan(draft=draft, old=old, new=new)

    assert plan.files == [FileRow(3, "a.md", "attachment"), FileRow(9, "eigen.pdf", "main")]
    assert plan.skipped == [FileRow(4, "b.md", "main")]


def test_pull_plan_follows_a_file_the_source_renamed():
    plan = pull_plan(
        draft=[FileRow(1, "oud.md", "main")],
        old=[FileRow(1, "oud.md", "main")],
        new=[FileRow(1, "nieuw.md", "main")],
    )

    assert plan.files == [FileRow(1, "nieuw.md", "main")]
    assert plan.replaced == [(FileRow(1, "oud.md", "main"), FileRow(1, "nieuw.md", "main"))]


# The review page: who may see it, and what pulling and dismissing do through it.


def update_url(remix) -> str:
    return reverse("repository:source_update", args=[remix.pk, remix.sources.get().pk])


@pytest.fixture
def updated(source, source_owner, remix):
    publish_new_version(
        source,
        source_owner,
        remove=["les.md"],
        add=[text_upload("les.md", "# Les\nStap 1\nStap 2b\n")],
        data={"title": "Breuken vergelijken en ordenen"},
    )
    return remix


def test_anonymous_visitor_is_sent_to_log_in_and_nothing_changes(client, updated):
    before = names(updated)

    response = client.post(update_url(updated), {"action": "pull"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert names(updated) == before
    assert updated.sources.get().version_number == 1


def test_another_teacher_is_refused_the_review_page_and_the_pull(client, updated):
    client.force_login(TeacherFactory())
    before = names(updated)

    assert client.get(update_url(updated)).status_code == 403
    assert client.post(update_url(updated), {"action": "pull"}).status_code == 403
    assert names(updated) == before


def test_another_teacher_gets_not_found_for_an_unpublished_remix(client, source, source_owner):
    remix = make_remix_row(source, TeacherFactory())
    publish_new_version(source, source_owner)
    client.force_login(TeacherFactory())

    assert client.get(update_url(remix)).status_code == 404


def test_a_source_row_of_another_remix_is_not_found(
    client, source, source_owner, remix, remix_owner
):
    others = make_remix_row(source, TeacherFactory(), title="Van een ander")
    publish_new_version(source, source_owner)
    client.force_login(remix_owner)

    url = reverse("repository:source_update", args=[remix.pk, others.sources.get().pk])
    assert client.post(url, {"action": "dismiss"}).status_code == 404
    assert others.sources.get().seen_version_number == 1


def test_review_page_shows_the_changes_and_what_pulling_does(
    client, updated, remix_owner, django_assert_max_num_queries
):
    client.force_login(remix_owner)
    url = update_url(updated)
    client.get(url)  # the first request also loads the site and its settings

    # Remix, source, versions, their files, stored files, the draft; the rest is layout.
    with django_assert_max_num_queries(18):
        response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nieuwe opgaven" in html
    assert "Breuken vergelijken en ordenen" in html
    assert "je eigen bestand, blijft" in html
    assert '<del><span class="visually-hidden">weggehaald: </span>Stap 2</del>' in html
    assert '<ins><span class="visually-hidden">nieuw: </span>Stap 2b</ins>' in html
    assert 'value="pull"' in html


def test_review_page_explains_a_licence_refusal_and_offers_no_pull(
    client, source, source_owner, remix, remix_owner
):
    publish_new_version(source, source_owner, data={"licence": "cc-by-nd-4.0"})
    client.force_login(remix_owner)

    html = client.get(update_url(remix)).content.decode()

    assert "staat geen bewerkingen toe" in html
    assert 'value="pull"' not in html
    assert 'value="dismiss"' in html


def test_pulling_through_the_page_opens_the_draft(client, updated, remix_owner):
    client.force_login(remix_owner)

    response = client.post(update_url(updated), {"action": "pull"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("repository:material_edit", args=[updated.pk])
    assert "staat nu in het concept van je bewerking" in response.content.decode()
    assert updated.sources.get().version_number == 2


def test_a_refused_pull_through_the_page_shows_why(
    client, source, source_owner, remix, remix_owner
):
    publish_new_version(source, source_owner, data={"licence": "cc-by-sa-4.0"})
    client.force_login(remix_owner)

    response = client.post(update_url(remix), {"action": "pull"}, follow=True)

    assert "Kies eerst een licentie" in response.content.decode()
    assert remix.sources.get().version_number == 1


def test_dismissing_through_the_page_returns_to_the_dashboard(client, updated, remix_owner):
    client.force_login(remix_owner)

    response = client.post(update_url(updated), {"action": "dismiss"})

    assert response.url == reverse("repository:my_materials")
    assert updated.sources.get().seen_version_number == 2


def test_an_unknown_action_changes_nothing(client, updated, remix_owner):
    client.force_login(remix_owner)

    response = client.post(update_url(updated), {"action": "alles"}, follow=True)

    assert "Kies of je de nieuwe versie overneemt" in response.content.decode()
    row = updated.sources.get()
    assert (row.version_number, row.seen_version_number) == (1, 1)


def test_dashboard_shows_the_notice_to_the_remix_owner_only(client, updated, remix_owner):
    client.force_login(remix_owner)
    html = client.get(reverse("repository:my_materials")).content.decode()
    assert "Nieuwe versie van een bron" in html
    assert update_url(updated) in html

    client.force_login(TeacherFactory())
    assert (
        "Nieuwe versie van een bron"
        not in client.get(reverse("repository:my_materials")).content.decode()
    )


def dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("repository:my_materials"))
    return len(queries)


def test_dashboard_reads_notices_without_a_query_per_remix(
    client, source, source_owner, remix_owner
):
    make_remix_row(source, remix_owner, title="Bewerking 0")
    publish_new_version(source, source_owner)
    client.force_login(remix_owner)
    client.get(reverse("repository:my_materials"))  # the first request also loads the site
    one_notice = dashboard_queries(client)
    for number in range(1, 4):
        make_remix_row(source, remix_owner, title=f"Bewerking {number}")
    # The new remixes start from version 2; a third version makes all four due.
    publish_new_version(source, source_owner)

    assert dashboard_queries(client) == one_notice
    response = client.get(reverse("repository:my_materials"))
    assert len(response.context["source_updates"]) == 4


def test_edit_page_shows_the_notice_at_the_top(client, updated, remix_owner):
    client.force_login(remix_owner)

    html = client.get(reverse("repository:material_edit", args=[updated.pk])).content.decode()

    assert html.index("Nieuwe versie van een bron") < html.index("materiaalformulier")
    assert update_url(updated) in html


def test_remix_state_is_untouched_by_looking_at_the_review_page(client, updated, remix_owner):
    revision = Material.objects.get(pk=updated.pk).latest_revision_id
    client.force_login(remix_owner)

    client.get(update_url(updated))

    assert Material.objects.get(pk=updated.pk).latest_revision_id == revision
