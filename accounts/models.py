"""Accounts: one user model for every role, with the profile used to match reviewers."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account; roles come from groups (see accounts.roles)."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    display_name = models.CharField(
        _("weergavenaam"),
        max_length=150,
        blank=True,
        help_text=_("Zo zien anderen je naam bij leermiddelen en beoordelingen."),
    )
    school = models.CharField(_("school of organisatie"), max_length=200, blank=True)
    expertise_subjects = models.ManyToManyField(
        "metadata.Concept",
        blank=True,
        related_name="+",
        limit_choices_to={"scheme__slug": "subjects", "active": True},
        verbose_name=_("vakken waarin je deskundig bent"),
    )
    expertise_levels = models.ManyToManyField(
        "metadata.Concept",
        blank=True,
        related_name="+",
        limit_choices_to={"scheme__slug": "levels", "active": True},
        verbose_name=_("onderwijsniveaus waarin je deskundig bent"),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        permissions = [("grant_reviewer_role", _("Kan de rol beoordelaar toekennen"))]

    def __str__(self):
        return self.name

    def get_full_name(self) -> str:
        return self.display_name or super().get_full_name()

    @property
    def name(self) -> str:
        """Return the name to show publicly: display name, full name, or e-mail's local part."""
        return self.get_full_name() or self.email.split("@")[0]
