"""Remixing from a material's page: "Bewerk een kopie", and adding it as a source to a remix."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from repository.models import Material
from repository.selectors.lineage import licence_label
from repository.services.materials import working_copy
from repository.services.remix import RemixRefused, remix_add_source, remix_create
from repository.views.access import material_for_author, teacher_required

REMIX_FIELD = "bewerking"


def _public_material(pk: int) -> Material:
    return get_object_or_404(Material.objects.published(), pk=pk)


def _refused(request, source: Material, refusal: RemixRefused):
    for reason in refusal.reasons:
        messages.error(request, reason)
    return redirect(source)


@teacher_required
@require_POST
def material_remix(request, pk: int):
    """Create the teacher's draft remix of a published material and open it for editing."""
    source = _public_material(pk)
    try:
        remix = remix_create(source=source, user=request.user)
    except RemixRefused as refusal:
        return _refused(request, source, refusal)
    messages.success(
        request,
        _(
            "Je bewerking van ‘%(title)s’ staat klaar als concept, met de bestanden van de bron. "
            "Geef het een eigen titel en pas aan wat je wilt."
        )
        % {"title": source.title},
    )
    return redirect("repository:material_edit", pk=remix.pk)


@teacher_required
@require_POST
def material_add_as_source(request, pk: int):
    """Add a published material, with its files, as a source to one of the teacher's remixes."""
    source = _public_material(pk)
    try:
        remix_pk = int(request.POST.get(REMIX_FIELD, ""))
    except ValueError:
        messages.error(request, _("Kies de bewerking waaraan je deze bron wilt toevoegen."))
        return redirect(source)
    remix = material_for_author(request, remix_pk)
    licence_before = working_copy(remix).licence
    try:
        remix_add_source(remix=remix, source=source, user=request.user)
    except RemixRefused as refusal:
        return _refused(request, source, refusal)
    messages.success(
        request,
        _("‘%(source)s’ is toegevoegd als bron van ‘%(remix)s’, met de bestanden ervan.")
        % {"source": source.title, "remix": remix.title},
    )
    if (licence := working_copy(remix).licence) != licence_before:
        messages.warning(
            request,
            _(
                "De licentie van je bewerking past niet meer bij alle bronnen en is veranderd in "
                "%(licence)s. Je kunt op deze pagina een andere passende licentie kiezen."
            )
            % {"licence": licence_label(licence)},
        )
    return redirect("repository:material_edit", pk=remix.pk)
