import pytest

from tests.accounts.factories import TeacherFactory


@pytest.fixture
def teacher(db):
    return TeacherFactory()


@pytest.fixture
def other_teacher(db):
    return TeacherFactory()
