from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm

from metadata.models import ConceptScheme


class VocabularyAdminForm(WagtailAdminModelForm):
    """Lock the fields other systems use to find a vocabulary entry once it is saved."""

    locked_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        for name in self.locked_fields:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Ligt vast na het opslaan: andere systemen vinden het begrip hieraan terug."
                )


class ConceptSchemeAdminForm(VocabularyAdminForm):
    locked_fields = ("slug", "uri")


class ConceptAdminForm(VocabularyAdminForm):
    locked_fields = ("scheme", "identifier", "uri")


class ConceptChooserFilterForm(BaseFilterForm):
    """Search concepts by label, notation or identifier, and narrow them to one list."""

    q = forms.CharField(
        label=_("Zoekterm"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Zoeken")}),
    )
    scheme = forms.ModelChoiceField(
        label=_("Lijst"), queryset=ConceptScheme.objects.all(), required=False
    )

    def filter(self, objects):
        objects = super().filter(objects)
        if scheme := self.cleaned_data.get("scheme"):
            objects = objects.filter(scheme=scheme)
        if query := self.cleaned_data.get("q"):
            objects = objects.matching(query)
            self.is_searching = True
            self.search_query = query
        return objects
