"""Following the original: tell remix owners of a new source version, and pull or dismiss it.

Nothing in a remix changes when its source publishes; the owner decides. Pulling changes
only the remix's draft (files that came from the source), never its live state or metadata.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from metadata.licence_compatibility import adaptation_licences
from metadata.serializers.material_facts import material_url
from repository.attribution import attribution_chain, material_authors
from repository.models import Material, MaterialFile, MaterialSource, MaterialVersion
from repository.permissions import can_edit_material
from repository.selectors.diffs import FileRow, file_rows, newest_source_version, pair_files
from repository.selectors.lineage import licence_label
from repository.services.materials import _save_working_copy, working_copy

logger = logging.getLogger(__name__)

AUTHORS_MAX_LENGTH = MaterialSource._meta.get_field("authors").max_length


class SourceUpdateRefused(ValueError):
    """The new source version cannot be pulled into this remix; the message says why, in Dutch."""


@dataclass
class PullPlan:
    """What pulling a new source version does to the files of the remix's draft."""

    files: list[FileRow]
    replaced: list[tuple[FileRow, FileRow]] = field(default_factory=list)
    dropped: list[FileRow] = field(default_factory=list)
    added: list[FileRow] = field(default_factory=list)
    # New versions of source files the teacher had taken out: they stay out.
    skipped: list[FileRow] = field(default_factory=list)
    own: list[FileRow] = field(default_factory=list)

    @property
    def changes_files(self) -> bool:
        return bool(self.replaced or self.dropped or self.added)


def pull_plan(*, draft: list[FileRow], old: list[FileRow], new: list[FileRow]) -> PullPlan:
    """Decide the draft's files after a pull: source files follow the source, the rest stays.

    A draft file counts as the source's when its bytes are those of a file in the old source
    version; it is replaced by its counterpart in the new version (same name, or same bytes
    under a new name), or dropped when the source dropped it. Files new in the source are
    added at the end, unless the draft already has those bytes.
    """
    pairs = pair_files(old, new)
    counterpart = {old_row: new_row for old_row, new_row in pairs if old_row is not None}
    from_source = {row.stored_file_id: row for row in old}
    taken = {row.stored_file_id for row in draft}
    plan = PullPlan(files=[])
    for row in draft:
        if row.stored_file_id not in from_source:
            plan.own.append(row)
            plan.files.append(row)
            continue
        new_row = counterpart[from_source[row.stored_file_id]]
        if new_row is None:
            plan.dropped.append(row)
            continue
        if (new_row.stored_file_id, new_row.name) != (row.stored_file_id, row.name):
            plan.replaced.append((row, new_row))
        # The teacher's choice of role stays; the bytes and the name follow the source.
        plan.files.append(FileRow(new_row.stored_file_id, new_row.name, row.role))
    for old_row, new_row in pairs:
        if old_row is None:
            if new_row.stored_file_id not in taken:
                plan.added.append(new_row)
                plan.files.append(new_row)
        elif (
            old_row.stored_file_id not in taken
            and new_row is not None
            and new_row.stored_file_id != old_row.stored_file_id
        ):
            plan.skipped.append(new_row)
    return plan


def _other_licences(source: MaterialSource) -> list[str]:
    return list(
        MaterialSource.objects.filter(remix_id=source.remix_id)
        .exclude(pk=source.pk)
        .values_list("licence", flat=True)
    )


def source_update_licence_refusal(
    *, source: MaterialSource, new_version: MaterialVersion, licence: str
) -> str:
    """Return why the remix, under `licence`, cannot take the new version; "" when it can."""
    decision = adaptation_licences([*_other_licences(source), new_version.licence])
    if decision.allowed and licence in decision.licences:
        return ""
    values = {
        "title": new_version.title,
        "number": new_version.number,
        "new": licence_label(new_version.licence),
        "yours": licence_label(licence),
        "current": source.version_number,
    }
    if not decision.allowed:
        reasons = " ".join(str(reason) for reason in decision.reasons)
        return (
            _("Versie %(number)s van ‘%(title)s’ staat onder %(new)s. ") % values
            + reasons
            + " "
            + _("Je bewerking blijft gebaseerd op versie %(current)s.") % values
        )
    return _(
        "Versie %(number)s van ‘%(title)s’ staat onder %(new)s, en daar past de licentie van je "
        "bewerking (%(yours)s) niet bij. Kies eerst een licentie die wel past (%(allowed)s), of "
        "blijf bij versie %(current)s van de bron."
    ) % {**values, "allowed": ", ".join(licence_label(code) for code in decision.licences)}


def _locked_source(source: MaterialSource, user) -> MaterialSource:
    source = (
        # Only the source row is locked: the joined rows may be missing (outer joins).
        MaterialSource.objects.select_for_update(of=("self",))
        .select_related("remix", "source_material__owner", "source_version")
        .get(pk=source.pk)
    )
    if not can_edit_material(user, source.remix):
        raise PermissionDenied("Only owners and co-authors may follow a remix's source.")
    return source


@transaction.atomic
def source_update_pull(*, source: MaterialSource, user) -> Material:
    """Take the source's newest version into the remix's draft; return the draft.

    Source files are replaced by their new versions, the teacher's own files and metadata
    stay, the change note says what was taken over, and the source row moves to the new
    version. The live remix changes only when the draft is published.
    """
    source = _locked_source(source, user)
    remix = source.remix
    if remix.is_withdrawn:
        raise SourceUpdateRefused(_("Een ingetrokken leermiddel kun je niet meer bijwerken."))
    new_version = newest_source_version(source)
    if new_version is None:
        raise SourceUpdateRefused(_("Er is geen nieuwe versie van deze bron."))
    working = working_copy(remix)
    refusal = source_update_licence_refusal(
        source=source, new_version=new_version, licence=working.licence
    )
    if refusal:
        raise SourceUpdateRefused(refusal)

    plan = pull_plan(
        draft=file_rows(working.files.all()),
        old=_version_rows(source.source_version),
        new=_version_rows(new_version),
    )
    working.files.set(
        [
            MaterialFile(
                stored_file_id=row.stored_file_id,
                original_name=row.name,
                role=row.role,
                sort_order=order,
            )
            for order, row in enumerate(plan.files)
        ]
    )
    note = _("Nieuwe versie van bron ‘%(title)s’ (v%(number)s) overgenomen") % {
        "title": new_version.title,
        "number": new_version.number,
    }
    # A note the teacher already wrote for the next version stays in front of ours.
    existing = working.change_note.strip()
    working.change_note = f"{existing}\n{note}" if existing else note
    _save_working_copy(working, user)

    origin = source.source_material
    source.source_version = new_version
    source.version_number = new_version.number
    source.seen_version_number = new_version.number
    source.title = new_version.title
    source.licence = new_version.licence
    source.authors = get_text_list(material_authors(origin), _("en"))[:AUTHORS_MAX_LENGTH]
    source.source_url = material_url(origin)
    source.inherited_attribution = "\n".join(attribution_chain(origin))
    source.save()
    return working


def _version_rows(version: MaterialVersion | None) -> list[FileRow]:
    if version is None:
        return []
    return file_rows(version.files.order_by("sort_order", "pk"))


@transaction.atomic
def source_update_dismiss(*, source: MaterialSource, user) -> MaterialSource:
    """Keep the remix on its source version and stop showing the notice for this version."""
    source = _locked_source(source, user)
    new_version = newest_source_version(source)
    if new_version is not None:
        source.seen_version_number = new_version.number
        source.save(update_fields=["seen_version_number", "updated_at"])
    return source


def source_update_notify(*, version: MaterialVersion) -> None:
    """E-mail each remix owner once the new version of their source is committed."""
    rows = (
        MaterialSource.objects.filter(
            source_material_id=version.material_id,
            version_number__lt=version.number,
            remix__withdrawn_at__isnull=True,
        )
        .exclude(remix_id=version.material_id)
        .select_related("remix__owner")
        .order_by("remix__title", "pk")
    )
    remixes_per_owner = defaultdict(list)
    for row in rows:
        if (row.seen_version_number or 0) < version.number:
            remixes_per_owner[row.remix.owner].append(row)
    for owner, sources in remixes_per_owner.items():
        if owner.is_active and owner.email:
            transaction.on_commit(lambda o=owner, s=sources: _send_notice(version, o, s))


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send_notice(version: MaterialVersion, owner, sources: list[MaterialSource]) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "version": version,
            "owner": owner,
            "remixes": [
                {
                    "title": source.remix.title,
                    "url": _absolute(
                        reverse(
                            "repository:source_update",
                            kwargs={"pk": source.remix_id, "source_id": source.pk},
                        )
                    ),
                }
                for source in sources
            ],
        }
        subject = render_to_string("repository/email/source_update_subject.txt", context)
        body = render_to_string("repository/email/source_update_message.txt", context)
    message = EmailMessage(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [owner.email]
    )
    get_connection().send_messages([message])
    logger.info("source update v%s mailed for %s remix(es)", version.number, len(sources))
