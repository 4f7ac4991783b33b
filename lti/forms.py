"""Forms of the deep-linking picker: search, then choose one or several materials or collections."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lti.selectors import picker_concepts
from metadata.models import LEVELS, SUBJECTS
from repository.models import Collection, Material


class PickerSearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek op titel of samenvatting"), required=False, max_length=200)
    niveau = forms.ModelChoiceField(
        label=_("Onderwijsniveau"),
        queryset=None,
        required=False,
        empty_label=_("Alle niveaus"),
    )
    vak = forms.ModelChoiceField(
        label=_("Vak"), queryset=None, required=False, empty_label=_("Alle vakken")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["niveau"].queryset = picker_concepts(LEVELS)
        self.fields["vak"].queryset = picker_concepts(SUBJECTS)

    def filters(self) -> dict:
        """Return the search as keyword arguments for picker_materials; empty when invalid."""
        if not self.is_valid():
            return {}
        level, subject = self.cleaned_data["niveau"], self.cleaned_data["vak"]
        return {
            "query": self.cleaned_data["q"],
            "level": level.pk if level else None,
            "subject": subject.pk if subject else None,
        }


class PickerSelectionForm(forms.Form):
    """The chosen materials and collections; a platform that accepts one item gets exactly one."""

    materials = forms.ModelMultipleChoiceField(
        label=_("Leermiddelen"), queryset=Material.objects.none(), required=False
    )
    collections = forms.ModelMultipleChoiceField(
        label=_("Arrangementen"), queryset=Collection.objects.none(), required=False
    )

    def __init__(self, *args, accept_multiple: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.accept_multiple = accept_multiple
        self.fields["materials"].queryset = Material.objects.published()
        self.fields["collections"].queryset = Collection.objects.public()

    def _in_submitted_order(self, name: str) -> list:
        chosen = {choice.pk: choice for choice in self.cleaned_data[name]}
        submitted = [
            int(value) for value in self.data.getlist(name) if value.isascii() and value.isdigit()
        ]
        # Keep the order the teacher saw them in.
        return [chosen[pk] for pk in dict.fromkeys(submitted) if pk in chosen]

    def clean_materials(self) -> list[Material]:
        return self._in_submitted_order("materials")

    def clean_collections(self) -> list[Collection]:
        return self._in_submitted_order("collections")

    def clean(self):
        cleaned = super().clean()
        count = len(cleaned.get("materials") or []) + len(cleaned.get("collections") or [])
        if not self.errors and count == 0:
            self.add_error("materials", _("Kies een leermiddel of een arrangement."))
        elif count > 1 and not self.accept_multiple:
            self.add_error(
                "materials", _("Je leeromgeving neemt één leermiddel tegelijk aan. Kies er één.")
            )
        return cleaned
