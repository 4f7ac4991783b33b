"""Forms for experiences, problem reports and their moderation; services do the writing."""

import time

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from metadata.models import Concept
from repository.models import Feedback, Report
from repository.services.feedback import contains_link

PUBLIC_COMMENT_MAX_LENGTH = 500
# People need a few seconds to read and answer; scripts post at once.
MIN_FILL_SECONDS = 3
MAX_FILL_SECONDS = 2 * 3600
STARTED_SALT = "repository.forms_feedback.started"


def form_started_token(material_id: int, *, started: float | None = None) -> str:
    """Sign when the form was shown, so a submission can prove a human took some time."""
    return signing.dumps(
        {"material": material_id, "started": started if started is not None else time.time()},
        salt=STARTED_SALT,
    )


class LevelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Concept) -> str:
        return obj.label


class TeacherFeedbackForm(forms.Form):
    """ "Ik heb dit gebruikt": a teacher's experience in class."""

    level = LevelChoiceField(
        label=_("Onderwijsniveau"),
        queryset=Concept.objects.none(),
        required=False,
        empty_label=_("Kies een niveau"),
        help_text=_("Bij welke groep of welk leerjaar heb je het gebruikt?"),
    )
    class_context = forms.CharField(
        label=_("Klas of groep"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: groep 6, 24 leerlingen, twee lessen van 45 minuten."),
    )
    outcome = forms.TypedChoiceField(
        label=_("Hoe ging het?"),
        choices=Feedback.Outcome.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe het ging.")},
    )
    adaptations = forms.CharField(
        label=_("Wat heb je aangepast?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Zo kunnen collega's en de auteurs ervan leren."),
    )
    would_use_again = forms.ChoiceField(
        label=_("Zou je het opnieuw gebruiken?"),
        choices=Feedback.Again.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of je het opnieuw zou gebruiken.")},
    )
    comment = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Wat werkte goed, wat niet? Andere leraren en de auteurs lezen mee. Met een link "
            "erin kijkt de redactie eerst mee."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = (
            Concept.objects.active().in_scheme("levels").order_by("sort_order", "label_nl")
        )


class HumanCheckForm(forms.Form):
    """A honeypot and a signed start time: two cheap checks against scripts, no personal data."""

    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, material_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.material_id = material_id
        # Rendered by hand, so every showing of the form carries a fresh start time.
        self.started_token = form_started_token(material_id)

    def clean(self):
        cleaned = super().clean()
        if self.data.get("website"):
            raise ValidationError(
                _("Je bericht kon niet worden verstuurd. Laat het laatste veld leeg."),
                code="honeypot",
            )
        try:
            started = signing.loads(self.data.get("started", ""), salt=STARTED_SALT)
        except signing.BadSignature:
            raise ValidationError(
                _("Het formulier is niet compleet. Laad de pagina opnieuw en verstuur het dan."),
                code="started",
            ) from None
        elapsed = time.time() - started.get("started", 0)
        if started.get("material") != self.material_id or elapsed > MAX_FILL_SECONDS:
            raise ValidationError(
                _("Het formulier is verlopen. Controleer je antwoorden en verstuur het opnieuw."),
                code="expired",
            )
        if elapsed < MIN_FILL_SECONDS:
            raise ValidationError(
                _("Dat ging erg snel. Controleer je antwoorden en verstuur het opnieuw."),
                code="too_fast",
            )
        return cleaned


class PublicFeedbackForm(HumanCheckForm):
    """The short form for students and parents: a few choices and an optional comment."""

    role = forms.ChoiceField(
        label=_("Wie ben je?"),
        choices=[
            (Feedback.Role.STUDENT, _("Ik ben leerling")),
            (Feedback.Role.PARENT, _("Ik ben ouder of verzorger")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of je leerling of ouder bent.")},
    )
    helpful = forms.ChoiceField(
        label=_("Hielp dit leermiddel bij het leren?"),
        choices=Feedback.Helpful.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of het hielp.")},
    )
    comment = forms.CharField(
        label=_("Wil je nog iets vertellen?"),
        required=False,
        max_length=PUBLIC_COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": PUBLIC_COMMENT_MAX_LENGTH}),
        help_text=_(
            "Niet verplicht. Hoogstens 500 tekens. Schrijf geen namen, e-mailadressen of links."
        ),
        error_messages={
            "max_length": _("Je toelichting is te lang: hoogstens %(limit_value)d tekens.")
        },
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if contains_link(comment):
            raise ValidationError(
                _("Links zijn hier niet toegestaan. Haal de link weg en verstuur het opnieuw."),
                code="link",
            )
        return comment


class ReportForm(HumanCheckForm):
    """ "Meld een probleem": open to anyone, read by the editors only."""

    reason = forms.ChoiceField(
        label=_("Wat is het probleem?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat het probleem is.")},
    )
    description = forms.CharField(
        label=_("Toelichting"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Waar zit het probleem, bijvoorbeeld op welke bladzijde?"),
        error_messages={"required": _("Beschrijf kort wat er niet klopt.")},
    )
    contact_email = forms.EmailField(
        label=_("Je e-mailadres"),
        required=False,
        help_text=_(
            "Niet verplicht. Alleen als je wilt horen wat we ermee doen. Alleen de redactie "
            "ziet dit."
        ),
        error_messages={"invalid": _("Vul een geldig e-mailadres in, of laat het veld leeg.")},
    )


class ReportFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Nog niet afgehandeld")), ("alle", _("Alle")), *Report.Status.choices],
        required=False,
    )
    reason = forms.ChoiceField(
        label=_("Soort probleem"),
        choices=[("", _("Alle")), *Report.Reason.choices],
        required=False,
    )


class ReportHandleForm(forms.Form):
    """An editor moves a report on: in progress, resolved or dismissed, with a note."""

    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=[
            (Report.Status.IN_PROGRESS, Report.Status.IN_PROGRESS.label),
            (Report.Status.RESOLVED, Report.Status.RESOLVED.label),
            (Report.Status.DISMISSED, Report.Status.DISMISSED.label),
        ],
        widget=forms.RadioSelect,
    )
    resolution_note = forms.CharField(
        label=_("Afhandeling"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Wat is er gedaan? Bij opgelost of afgewezen verplicht; wie een e-mailadres "
            "achterliet, krijgt deze tekst."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        closing = cleaned.get("status") in (Report.Status.RESOLVED, Report.Status.DISMISSED)
        if closing and not cleaned.get("resolution_note", "").strip():
            self.add_error("resolution_note", _("Schrijf kort wat er met de melding is gedaan."))
        return cleaned


class FeedbackFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Feedback.Status.choices,
        required=False,
    )
    role = forms.ChoiceField(
        label=_("Van"),
        choices=[("", _("Iedereen")), *Feedback.Role.choices],
        required=False,
    )


class ExportForm(forms.Form):
    year = forms.IntegerField(
        label=_("Jaar"),
        required=False,
        min_value=2000,
        max_value=2100,
        help_text=_("Leeg laten voor alle jaren."),
        error_messages={"invalid": _("Vul een jaartal in, bijvoorbeeld 2026.")},
    )
