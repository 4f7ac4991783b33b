from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from allauth.account.forms import LoginForm as AllauthLoginForm

from accounts.throttling import LoginThrottled, login_throttle_check
from metadata.models import Concept


def _refuse_while_locked(request, identifier) -> None:
    """Say why a locked log-in is refused, before any password is checked."""
    try:
        login_throttle_check(request, identifier or "")
    except LoginThrottled as throttled:
        raise forms.ValidationError(str(throttled), code="throttled") from None


class LoginForm(AllauthLoginForm):
    """The site's log-in form (django-allauth), refused with a clear message while locked."""

    def clean(self):
        _refuse_while_locked(self.request, self.data.get("login"))
        return super().clean()


class AdminLoginForm(WagtailLoginForm):
    """The Wagtail admin's log-in form, under the same lockout as the site's."""

    def clean(self):
        _refuse_while_locked(self.request, self.data.get("username"))
        return super().clean()


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label=_("Weergavenaam"),
        max_length=150,
        required=False,
        help_text=_("Zo zien anderen je naam bij leermiddelen en beoordelingen."),
    )
    school = forms.CharField(label=_("School of organisatie"), max_length=200, required=False)
    expertise_subjects = forms.ModelMultipleChoiceField(
        label=_("Vakken waarin je deskundig bent"),
        queryset=Concept.objects.active().in_scheme("subjects"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expertise_levels = forms.ModelMultipleChoiceField(
        label=_("Onderwijsniveaus waarin je deskundig bent"),
        queryset=Concept.objects.active().in_scheme("levels"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ReviewerRoleForm(forms.Form):
    user = forms.IntegerField(widget=forms.HiddenInput)
    reviewer = forms.BooleanField(required=False, widget=forms.HiddenInput)
