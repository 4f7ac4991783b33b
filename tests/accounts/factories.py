from django.contrib.auth.models import Group

import factory
from allauth.account.models import EmailAddress

from accounts.models import User
from accounts.roles import EDITORS, REVIEWERS, TEACHERS


def add_roles(user, create, role_names):
    if create and role_names:
        user.groups.add(*Group.objects.filter(name__in=role_names))


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a verified e-mail address (pass verified=False for one without)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@school.example")
    display_name = factory.Faker("name", locale="nl_NL")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        add_roles(user, create, extracted)


class TeacherFactory(UserFactory):
    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        add_roles(user, create, extracted or [TEACHERS])


class ReviewerFactory(UserFactory):
    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        add_roles(user, create, extracted or [TEACHERS, REVIEWERS])


class EditorFactory(UserFactory):
    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        add_roles(user, create, extracted or [EDITORS])
