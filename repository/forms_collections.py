"""Forms of the collection pages; they validate input, the collection services do the writing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from metadata.licence_compatibility import LicenceDecision
from metadata.licences import LICENCES
from repository.forms import (
    ConceptMultipleChoiceField,
    LicenceRadioSelect,
    MaterialForm,
    OptionGroup,
)
from repository.models import Collection
from repository.selectors import concepts_for_picker

NEW_COLLECTION = "nieuw"


class CollectionForm(forms.Form):
    """A collection's metadata; the licence choices are those its items allow."""

    title = forms.CharField(
        label=_("Titel"),
        max_length=255,
        error_messages={"required": _("Geef het arrangement een titel.")},
    )
    summary = forms.CharField(
        label=_("Samenvatting"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén of twee zinnen: waar gaat de lessenreeks over en voor wie is die?"),
    )
    description = forms.CharField(
        label=_("Beschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Hoe gebruik je de lessenreeks? Wat heb je nodig?"),
    )
    levels = ConceptMultipleChoiceField(
        label=_("Onderwijsniveaus"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    subjects = ConceptMultipleChoiceField(
        label=_("Vakken"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    language = forms.ChoiceField(label=_("Taal"))
    licence = forms.ChoiceField(
        label=_("Licentie"),
        widget=LicenceRadioSelect,
        error_messages={
            "required": _("Kies een licentie."),
            "invalid_choice": _(
                "Deze licentie past niet bij de leermiddelen in je arrangement. Kies een van de "
                "licenties in de lijst."
            ),
        },
    )
    visibility = forms.ChoiceField(
        label=_("Wie mag het arrangement zien?"),
        choices=Collection.Visibility.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, collection: Collection, decision: LicenceDecision, **kwargs):
        self.decision = decision
        initial = {
            "title": collection.title,
            "summary": collection.summary,
            "description": collection.description,
            "language": collection.language,
            "licence": collection.licence,
            "visibility": collection.visibility,
        }
        if collection.pk:
            initial["levels"] = [concept.pk for concept in collection.levels.all()]
            initial["subjects"] = [concept.pk for concept in collection.subjects.all()]
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        carried = {name: kwargs["initial"].get(name, []) for name in ("levels", "subjects")}
        self.fields["levels"].queryset = concepts_for_picker("levels", keep=carried["levels"])
        self.fields["subjects"].queryset = concepts_for_picker("subjects", keep=carried["subjects"])
        self.fields["language"].choices = MaterialForm._language_choices(collection.language)
        self.fields["licence"].choices = [
            (code, LICENCES[code].label) for code in decision.licences
        ]
        if not decision.licences:
            self.fields["licence"].required = False

    @property
    def licence_options(self) -> list[tuple]:
        """Each licence radio button with the licence it stands for."""
        return [(option, LICENCES[option.data["value"]]) for option in self["licence"]]

    @property
    def level_groups(self) -> list[OptionGroup]:
        return [OptionGroup(legend="", options=list(self["levels"]))]

    @property
    def subject_groups(self) -> list[OptionGroup]:
        return [OptionGroup(legend="", options=list(self["subjects"]))]

    @property
    def licence_reasons(self) -> list[str]:
        return [str(reason) for reason in self.decision.reasons]


class ItemForm(forms.Form):
    """An item's note, and a section's heading."""

    title = forms.CharField(label=_("Kop van het onderdeel"), max_length=255, required=False)
    note = forms.CharField(
        label=_("Notitie"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class SectionForm(forms.Form):
    # The edit page also holds the collection's own title field.
    prefix = "kop"

    title = forms.CharField(
        label=_("Kop van het onderdeel"),
        max_length=255,
        error_messages={"required": _("Geef het onderdeel een kop.")},
        help_text=_("Bijvoorbeeld: Week 1, of: Introductie."),
    )
    note = forms.CharField(
        label=_("Notitie bij het onderdeel"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MaterialSearchForm(forms.Form):
    zoek = forms.CharField(
        label=_("Zoek een gepubliceerd leermiddel op titel"), max_length=200, required=False
    )


class AddToCollectionForm(forms.Form):
    """Choose one of my collections, or a new one, for a material."""

    collection = forms.ChoiceField(label=_("Voeg toe aan arrangement"))

    def __init__(self, *args, choices: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collection"].choices = [
            *((str(pk), title) for pk, title in choices),
            (NEW_COLLECTION, _("Nieuw arrangement")),
        ]
