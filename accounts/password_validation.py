"""Password rules with messages in the site's own Dutch."""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule; its Dutch message went missing when Django changed the wording."""

    def get_error_message(self):
        return ngettext(
            "Dit wachtwoord is te kort: het moet minimaal %(min_length)d teken bevatten.",
            "Dit wachtwoord is te kort: het moet minimaal %(min_length)d tekens bevatten.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Je wachtwoord moet minimaal %(min_length)d teken bevatten.",
            "Je wachtwoord moet minimaal %(min_length)d tekens bevatten.",
            self.min_length,
        ) % {"min_length": self.min_length}
