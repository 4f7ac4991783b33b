"""Versions of the quality framework: immutable once published, found as the current one."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from cms.models import QualityCriterion, QualityFrameworkPage
from tests.accounts.factories import EditorFactory
from tests.cms.factories import QualityFrameworkPageFactory, criteria, sector, small_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return small_site()


def published_version(parent, **kwargs) -> QualityFrameworkPage:
    version = QualityFrameworkPageFactory(parent=parent, live=False, **kwargs)
    version.save_revision().publish()
    return QualityFrameworkPage.objects.get(pk=version.pk)


def test_publishing_a_version_puts_it_in_use(site):
    version = published_version(site.framework)

    assert version.locked_as_reference
    assert version.is_in_use()


def test_a_draft_version_is_not_in_use_and_can_change(site):
    version = QualityFrameworkPageFactory(parent=site.framework, live=False)
    version.title = "Kwaliteitskader, concept"

    version.full_clean()

    assert not version.is_in_use()


def test_a_scheduled_version_comes_into_use_when_it_goes_live(site):
    version = QualityFrameworkPageFactory(parent=site.framework, live=False)
    version.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = version.save_revision()

    revision.publish()
    version.refresh_from_db()
    assert not version.is_in_use()

    version.go_live_at = None
    version.save_revision().publish()
    version.refresh_from_db()
    assert version.is_in_use()


def test_a_version_in_use_cannot_change_its_criteria_in_place(site):
    version = published_version(site.framework)
    changed = list(version.criteria.all())
    changed[0].title = "Een andere titel"
    version.criteria = changed

    with pytest.raises(ValidationError, match="in gebruik"):
        version.full_clean()


def test_a_version_in_use_cannot_get_an_extra_criterion(site):
    version = published_version(site.framework)
    version.criteria = [*version.criteria.all(), *criteria(4)[3:]]

    with pytest.raises(ValidationError, match="in gebruik"):
        version.full_clean()


def test_a_version_in_use_cannot_change_the_sectors_of_a_criterion(site):
    version = published_version(site.framework)
    changed = list(version.criteria.all())
    changed[0].sectors = [sector("pro")]
    version.criteria = changed

    with pytest.raises(ValidationError, match="in gebruik"):
        version.save_revision()


def test_a_version_in_use_refuses_a_new_revision_with_changes(site):
    version = published_version(site.framework)
    version.introduction = "<p>Herschreven.</p>"

    with pytest.raises(ValidationError):
        version.save_revision().publish()

    version.refresh_from_db()
    assert version.introduction == "<p>Een versie van het kader.</p>"


def test_an_old_draft_revision_cannot_take_a_version_out_of_use(site):
    version = QualityFrameworkPageFactory(parent=site.framework, live=False)
    draft = version.save_revision()
    version.save_revision().publish()

    restored = QualityFrameworkPage.objects.get(pk=version.pk).specific
    from_draft = restored.with_content_json(draft.content)

    assert from_draft.locked_as_reference


def test_saving_a_version_in_use_without_changes_is_allowed(site):
    version = published_version(site.framework)
    version.locked = True

    version.save()

    assert QualityFrameworkPage.objects.get(pk=version.pk).locked


def test_nobody_may_edit_unpublish_or_delete_a_version_in_use(site):
    version = published_version(site.framework)
    editor = EditorFactory()
    permissions = version.permissions_for_user(editor)

    assert not permissions.can_edit()
    assert not permissions.can_unpublish()
    assert not permissions.can_delete()


def test_editors_may_still_edit_a_draft_version(site):
    version = QualityFrameworkPageFactory(parent=site.framework, live=False)

    assert version.permissions_for_user(EditorFactory()).can_edit()


def test_the_admin_refuses_to_open_a_version_in_use_for_editing(client, site):
    version = published_version(site.framework)
    client.force_login(EditorFactory())

    response = client.get(f"/admin/pages/{version.pk}/edit/")

    # Wagtail answers a refused admin page with a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert QualityFrameworkPage.objects.get(pk=version.pk).latest_revision_id == (
        version.latest_revision_id
    )


def test_copying_a_version_in_use_gives_a_draft_for_the_next_version(site):
    version = published_version(site.framework)

    copy = version.copy(
        update_attrs={"slug": "versie-2", "title": "Versie 2", "version_label": "2.0"},
        keep_live=False,
    ).specific

    assert not copy.is_in_use()
    assert not copy.live
    assert [c.code for c in copy.criteria.all()] == [c.code for c in version.criteria.all()]
    assert QualityFrameworkPage.objects.get(pk=version.pk).is_in_use()


def test_current_is_the_newest_published_version(site):
    first = published_version(site.framework, slug="v1")
    newest = published_version(site.framework, slug="v2")
    QualityFrameworkPageFactory(parent=site.framework, slug="v3-concept", live=False)

    assert QualityFrameworkPage.objects.current() == newest
    assert first.is_in_use()


def test_there_is_no_current_version_before_the_first_publication(site):
    QualityFrameworkPageFactory(parent=site.framework, live=False)

    assert QualityFrameworkPage.objects.current() is None


def test_criteria_keep_their_order_grouped_by_theme_in_order_of_appearance(site):
    mixed = [
        ("K1", "Inhoud"),
        ("K2", "Didactiek"),
        ("K3", "Inhoud"),
        ("K4", "Toegankelijkheid"),
        ("K5", "Didactiek"),
    ]
    version = QualityFrameworkPageFactory(
        parent=site.framework,
        criteria=[
            QualityCriterion(sort_order=index, code=code, theme=theme_name, title=code)
            for index, (code, theme_name) in enumerate(mixed)
        ],
    )

    grouped = [
        (theme_name, [c.code for c in items]) for theme_name, items in version.criteria_by_theme()
    ]

    assert grouped == [
        ("Inhoud", ["K1", "K3"]),
        ("Didactiek", ["K2", "K5"]),
        ("Toegankelijkheid", ["K4"]),
    ]


def test_criterion_codes_are_unique_within_a_version(site):
    version = QualityFrameworkPageFactory(parent=site.framework, live=False)
    version.criteria = [*version.criteria.all(), *criteria(1)]

    with pytest.raises(ValidationError, match="dubbel: K1"):
        version.full_clean()
