from django.core.files.storage import storages

import pytest

from tests.accounts.factories import EditorFactory, ReviewerFactory, UserFactory
from tests.repository.factories import published_material

pytestmark = pytest.mark.django_db


def take_down_url(stored_file):
    return f"/admin/bestanden/{stored_file.pk}/verwijderen/"


def test_administrator_takes_a_file_down_with_a_reason(
    client, home_page, django_capture_on_commit_callbacks
):
    stored = published_material(ReviewerFactory()).versions.get().files.get().stored_file
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(take_down_url(stored), {"reason": "Gegronde melding van inbreuk"})

    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.is_removed and stored.removed_by == admin
    assert stored.removal_reason == "Gegronde melding van inbreuk"
    assert not storages["materials"].exists(stored.storage_name)


def test_takedown_without_a_reason_is_refused_with_a_message(client, home_page):
    stored = published_material(ReviewerFactory()).versions.get().files.get().stored_file
    client.force_login(UserFactory(is_superuser=True))

    response = client.post(take_down_url(stored), {"reason": ""})

    assert response.status_code == 200
    stored.refresh_from_db()
    assert not stored.is_removed


@pytest.mark.parametrize("factory", [EditorFactory, ReviewerFactory])
def test_editors_and_reviewers_cannot_take_files_down(client, home_page, factory):
    stored = published_material(ReviewerFactory()).versions.get().files.get().stored_file
    client.force_login(factory())

    response = client.post(take_down_url(stored), {"reason": "Weg ermee"})

    assert response.status_code in (302, 403)
    stored.refresh_from_db()
    assert not stored.is_removed


def test_anonymous_visitor_cannot_list_files(client, home_page):
    response = client.get("/admin/bestanden/")

    assert response.status_code == 302
    assert "/account/login/" in response.url
