"""The browse and search form: words, facet values and an order, all carried in the URL."""

from django import forms
from django.utils.translation import gettext_lazy as _

from repository.selectors.search import FACETS, SORTS, MaterialQuery

QUERY_MAX_LENGTH = 200
# More values than any facet offers; bounds the SQL a crafted URL can ask for.
MAX_VALUES_PER_FACET = 50
MAX_CODE_LENGTH = 32
MAX_CONCEPT_ID = 2**31 - 1


class MaterialSearchForm(forms.Form):
    """Read a search from the URL; unknown facet values and orders are ignored, not errors."""

    q = forms.CharField(
        required=False,
        max_length=QUERY_MAX_LENGTH,
        label=_("Zoek in leermiddelen"),
        error_messages={
            "max_length": _(
                "Gebruik hoogstens %(limit_value)d tekens; je zoekterm telt er %(show_value)d."
            ),
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    sort = forms.CharField(required=False, label=_("Sorteer op"))

    def clean_sort(self) -> str:
        sort = self.cleaned_data.get("sort", "")
        return sort if sort in SORTS else ""

    def material_query(self) -> MaterialQuery:
        """Return the search the URL asks for; a query with an error counts as no query."""
        self.is_valid()
        text = " ".join(self.cleaned_data.get("q", "").split())
        return MaterialQuery(
            text=text,
            filters={facet.name: self._facet_values(facet) for facet in FACETS},
            sort=self.cleaned_data.get("sort", ""),
        )

    def _facet_values(self, facet) -> tuple:
        raw = self.data.getlist(facet.name) if hasattr(self.data, "getlist") else []
        values = []
        for item in raw[:MAX_VALUES_PER_FACET]:
            item = item.strip()
            if facet.is_concept:
                if item.isdigit() and 0 < int(item) <= MAX_CONCEPT_ID:
                    values.append(int(item))
            elif item and len(item) <= MAX_CODE_LENGTH:
                values.append(item)
        return tuple(dict.fromkeys(values))
