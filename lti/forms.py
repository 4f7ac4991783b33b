"""Forms of the deep-linking picker: search the materials, then choose one or several."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lti.selectors import picker_concepts
from metadata.models import LEVELS, SUBJECTS
from repository.models import Material


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
    """The chosen materials; a platform that accepts one item gets exactly one."""

    materials = forms.ModelMultipleChoiceField(
        label=_("Leermiddelen"),
        queryset=Material.objects.none(),
        error_messages={"required": _("Kies een leermiddel.")},
    )

    def __init__(self, *args, accept_multiple: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.accept_multiple = accept_multiple
        self.fields["materials"].queryset = Material.objects.published()

    def clean_materials(self) -> list[Material]:
        chosen = {material.pk: material for material in self.cleaned_data["materials"]}
        if len(chosen) > 1 and not self.accept_multiple:
            raise ValidationError(
                _("Je leeromgeving neemt één leermiddel tegelijk aan. Kies er één.")
            )
        # Keep the order the teacher saw them in.
        submitted = [
            int(value)
            for value in self.data.getlist("materials")
            if value.isascii() and value.isdigit()
        ]
        return [chosen[pk] for pk in dict.fromkeys(submitted) if pk in chosen]
