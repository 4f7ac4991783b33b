"""Writes to accounts and roles."""

import logging

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from allauth.account.models import EmailAddress

from accounts.models import User
from accounts.roles import (
    COLLECTION_PERMISSION_APPS,
    PAGE_PERMISSION_CODENAMES,
    REVIEWERS,
    ROLE_PERMISSIONS,
    TEACHERS,
)

logger = logging.getLogger(__name__)


def roles_sync(*, using: str = "default") -> None:
    """Create the role groups and make sure each holds at least its permissions.

    Permissions that do not exist yet (an app not migrated so far) are skipped; the next
    migrate adds them. Permissions an administrator added by hand are left alone.
    """
    root_page = Page.objects.using(using).filter(depth=1).first()
    root_collection = Collection.objects.using(using).filter(depth=1).first()
    for role, dotted_names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=role)
        for dotted in dotted_names:
            app_label, codename = dotted.split(".")
            permission = (
                Permission.objects.using(using)
                .filter(content_type__app_label=app_label, codename=codename)
                .first()
            )
            if permission is None:
                continue
            if app_label == "wagtailcore" and codename in PAGE_PERMISSION_CODENAMES:
                if root_page is not None:
                    GroupPagePermission.objects.using(using).get_or_create(
                        group=group, page=root_page, permission=permission
                    )
            elif app_label in COLLECTION_PERMISSION_APPS:
                if root_collection is not None:
                    GroupCollectionPermission.objects.using(using).get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )
            else:
                group.permissions.add(permission)


def user_has_role(user, role: str) -> bool:
    return user.is_authenticated and user.groups.filter(name=role).exists()


def user_grant_teacher_role(*, user: User) -> None:
    """Make a user with a verified e-mail address a teacher."""
    if not EmailAddress.objects.filter(user=user, verified=True).exists():
        raise PermissionDenied("A teacher must have a verified e-mail address.")
    user.groups.add(Group.objects.get(name=TEACHERS))


@transaction.atomic
def user_set_reviewer_role(*, user: User, granted_by: User, reviewer: bool) -> None:
    """Grant or withdraw the reviewer role; only editors (or admins) may do this."""
    if not granted_by.has_perm("accounts.grant_reviewer_role"):
        raise PermissionDenied("Only editors may grant the reviewer role.")
    group = Group.objects.get(name=REVIEWERS)
    if reviewer:
        if not EmailAddress.objects.filter(user=user, verified=True).exists():
            raise PermissionDenied("A reviewer must have a verified e-mail address.")
        user.groups.add(group)
    else:
        user.groups.remove(group)
    logger.info(
        "reviewer role %s for user %s by user %s",
        "granted" if reviewer else "withdrawn",
        user.pk,
        granted_by.pk,
    )


@transaction.atomic
def user_update_profile(
    *,
    user: User,
    display_name: str,
    school: str,
    expertise_subjects,
    expertise_levels,
) -> User:
    user.display_name = display_name
    user.school = school
    user.full_clean()
    user.save(update_fields=["display_name", "school"])
    user.expertise_subjects.set(expertise_subjects)
    user.expertise_levels.set(expertise_levels)
    return user


@transaction.atomic
def demo_user_ensure(
    *, email: str, password: str, display_name: str, roles: list[str], superuser: bool = False
) -> User:
    """Create or reset a demo account with a verified address and the given roles."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, username=email.split("@")[0])
    user.display_name = display_name
    user.is_superuser = superuser
    user.is_staff = superuser
    user.is_active = True
    user.set_password(password)
    user.full_clean()
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    user.groups.add(*Group.objects.filter(name__in=roles))
    return user
