from pathlib import Path

from django.db import transaction

import pytest

from metadata.importers.slo import slo_vocabularies_import

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SLO_DIRECTORY = SHARED / "vocabularies" / "slo"


def skip_without_shared():
    if not SHARED.is_dir():
        pytest.skip(f"the shared folder {SHARED} is missing, so SLO's files are not available")


@pytest.fixture
def slo_directory() -> Path:
    """SLO's published files in ../shared; skip when the shared folder is not there."""
    skip_without_shared()
    return SLO_DIRECTORY


@pytest.fixture(scope="module")
def slo_import(django_db_setup, django_db_blocker):
    """Import SLO's real files once per module; each test's own changes roll back as usual."""
    skip_without_shared()
    # Like setUpTestData: the tests' transactions nest inside this one, which is rolled back.
    with django_db_blocker.unblock(), transaction.atomic():
        yield slo_vocabularies_import(directory=SLO_DIRECTORY)
        transaction.set_rollback(True)
