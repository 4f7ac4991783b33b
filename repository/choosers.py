"""The admin's material chooser: published materials, and the chooser's own drafts only.

Wagtail's snippet chooser lists every row to anyone with admin access; editors pick
materials for pages this way and must not see (or learn the titles of) teachers' drafts.
"""

from django.db.models import Q

from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)

from repository.models import Material


def materials_choosable_by(user):
    """Return the materials the user may pick: published ones, plus drafts they own.

    Only indexed filter fields are used, so the chooser's search can apply the same rule.
    """
    materials = Material.objects.filter(deleted_at__isnull=True)
    if user.is_superuser:
        return materials
    return materials.filter(Q(live=True, withdrawn_at__isnull=True) | Q(owner=user))


class MaterialChooseView(ChooseView):
    def get_object_list(self):
        return materials_choosable_by(self.request.user)


class MaterialChooseResultsView(ChooseResultsView):
    def get_object_list(self):
        return materials_choosable_by(self.request.user)


class MaterialChosenView(SnippetChosenView):
    def get_object(self, pk):
        return materials_choosable_by(self.request.user).get(pk=pk)


class MaterialChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return materials_choosable_by(self.request.user).filter(pk__in=pks)


class MaterialChooserViewSet(SnippetChooserViewSet):
    choose_view_class = MaterialChooseView
    choose_results_view_class = MaterialChooseResultsView
    chosen_view_class = MaterialChosenView
    chosen_multiple_view_class = MaterialChosenMultipleView
