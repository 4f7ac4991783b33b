"""LTI 1.3: the learning environments we are registered with, our signing keys, and usage."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


def url_origin(url: str) -> str:
    """Return scheme://host[:port] of a URL, lower-cased, or "" when it has none."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower()


def validate_origin_lines(value: str) -> None:
    for line in value.splitlines():
        line = line.strip()
        if not line:
            continue
        parts = urlsplit(line)
        if parts.scheme not in ("https", "http") or not parts.netloc or parts.path not in ("", "/"):
            raise ValidationError(
                _("%(line)s is geen adres als https://leeromgeving.example.nl."),
                params={"line": line},
            )


class Registration(ClusterableModel):
    """One learning environment (LMS) registered with this tool through LTI 1.3: a koppeling."""

    name = models.CharField(_("naam"), max_length=200)
    issuer = models.URLField(
        _("issuer"),
        max_length=255,
        help_text=_(
            "Het platform-ID (iss) van de leeromgeving, bijvoorbeeld het adres van Moodle."
        ),
    )
    client_id = models.CharField(_("client-ID"), max_length=255)
    auth_login_url = models.URLField(
        _("authenticatie-URL (OIDC)"),
        max_length=500,
        help_text=_("Moodle: https://moodle.example.nl/mod/lti/auth.php"),
    )
    auth_token_url = models.URLField(
        _("token-URL"),
        max_length=500,
        help_text=_("Moodle: https://moodle.example.nl/mod/lti/token.php"),
    )
    key_set_url = models.URLField(
        _("JWKS-URL (publieke sleutels)"),
        max_length=500,
        help_text=_("Moodle: https://moodle.example.nl/mod/lti/certs.php"),
    )
    extra_origins = models.TextField(
        _("extra adressen van de leeromgeving"),
        blank=True,
        validators=[validate_origin_lines],
        help_text=_(
            "Eén per regel. Alleen nodig als de leeromgeving op een ander adres draait dan "
            "het issuer, zoals bij Canvas (https://school.instructure.com)."
        ),
    )
    active = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_("Een inactieve koppeling weigert elke start vanuit de leeromgeving."),
    )
    registered_dynamically = models.BooleanField(
        _("automatisch gekoppeld"), default=False, editable=False
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "client_id"], name="lti_registration_unique_client"
            )
        ]

    def __str__(self):
        return self.name

    def platform_origins(self) -> list[str]:
        """Return the origins the learning environment shows us from, for frame-ancestors."""
        origins = [url_origin(self.issuer), url_origin(self.auth_login_url)]
        origins += [url_origin(line) for line in self.extra_origins.splitlines()]
        return list(dict.fromkeys(origin for origin in origins if origin))


class Deployment(models.Model):
    """A placement of the tool within a registration (a whole site, a category, a course)."""

    registration = ParentalKey(Registration, on_delete=models.CASCADE, related_name="deployments")
    deployment_id = models.CharField(_("deployment-ID"), max_length=255)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("deployment")
        verbose_name_plural = _("deployments")
        ordering = ["registration", "deployment_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "deployment_id"], name="lti_deployment_unique_id"
            )
        ]

    def __str__(self):
        return self.deployment_id


class ToolKey(models.Model):
    """An RSA key pair of this tool; rotation moves next → current → previous."""

    class Status(models.TextChoices):
        NEXT = "next", _("volgende")
        CURRENT = "current", _("huidige")
        PREVIOUS = "previous", _("vorige")

    kid = models.CharField(_("sleutel-ID (kid)"), max_length=100, unique=True)
    private_key_pem = models.TextField(_("private sleutel (PEM)"))
    public_jwk = models.JSONField(_("publieke sleutel (JWK)"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("sleutel van de tool")
        verbose_name_plural = _("sleutels van de tool")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["status"], name="lti_toolkey_one_per_status")
        ]

    def __str__(self):
        return f"{self.kid} ({self.get_status_display()})"


class UsedNonce(models.Model):
    """A nonce of an accepted id_token, kept until the token has expired so it cannot return."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    # Hashed: nonces have no length limit, and the value itself is never needed again.
    nonce_sha256 = models.CharField(max_length=64)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("gebruikte nonce")
        verbose_name_plural = _("gebruikte nonces")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "nonce_sha256"], name="lti_nonce_single_use"
            )
        ]

    def __str__(self):
        return self.nonce_sha256


class LaunchCount(models.Model):
    """How often a material was opened from one learning environment; no personal data."""

    material = models.ForeignKey(
        "repository.Material", on_delete=models.CASCADE, related_name="lti_launch_counts"
    )
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="launch_counts"
    )
    count = models.PositiveIntegerField(_("aantal keer geopend"), default=0)
    last_launched_at = models.DateTimeField(_("laatst geopend op"), auto_now=True)

    class Meta:
        verbose_name = _("gebruik via een leeromgeving")
        verbose_name_plural = _("gebruik via leeromgevingen")
        constraints = [
            models.UniqueConstraint(
                fields=["material", "registration"], name="lti_launchcount_unique"
            )
        ]

    def __str__(self):
        return f"{self.material_id} @ {self.registration_id}: {self.count}"
