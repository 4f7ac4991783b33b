from django.contrib.auth.models import Group

from wagtail.models import GroupCollectionPermission, GroupPagePermission

import pytest

from accounts.roles import EDITORS, REVIEWERS, TEACHERS

pytestmark = pytest.mark.django_db


def test_the_three_role_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {TEACHERS, REVIEWERS, EDITORS}


def test_editors_may_grant_the_reviewer_role_and_use_the_admin():
    permissions = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=EDITORS).permissions.all()
    }
    assert {"accounts.grant_reviewer_role", "wagtailadmin.access_admin"} <= permissions


def test_editors_may_publish_pages_from_the_root_down():
    codenames = set(
        GroupPagePermission.objects.filter(group__name=EDITORS, page__depth=1).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= codenames


def test_editors_may_manage_images_and_documents_in_the_root_collection():
    codenames = set(
        GroupCollectionPermission.objects.filter(
            group__name=EDITORS, collection__depth=1
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_image", "choose_image", "add_document", "choose_document"} <= codenames


def test_reviewers_and_teachers_may_not_grant_roles():
    for role in (REVIEWERS, TEACHERS):
        group = Group.objects.get(name=role)
        assert not group.permissions.filter(codename="grant_reviewer_role").exists()


def test_editors_maintain_vocabularies_but_cannot_delete_terms():
    codenames = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))

    assert {"add_concept", "change_concept", "change_conceptscheme"} <= codenames
    assert "delete_concept" not in codenames
