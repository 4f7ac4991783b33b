from datetime import timedelta

from django.utils import timezone

import pytest

from lti.models import LaunchCount, UsedNonce
from lti.selectors import material_launch_count
from lti.services import NonceAlreadyUsed, launch_count_increment, nonce_consume

pytestmark = pytest.mark.django_db


def test_a_nonce_can_be_used_only_once(registration):
    expires = timezone.now() + timedelta(minutes=5)
    nonce_consume(registration=registration, nonce="n-1", expires_at=expires)

    with pytest.raises(NonceAlreadyUsed):
        nonce_consume(registration=registration, nonce="n-1", expires_at=expires)


def test_nonces_are_stored_hashed_and_expired_ones_are_swept(registration):
    nonce_consume(
        registration=registration, nonce="old", expires_at=timezone.now() - timedelta(minutes=1)
    )
    nonce_consume(
        registration=registration, nonce="new", expires_at=timezone.now() + timedelta(minutes=5)
    )

    [stored] = UsedNonce.objects.all()
    assert stored.nonce_sha256 != "new" and len(stored.nonce_sha256) == 64


def test_launches_are_counted_per_material_and_registration(registration, material):
    launch_count_increment(material=material, registration=registration)
    launch_count_increment(material=material, registration=registration)

    assert LaunchCount.objects.get().count == 2


def test_a_material_never_launched_was_used_in_no_lessons(material):
    assert material_launch_count(material) == 0
