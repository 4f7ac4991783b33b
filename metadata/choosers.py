from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)

from metadata.forms import ConceptChooserFilterForm


class ConceptChooseView(ChooseView):
    filter_form_class = ConceptChooserFilterForm


class ConceptChooseResultsView(ChooseResultsView):
    filter_form_class = ConceptChooserFilterForm


class ConceptChooserViewSet(SnippetChooserViewSet):
    """Let editors find a concept by its label, notation or identifier when linking one."""

    choose_view_class = ConceptChooseView
    choose_results_view_class = ConceptChooseResultsView
