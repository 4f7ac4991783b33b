"""Forms of the teacher-facing repository pages; they validate input, services do the writing."""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from metadata.licence_compatibility import LicenceDecision
from metadata.licences import LICENCES, OFFERED_LICENCES
from metadata.models import Concept
from repository.filetypes import ALLOWED_TYPES
from repository.models import Material
from repository.selectors import concepts_for_picker, verified_users_by_email

# What a submission needs, in the order the checklist shows it; the service decides what is missing.
SUBMISSION_CHECKLIST = (
    ("title", _("Titel")),
    ("summary", _("Samenvatting")),
    ("files", _("Minstens één bestand")),
    ("levels", _("Onderwijsniveau")),
    ("subjects", _("Vak")),
    ("language", _("Taal")),
    ("licence", _("Licentie")),
)

# Presentation only: the schema.org accessibility features grouped the way teachers think of them.
ACCESSIBILITY_FEATURE_GROUPS = (
    (
        _("Afbeeldingen en weergave"),
        {
            "alternativeText",
            "longDescription",
            "highContrastDisplay",
            "largePrint",
            "displayTransformability",
            "braille",
            "tactileGraphic",
            "tactileObject",
        },
    ),
    (
        _("Geluid en video"),
        {
            "audioDescription",
            "captions",
            "closedCaptions",
            "openCaptions",
            "transcript",
            "signLanguage",
            "highContrastAudio",
            "synchronizedAudioText",
        },
    ),
    (
        _("Structuur en navigatie"),
        {
            "structuralNavigation",
            "tableOfContents",
            "index",
            "readingOrder",
            "pageBreakMarkers",
            "printPageNumbers",
            "pageNavigation",
            "taggedPDF",
            "ARIA",
            "annotations",
            "ttsMarkup",
        },
    ),
    (_("Wiskunde en scheikunde"), {"describedMath", "MathML", "latex", "ChemML"}),
)

FORM_ID = "materiaalformulier"

CONCEPT_FIELDS = {
    "levels": "levels",
    "subjects": "subjects",
    "curriculum_goals": "curriculum-goals",
    "resource_types": "resource-types",
    "end_user_roles": "end-user-roles",
    "accessibility_features": "accessibility-features",
    "accessibility_hazards": "accessibility-hazards",
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files; Django's upload handlers stream each one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        clean_one = super().clean
        items = list(data) if isinstance(data, list | tuple) else [data] if data else []
        if not items:
            clean_one(None, initial)  # raises "required"
            return []
        return [clean_one(item, initial) for item in items]


def _accepted_extensions() -> str:
    extensions = (ext for file_type in ALLOWED_TYPES.values() for ext in file_type.extensions)
    return ",".join(f".{extension}" for extension in extensions)


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Kies bestanden"),
        error_messages={"required": _("Kies minstens één bestand.")},
        help_text=_(
            "Je kunt meer bestanden tegelijk kiezen. Toegestaan zijn onder meer PDF, ODF- en "
            "Office-documenten, EPUB, afbeeldingen, geluid, video, tekst en H5P."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].widget.attrs["accept"] = _accepted_extensions()


class LicenceRadioSelect(forms.RadioSelect):
    """Radio buttons whose inputs point at the plain-language explanation of their licence."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if option["attrs"].get("id"):
            option["attrs"]["aria-describedby"] = f"{option['attrs']['id']}_explanation"
        return option


class ConceptMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Concept) -> str:
        return obj.label


class CurriculumGoalChoiceField(ConceptMultipleChoiceField):
    def label_from_instance(self, obj: Concept) -> str:
        return f"{obj.notation}: {obj.label}" if obj.notation else obj.label


@dataclass
class OptionGroup:
    """A labelled group of checkboxes within one vocabulary picker."""

    legend: str
    options: list = field(default_factory=list)


def _split_addresses(value: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", value) if part]


def _split_keywords(value: str) -> list[str]:
    keywords, seen = [], set()
    for part in value.split(","):
        keyword = " ".join(part.split())[:100]
        if keyword and keyword.lower() not in seen:
            seen.add(keyword.lower())
            keywords.append(keyword)
    return keywords


class MaterialForm(forms.Form):
    """A material's metadata; nothing but the title is required until it is submitted."""

    title = forms.CharField(
        label=_("Titel"),
        max_length=255,
        error_messages={"required": _("Geef het leermiddel een titel.")},
    )
    summary = forms.CharField(
        label=_("Samenvatting"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén of twee zinnen: wat is het en voor wie?"),
    )
    description = forms.CharField(
        label=_("Beschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Hoe gebruik je het in de les? Wat heb je nodig?"),
    )
    levels = ConceptMultipleChoiceField(
        label=_("Onderwijsniveaus"),
        queryset=Concept.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies een heel niveau of alleen de leerjaren waarvoor het bedoeld is."),
    )
    subjects = ConceptMultipleChoiceField(
        label=_("Vakken"),
        queryset=Concept.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    curriculum_goals = CurriculumGoalChoiceField(
        label=_("Kerndoelen"),
        queryset=Concept.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_(
            "Kies de kerndoelen waar dit leermiddel aan bijdraagt. Houd Ctrl (of Cmd op een Mac) "
            "ingedrukt om er meer dan één te kiezen."
        ),
    )
    resource_types = ConceptMultipleChoiceField(
        label=_("Soort leermiddel"),
        queryset=Concept.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    end_user_roles = ConceptMultipleChoiceField(
        label=_("Bedoeld voor"),
        queryset=Concept.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    time_required = forms.IntegerField(
        label=_("Benodigde tijd in minuten"),
        required=False,
        min_value=1,
        max_value=100_000,
        help_text=_("Ongeveer hoe lang leerlingen ermee bezig zijn."),
    )
    language = forms.ChoiceField(label=_("Taal van het leermiddel"), required=False)
    keywords = forms.CharField(
        label=_("Trefwoorden"),
        required=False,
        help_text=_("Scheid trefwoorden met komma's, bijvoorbeeld: breuken, rekenen, groep 6."),
    )
    licence = forms.ChoiceField(
        label=_("Licentie"),
        required=False,
        widget=LicenceRadioSelect,
        help_text=_("Met de licentie bepaal je wat anderen met je leermiddel mogen doen."),
    )
    accessibility_features = ConceptMultipleChoiceField(
        label=_("Wat maakt het toegankelijk?"),
        queryset=Concept.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    accessibility_hazards = ConceptMultipleChoiceField(
        label=_("Risico's bij gebruik"),
        queryset=Concept.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    accessibility_summary = forms.CharField(
        label=_("Toelichting op de toegankelijkheid"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    co_authors = forms.CharField(
        label=_("Mede-auteurs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "autocomplete": "off", "spellcheck": "false"}),
        help_text=_(
            "Het e-mailadres van elke collega die het leermiddel mag bewerken, één per regel. "
            "Je collega moet al een account met een bevestigd e-mailadres hebben."
        ),
    )
    change_note = forms.CharField(
        label=_("Wat is er veranderd?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vertel in een paar woorden wat er anders is dan in de vorige versie."),
    )
    # The draft revision this form was filled from: a save over a newer one is refused.
    based_on_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args,
        material: Material,
        is_new_version: bool = False,
        remix_licences: LicenceDecision | None = None,
        based_on_revision: int | None = None,
        **kwargs,
    ):
        self.material = material
        self.is_new_version = is_new_version
        self._option_groups = {}
        kwargs.setdefault("initial", self._initial_from(material))
        super().__init__(*args, **kwargs)
        self.initial["based_on_revision"] = based_on_revision
        for name, scheme in CONCEPT_FIELDS.items():
            carried = [concept.pk for concept in getattr(material, name).all()]
            self.fields[name].queryset = concepts_for_picker(scheme, keep=carried)
        self.fields["language"].choices = self._language_choices(material.language)
        self.fields["licence"].choices = self._licence_choices(material.licence)
        if remix_licences is not None:
            self._limit_licences_for_remix(remix_licences)
        if is_new_version:
            # The note sits with the new version's files, outside the <form> element.
            self.fields["change_note"].widget.attrs["form"] = FORM_ID
        else:
            del self.fields["change_note"]

    def _initial_from(self, material: Material) -> dict:
        initial = {
            name: getattr(material, name)
            for name in (
                "title",
                "summary",
                "description",
                "time_required",
                "language",
                "licence",
                "accessibility_summary",
            )
        }
        for name in CONCEPT_FIELDS:
            initial[name] = [concept.pk for concept in getattr(material, name).all()]
        initial["keywords"] = ", ".join(tag.name for tag in material.keywords.all())
        initial["co_authors"] = "\n".join(user.email for user in material.co_authors.all())
        # A new version starts with an empty note, not the note of the version now live.
        initial["change_note"] = material.change_note if material.has_unpublished_changes else ""
        return initial

    @staticmethod
    def _language_choices(current: str) -> list[tuple[str, str]]:
        choices = [
            (concept.identifier, concept.label)
            for concept in Concept.objects.active().in_scheme("languages").order_by("sort_order")
        ]
        if current and current not in {code for code, _label in choices}:
            choices.insert(0, (current, current))
        return choices

    @staticmethod
    def _licence_choices(current: str) -> list[tuple[str, str]]:
        codes = list(OFFERED_LICENCES)
        if current in LICENCES and current not in codes:
            # An imported 3.0 licence stays selectable, so saving does not change it unasked.
            codes.append(current)
        return [(code, LICENCES[code].label) for code in codes]

    def _limit_licences_for_remix(self, decision: LicenceDecision) -> None:
        """Offer a remix only the licences all its sources allow, and say why."""
        field = self.fields["licence"]
        field.choices = [(code, LICENCES[code].label) for code in decision.licences]
        field.help_text = " ".join(
            [
                str(
                    _("Je bewerking krijgt een licentie die past bij de licenties van de bronnen.")
                ),
                *(str(reason) for reason in decision.reasons),
            ]
        )
        field.error_messages["invalid_choice"] = _(
            "Deze licentie past niet bij de bronnen van je bewerking. Kies een van de licenties "
            "hieronder."
        )

    def clean_keywords(self) -> list[str]:
        return _split_keywords(self.cleaned_data["keywords"])

    def clean_co_authors(self) -> list:
        addresses = _split_addresses(self.cleaned_data["co_authors"])
        invalid = []
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                invalid.append(address)
        if invalid:
            raise ValidationError(
                _("Dit is geen geldig e-mailadres: %(addresses)s."),
                params={"addresses": ", ".join(invalid)},
                code="invalid",
            )
        users = verified_users_by_email(addresses)
        unknown = [address for address in addresses if address.lower() not in users]
        if unknown:
            raise ValidationError(
                _(
                    "We vinden geen account met een bevestigd e-mailadres voor: %(addresses)s. "
                    "Vraag je collega eerst een account aan te maken."
                ),
                params={"addresses": ", ".join(unknown)},
                code="unknown",
            )
        co_authors = []
        for user in users.values():
            if user.pk != self.material.owner_id and user not in co_authors:
                co_authors.append(user)
        return co_authors

    def service_data(self) -> dict:
        """Return the cleaned values in the shape `material_save_draft` takes."""
        data = dict(self.cleaned_data)
        data.pop("based_on_revision", None)
        for optional in ("language", "licence"):
            if not data.get(optional):
                data.pop(optional, None)
        return data

    def rebase(self, revision_id: int) -> None:
        """Carry a newer revision id, so the editor's next save is a deliberate overwrite."""
        self.data = self.data.copy()
        self.data[self.add_prefix("based_on_revision")] = str(revision_id)

    def option_groups(self, name: str) -> list[OptionGroup]:
        """Return the checkboxes of a vocabulary field, grouped for display."""
        if name not in self._option_groups:
            self._option_groups[name] = self._group_options(name)
        return self._option_groups[name]

    def _group_options(self, name: str) -> list[OptionGroup]:
        widgets = {option.data["value"].value: option for option in self[name]}
        concepts = list(self.fields[name].queryset)
        if name == "levels":
            return _level_groups(concepts, widgets)
        if name == "accessibility_features":
            return _named_groups(concepts, widgets, ACCESSIBILITY_FEATURE_GROUPS)
        return [OptionGroup(legend="", options=[widgets[c.pk] for c in concepts])]

    @property
    def grouped_options(self) -> "_GroupedOptions":
        """Let templates write `form.grouped_options.levels`."""
        return _GroupedOptions(self)

    @property
    def licence_options(self) -> list[tuple]:
        """Each licence radio button with the licence it stands for."""
        return [(option, LICENCES[option.data["value"]]) for option in self["licence"]]

    @property
    def required_for_submission(self) -> set[str]:
        return {key for key, _label in SUBMISSION_CHECKLIST}

    def first_control_id(self, name: str) -> str:
        """Return the id of the control an error summary should link to."""
        bound = self[name]
        if isinstance(self.fields[name].widget, forms.CheckboxSelectMultiple):
            groups = self.option_groups(name)
            options = [option for group in groups for option in group.options]
            if options:
                return options[0].id_for_label
        if isinstance(self.fields[name].widget, forms.RadioSelect):
            options = list(bound)
            if options:
                return options[0].id_for_label
        return bound.id_for_label


class _GroupedOptions:
    def __init__(self, form: MaterialForm):
        self.form = form

    def __getitem__(self, name: str) -> list[OptionGroup]:
        return self.form.option_groups(name)


def _level_groups(concepts: list[Concept], widgets: dict) -> list[OptionGroup]:
    """Group levels by parent: a level with year levels under it heads their group."""
    children = defaultdict(list)
    for concept in concepts:
        children[concept.parent_id].append(concept)
    in_a_group = set()
    groups = []
    for concept in concepts:
        leaves = [child for child in children[concept.pk] if not children[child.pk]]
        if leaves:
            groups.append(
                OptionGroup(
                    legend=concept.label,
                    options=[widgets[concept.pk], *(widgets[leaf.pk] for leaf in leaves)],
                )
            )
            in_a_group.update([concept.pk, *(leaf.pk for leaf in leaves)])
    rest = [widgets[c.pk] for c in concepts if c.pk not in in_a_group]
    if rest:
        groups.append(OptionGroup(legend=str(_("Andere onderwijsniveaus")), options=rest))
    return groups


def _named_groups(concepts: list[Concept], widgets: dict, named) -> list[OptionGroup]:
    groups = [OptionGroup(legend=str(legend)) for legend, _identifiers in named]
    rest = OptionGroup(legend=str(_("Overig")))
    for concept in concepts:
        for group, (_legend, identifiers) in zip(groups, named, strict=True):
            if concept.identifier in identifiers:
                group.options.append(widgets[concept.pk])
                break
        else:
            rest.options.append(widgets[concept.pk])
    return [group for group in (*groups, rest) if group.options]


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom trek je het leermiddel in?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Niet verplicht. Je reden wordt bewaard bij het leermiddel."),
    )
