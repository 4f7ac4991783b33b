"""Forms for the public site: listing filters and site search, both carried in the URL."""

from django import forms
from django.utils.translation import gettext_lazy as _

from metadata.models import SECTORS, THEMES, Concept


class ConceptChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class ListingFilterForm(forms.Form):
    """Narrow a listing to one sector and one theme; unknown values are ignored."""

    sector = ConceptChoiceField(
        queryset=Concept.objects.none(),
        to_field_name="identifier",
        required=False,
        label=_("Sector"),
        empty_label=_("Alle sectoren"),
    )
    theme = ConceptChoiceField(
        queryset=Concept.objects.none(),
        to_field_name="identifier",
        required=False,
        label=_("Thema"),
        empty_label=_("Alle thema's"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = Concept.objects.active().in_scheme(SECTORS)
        self.fields["theme"].queryset = Concept.objects.active().in_scheme(THEMES)

    def chosen(self) -> tuple[Concept | None, Concept | None]:
        """Return the chosen sector and theme, None for each that is missing or unknown."""
        self.is_valid()
        return self.cleaned_data.get("sector"), self.cleaned_data.get("theme")


class SiteSearchForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=200,
        label=_("Zoekterm"),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def query(self) -> str:
        if not self.is_valid():
            return ""
        return self.cleaned_data["q"].strip()
