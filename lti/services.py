"""Writes for the LTI tool: signing keys, registrations, used nonces and launch counts."""

import hashlib
import json
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwcrypto.jwk import JWK

from lti.models import Deployment, LaunchCount, Registration, ToolKey, UsedNonce

RSA_KEY_BITS = 2048


class NonceAlreadyUsed(Exception):
    pass


def _tool_key_create(*, status: str) -> ToolKey:
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_KEY_BITS)
    pem = private_key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    ).decode("ascii")
    jwk = JWK.from_pem(pem.encode("ascii"))
    kid = jwk.thumbprint()
    public_jwk = {**json.loads(jwk.export_public()), "kid": kid, "alg": "RS256", "use": "sig"}
    key = ToolKey(kid=kid, private_key_pem=pem, public_jwk=public_jwk, status=status)
    key.full_clean()
    key.save()
    return key


@transaction.atomic
def tool_keys_rotate() -> ToolKey:
    """Retire the previous key, demote current, promote next, create a new next; return current.

    The JWKS publishes next, current and previous, so platforms that cache it already know
    the key we sign with after a rotation, and can still check what we signed just before.
    """
    ToolKey.objects.filter(status=ToolKey.Status.PREVIOUS).delete()
    ToolKey.objects.filter(status=ToolKey.Status.CURRENT).update(status=ToolKey.Status.PREVIOUS)
    ToolKey.objects.filter(status=ToolKey.Status.NEXT).update(status=ToolKey.Status.CURRENT)
    current = ToolKey.objects.filter(status=ToolKey.Status.CURRENT).first()
    if current is None:
        current = _tool_key_create(status=ToolKey.Status.CURRENT)
    _tool_key_create(status=ToolKey.Status.NEXT)
    return current


def tool_key_current() -> ToolKey:
    """Return the key we sign with, creating the first key pair on first use."""
    current = ToolKey.objects.filter(status=ToolKey.Status.CURRENT).first()
    if current is not None:
        return current
    try:
        with transaction.atomic():
            return tool_keys_rotate()
    except IntegrityError:
        # Another request created the first keys at the same moment.
        return ToolKey.objects.get(status=ToolKey.Status.CURRENT)


@transaction.atomic
def registration_save_dynamic(
    *,
    name: str,
    issuer: str,
    client_id: str,
    auth_login_url: str,
    auth_token_url: str,
    key_set_url: str,
    deployment_id: str | None,
) -> Registration:
    """Store what a platform returned from dynamic registration; a repeat updates its endpoints."""
    registration = Registration.objects.filter(issuer=issuer, client_id=client_id).first()
    if registration is None:
        registration = Registration(issuer=issuer, client_id=client_id, name=name)
    registration.auth_login_url = auth_login_url
    registration.auth_token_url = auth_token_url
    registration.key_set_url = key_set_url
    registration.active = True
    registration.registered_dynamically = True
    registration.full_clean()
    registration.save()
    if deployment_id and not registration.deployments.filter(deployment_id=deployment_id).exists():
        deployment = Deployment(registration=registration, deployment_id=deployment_id)
        deployment.full_clean()
        deployment.save()
    return registration


def nonce_consume(*, registration: Registration, nonce: str, expires_at: datetime) -> None:
    """Record the nonce of an accepted id_token; raise NonceAlreadyUsed if it was seen before."""
    now = timezone.now()
    UsedNonce.objects.filter(expires_at__lt=now).delete()
    try:
        with transaction.atomic():
            UsedNonce.objects.create(
                registration=registration,
                nonce_sha256=hashlib.sha256(nonce.encode()).hexdigest(),
                expires_at=max(expires_at, now),
            )
    except IntegrityError as error:
        raise NonceAlreadyUsed(nonce) from error


@transaction.atomic
def launch_count_increment(*, material, registration: Registration) -> None:
    """Count one more opening of the material from this learning environment."""
    counter, created = LaunchCount.objects.get_or_create(
        material=material, registration=registration, defaults={"count": 1}
    )
    if not created:
        LaunchCount.objects.filter(pk=counter.pk).update(
            count=F("count") + 1, last_launched_at=timezone.now()
        )
