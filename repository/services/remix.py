"""Writes of remixes (bewerkingen): a draft from a published source, and more sources for it."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from accounts.roles import TEACHERS
from accounts.services import user_has_role
from metadata.licence_compatibility import adaptation_licences
from metadata.serializers.material_facts import material_url
from repository.attribution import attribution_chain, material_authors
from repository.models import Material, MaterialFile, MaterialSource, MaterialVersion
from repository.permissions import can_edit_material
from repository.selectors.lineage import latest_version, remix_source_decision
from repository.services.materials import M2M_FIELDS, _save_working_copy, working_copy

# The source's metadata a remix starts from; co-authors stay with the source.
COPIED_FIELDS = (
    "summary",
    "description",
    "language",
    "accessibility_summary",
    "time_required",
)
COPIED_CONCEPTS = tuple(name for name in M2M_FIELDS if name != "co_authors")
AUTHORS_MAX_LENGTH = MaterialSource._meta.get_field("authors").max_length


class RemixRefused(ValueError):
    """A remix or an extra source is not possible; `reasons` say why, in plain Dutch."""

    def __init__(self, reasons):
        self.reasons = [str(reason) for reason in reasons]
        super().__init__(" ".join(self.reasons))


def _require_teacher(user) -> None:
    if not user_has_role(user, TEACHERS):
        raise PermissionDenied("Only teachers may adapt materials.")


def _published_source(source: Material) -> MaterialVersion:
    """Return the source's newest version, or refuse when it may not be remixed."""
    decision = remix_source_decision(source)
    if not decision.allowed:
        if not decision.reasons:
            raise RemixRefused([_("Je kunt alleen een gepubliceerd leermiddel bewerken.")])
        raise RemixRefused(decision.reasons)
    return latest_version(source)


def _source_row(*, remix: Material, source: Material, version: MaterialVersion, order: int):
    """Record the exact version with its attribution as text, ancestors included."""
    return MaterialSource.objects.create(
        remix=remix,
        source_material=source,
        source_version=version,
        version_number=version.number,
        title=version.title,
        authors=get_text_list(material_authors(source), _("en"))[:AUTHORS_MAX_LENGTH],
        source_url=material_url(source),
        licence=version.licence,
        inherited_attribution="\n".join(attribution_chain(source)),
        seen_version_number=version.number,
        sort_order=order,
    )


def _source_files(version: MaterialVersion, *, start: int, skip=frozenset()) -> list[MaterialFile]:
    """Point new file rows at the version's stored bytes; taken-down files stay behind."""
    rows = version.files.select_related("stored_file").order_by("sort_order")
    return [
        MaterialFile(
            stored_file_id=row.stored_file_id,
            original_name=row.original_name,
            role=row.role,
            sort_order=start + index,
        )
        for index, row in enumerate(
            row for row in rows if not row.stored_file.is_removed and row.stored_file_id not in skip
        )
    ]


@transaction.atomic
def remix_create(*, source: Material, user) -> Material:
    """Create the teacher's draft remix of the source's newest version, files and all."""
    _require_teacher(user)
    source = Material.objects.select_related("owner").get(pk=source.pk)
    version = _published_source(source)
    licences = adaptation_licences([version.licence]).licences
    state = version.revision.as_object()
    remix = Material(
        owner=user,
        title=version.title,
        licence=version.licence if version.licence in licences else licences[0],
        change_note=_("Bewerking van ‘%(title)s’ (v%(number)s)")
        % {"title": version.title, "number": version.number},
        live=False,
        **{name: getattr(state, name) for name in COPIED_FIELDS},
    )
    remix.full_clean(exclude=["owner", *M2M_FIELDS])
    remix.save()
    for name in COPIED_CONCEPTS:
        getattr(remix, name).set(list(getattr(state, name).all()))
    remix.keywords.set([tag.name for tag in state.keywords.all()], clear=True)
    remix.files.set(_source_files(version, start=0))
    remix.save()
    _source_row(remix=remix, source=source, version=version, order=0)
    remix.save_revision(user=user, clean=False)
    return remix


@transaction.atomic
def remix_add_source(*, remix: Material, source: Material, user) -> MaterialSource:
    """Add another published source, with its files, to the teacher's unpublished remix.

    The licence check covers every source together; when the remix's licence no longer
    fits, it moves to the first licence that does.
    """
    _require_teacher(user)
    remix = Material.objects.select_for_update().get(pk=remix.pk)
    if not can_edit_material(user, remix):
        raise PermissionDenied("Only owners and co-authors may change a material.")
    rows = list(remix.sources.all())
    if not rows or remix.live or remix.is_withdrawn or remix.first_published_at is not None:
        raise RemixRefused(
            [_("Je kunt alleen een bron toevoegen aan een bewerking die nog niet is gepubliceerd.")]
        )
    if source.pk == remix.pk or any(row.source_material_id == source.pk for row in rows):
        raise RemixRefused(
            [_("‘%(title)s’ is al een bron van deze bewerking.") % {"title": source.title}]
        )
    source = Material.objects.select_related("owner").get(pk=source.pk)
    version = _published_source(source)
    decision = adaptation_licences([*(row.licence for row in rows), version.licence])
    if not decision.allowed:
        raise RemixRefused(decision.reasons)
    working = working_copy(remix)
    present = working.files.all()
    start = max((f.sort_order or 0 for f in present), default=-1) + 1
    added = _source_files(version, start=start, skip={f.stored_file_id for f in present})
    working.files.set([*present, *added])
    if working.licence not in decision.licences:
        working.licence = decision.licences[0]
    _save_working_copy(working, user)
    order = (remix.sources.aggregate(last=Max("sort_order"))["last"] or 0) + 1
    return _source_row(remix=remix, source=source, version=version, order=order)
