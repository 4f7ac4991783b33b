from django import forms
from django.utils.translation import gettext_lazy as _

from metadata.models import Concept


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
