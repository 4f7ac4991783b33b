"""A teacher cannot flood storage: uploads are refused, before anything is stored, once their
materials hold their quota or once they have uploaded too many files this hour. Editors have no
quota. The dashboard shows how much of the quota is used."""

from unittest import mock

from django.urls import reverse

import pytest

from repository import quota
from repository.models import StoredFile
from tests.accounts.factories import EditorFactory, TeacherFactory
from tests.repository.factories import draft_material, upload

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def teacher(client):
    user = TeacherFactory()
    client.force_login(user)
    return user


def post_new(client, *files, json=True):
    return client.post(
        reverse("repository:material_upload"), {"files": list(files)}, **(JSON if json else {})
    )


def post_added(client, material, *files):
    return client.post(
        reverse("repository:material_file_add", args=[material.pk]), {"files": list(files)}, **JSON
    )


def text_file(name: str, size: int):
    return upload(name, (name.encode() + b"\n").ljust(size, b"a"))


def test_an_upload_over_the_quota_is_refused_in_dutch_and_nothing_is_stored(
    settings, client, teacher
):
    settings.UPLOAD_QUOTA_BYTES = 1000

    response = post_new(client, text_file("groot.txt", 1001))

    assert response.status_code == 400
    assert response.json()["errors"][0].startswith("Je opslagruimte is vol")
    assert not StoredFile.objects.exists()


def test_an_upload_within_the_quota_is_stored(settings, client, teacher):
    settings.UPLOAD_QUOTA_BYTES = 1000

    response = post_new(client, text_file("klein.txt", 1000))

    assert response.status_code == 201
    assert StoredFile.objects.count() == 1


def test_files_already_in_the_teachers_materials_count_towards_the_quota(settings, client, teacher):
    material = draft_material(teacher, files=[text_file("eerste.txt", 600)])
    settings.UPLOAD_QUOTA_BYTES = 1000

    response = post_added(client, material, text_file("tweede.txt", 500))

    assert response.status_code == 400
    assert "Je opslagruimte is vol" in response.json()["errors"][0]
    assert StoredFile.objects.count() == 1


def test_the_same_file_in_two_materials_counts_once(teacher):
    data = b"Dezelfde les\n" * 50
    draft_material(teacher, files=[upload("a.txt", data)])
    draft_material(teacher, files=[upload("b.txt", data)])

    assert quota.storage_used_bytes(teacher) == len(data)


def test_files_in_another_teachers_materials_do_not_count(teacher):
    draft_material(TeacherFactory(), files=[text_file("ander.txt", 700)])

    assert quota.storage_used_bytes(teacher) == 0


def test_of_several_files_only_those_that_fit_are_stored(settings, client, teacher):
    settings.UPLOAD_QUOTA_BYTES = 1000

    response = post_new(client, text_file("een.txt", 600), text_file("twee.txt", 600))

    assert response.status_code == 400
    assert [f["name"] for f in response.json()["files"]] == ["een.txt"]
    assert StoredFile.objects.count() == 1


def test_the_plain_form_shows_the_quota_message_on_the_page(settings, client, teacher):
    settings.UPLOAD_QUOTA_BYTES = 1000

    response = post_new(client, text_file("groot.txt", 2000), json=False)

    assert response.status_code == 400
    assert "Je opslagruimte is vol" in response.content.decode()


def test_editors_have_no_quota(settings, client):
    editor = EditorFactory()
    client.force_login(editor)
    settings.UPLOAD_QUOTA_BYTES = 1000

    quota.upload_allowance_check(editor, size=10_000)

    assert quota.storage_use(editor).limit is None


def test_uploads_beyond_the_hourly_rate_are_refused(settings, client, teacher):
    settings.UPLOAD_RATE_PER_HOUR = 2
    material = draft_material(teacher)
    post_added(client, material, text_file("een.txt", 10))
    post_added(client, material, text_file("twee.txt", 10))

    response = post_added(client, material, text_file("drie.txt", 10))

    assert response.status_code == 400
    assert "afgelopen uur al 2 bestanden" in response.json()["errors"][0]
    assert StoredFile.objects.count() == 3  # the draft's own file and two of the three


def test_the_hourly_rate_counts_per_teacher(settings, client, teacher):
    settings.UPLOAD_RATE_PER_HOUR = 1
    post_new(client, text_file("een.txt", 10))
    other = TeacherFactory()
    client.force_login(other)

    response = post_new(client, text_file("twee.txt", 10))

    assert response.status_code == 201


def test_the_hourly_rate_starts_afresh_in_the_next_hour(settings, client, teacher):
    settings.UPLOAD_RATE_PER_HOUR = 1
    with mock.patch("repository.quota.time.time", return_value=7200.0):
        post_new(client, text_file("een.txt", 10))
    with mock.patch("repository.quota.time.time", return_value=7200.0 + 3600):
        response = post_new(client, text_file("twee.txt", 10))

    assert response.status_code == 201


def test_the_dashboard_shows_how_much_of_the_quota_is_used(settings, client, teacher):
    settings.UPLOAD_QUOTA_BYTES = 10 * 1024 * 1024
    draft_material(teacher, files=[text_file("les.txt", 2048)])

    page = client.get(reverse("repository:my_materials")).content.decode()

    assert "Opslagruimte: 2,0\xa0KB van 10,0\xa0MB gebruikt." in page
