"""Import SLO's vakleergebieden and kerndoelen as subjects and curriculum goals."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from metadata.importers.slo_files import (
    DEPRECATED,
    DOMEINEN,
    KERNDOEL_VAKLEERGEBIEDEN,
    KERNDOELEN,
    NIVEAUS,
    VAKLEERGEBIEDEN,
    SloData,
    SloDataError,
    slo_data_read,
)
from metadata.importers.slo_levels import SLO_NIVEAU_LEVELS
from metadata.models import CURRICULUM_GOALS, LEVELS, SUBJECTS, Concept, ConceptScheme
from metadata.services import Change, concept_upsert, vocabularies_load_builtin

SLO_URI = "https://opendata.slo.nl/curriculum/uuid/{identifier}"


@dataclass
class SloImportReport:
    """What an import did: counts per kind of change, and the problems found in the data."""

    subjects: int = 0
    curriculum_goals: int = 0
    retired_curriculum_goals: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return self.created + self.updated

    def problem(self, message: str) -> None:
        if message not in self.problems:
            self.problems.append(message)


@transaction.atomic
def slo_vocabularies_import(*, directory: Path) -> SloImportReport:
    """Import SLO's subjects and curriculum goals from `directory`; a second run changes nothing."""
    # Replaced ids stay as inactive concepts pointing at their successor. Broken references
    # in SLO's data are listed in the report's problems rather than raised.
    data = slo_data_read(directory)
    # Curriculum goals link to the built-in levels, so those must exist first.
    vocabularies_load_builtin()
    report = SloImportReport()
    changes: dict[int, Change] = {}
    try:
        subjects = _import_subjects(data, changes)
        goals = _import_curriculum_goals(data, subjects, report, changes)
    except ValidationError as error:
        raise SloDataError(
            _("De SLO-gegevens zijn ongeldig: {error}").format(error=error)
        ) from None
    report.subjects = len(data.vakleergebieden)
    report.curriculum_goals = len(data.kerndoelen)
    report.retired_curriculum_goals = len(goals) - len(data.kerndoelen)
    report.created = sum(change is Change.CREATED for change in changes.values())
    report.updated = sum(change is Change.UPDATED for change in changes.values())
    report.unchanged = sum(change is Change.UNCHANGED for change in changes.values())
    return report


def _record(changes: dict[int, Change], concept: Concept, change: Change) -> None:
    # One concept may be written twice (values, then its successor); keep the strongest change.
    strength = [Change.UNCHANGED, Change.UPDATED, Change.CREATED]
    previous = changes.get(concept.pk, Change.UNCHANGED)
    changes[concept.pk] = max(previous, change, key=strength.index)


def _import_subjects(data: SloData, changes: dict) -> dict[str, Concept]:
    scheme = ConceptScheme.objects.get(slug=SUBJECTS)
    existing = set(Concept.objects.filter(scheme=scheme).values_list("identifier", flat=True))
    subjects = {}
    for item in data.vakleergebieden:
        identifier = item["id"]
        values = {
            "uri": SLO_URI.format(identifier=identifier),
            "notation": _clean_label(item.get("prefix", "")),
            "label_nl": _clean_label(item.get("title", "")),
            "definition_nl": _clean_text(item.get("description", "")),
            "source": "slo",
            "sort_order": 0,
        }
        if identifier not in existing:
            # Set once: SLO's "dirty" entries are provisional; an editor decides afterwards.
            values["active"] = not item.get("dirty", False)
        concept, change = concept_upsert(scheme=scheme, identifier=identifier, values=values)
        _record(changes, concept, change)
        subjects[identifier] = concept
    for item in data.vakleergebieden:
        # SLO's retired subjects are not shipped; link the ones an earlier load stored.
        replaced = [old for old in item.get("replaces", []) if old not in subjects]
        for old in Concept.objects.filter(scheme=scheme, identifier__in=replaced):
            _retire(old, subjects[item["id"]], changes)
    return subjects


def _retire(concept: Concept, successor: Concept | None, changes: dict) -> None:
    values = {"active": False}
    if successor is not None:
        values["replaced_by"] = successor
    _concept, change = concept_upsert(
        scheme=concept.scheme, identifier=concept.identifier, values=values
    )
    _record(changes, concept, change)


def _import_curriculum_goals(
    data: SloData, subjects: dict[str, Concept], report: SloImportReport, changes: dict
) -> dict[str, Concept]:
    scheme = ConceptScheme.objects.get(slug=CURRICULUM_GOALS)
    levels = {c.identifier: c for c in Concept.objects.in_scheme(LEVELS)}
    subjects_by_goal = _subjects_by_goal(data, subjects, report)
    live_ids = {item["id"] for item in data.kerndoelen}
    retired = []
    for item in data.deprecated:
        if "kerndoel" not in item.get("types", []):
            continue
        if item["id"] in live_ids:
            report.problem(
                _("Kerndoel {id} staat in {live} én in {retired}; het blijft actief.").format(
                    id=item["id"], live=KERNDOELEN, retired=DEPRECATED
                )
            )
            continue
        retired.append(item)
    retired_ids = {item["id"] for item in retired}
    order = {
        item["id"]: number
        for number, item in enumerate(
            sorted(data.kerndoelen + retired, key=lambda item: _natural(item.get("prefix", "")))
        )
    }
    goals = {}
    for item in data.kerndoelen + retired:
        identifier = item["id"]
        values = {
            "uri": SLO_URI.format(identifier=identifier),
            "notation": _clean_label(item.get("prefix", "")),
            "label_nl": _clean_label(
                item.get("kerndoelLabel") or item.get("description") or item.get("title", "")
            ),
            "definition_nl": _clean_text(item.get("title", "")),
            "source": "slo",
            "sort_order": order[identifier],
        }
        relations = {"levels": _levels_for(item, data, levels, report)}
        if identifier in retired_ids:
            values["active"] = False
        else:
            relations["subjects"] = subjects_by_goal.get(identifier, set())
        concept, change = concept_upsert(
            scheme=scheme, identifier=identifier, values=values, relations=relations
        )
        _record(changes, concept, change)
        goals[identifier] = concept
    for old, new in _goal_successors(data, retired, goals, report).items():
        _retire(goals[old], goals.get(new), changes)
    return goals


def _goal_successors(
    data: SloData, retired: list[dict], goals: dict[str, Concept], report: SloImportReport
) -> dict[str, str | None]:
    """Map each retired goal to its successor: replacedBy first, else a live goal's replaces."""
    successors = {}
    for item in retired:
        known = [identifier for identifier in item.get("replacedBy", []) if identifier in goals]
        successors[item["id"]] = known[0] if known else None
    for item in data.kerndoelen:
        prefix = _clean_label(item.get("prefix", ""))
        for old in item.get("replaces", []):
            if old in successors:
                successors[old] = successors[old] or item["id"]
            elif old in goals:
                report.problem(
                    _(
                        "Kerndoel {prefix} ({id}) vervangt {old}, maar dat kerndoel staat nog in "
                        "{live}; het blijft actief."
                    ).format(prefix=prefix, id=item["id"], old=old, live=KERNDOELEN)
                )
            else:
                report.problem(
                    _(
                        "Kerndoel {prefix} ({id}) vervangt {old}, maar dat kerndoel staat niet "
                        "in {retired}."
                    ).format(prefix=prefix, id=item["id"], old=old, retired=DEPRECATED)
                )
    return successors


def _levels_for(item: dict, data: SloData, levels: dict, report: SloImportReport) -> set:
    found = set()
    for niveau_id in item.get("niveau_id", []):
        if niveau_id in levels:
            found.add(levels[niveau_id])
        elif niveau_id in SLO_NIVEAU_LEVELS:
            found.update(levels[level] for level in SLO_NIVEAU_LEVELS[niveau_id] if level in levels)
        elif niveau_id in data.niveaus:
            report.problem(
                _("SLO-niveau ‘{title}’ ({id}) hoort bij geen onderwijsniveau.").format(
                    title=_clean_label(data.niveaus[niveau_id].get("title", "")), id=niveau_id
                )
            )
        else:
            report.problem(
                _("Kerndoel {id} verwijst naar niveau {niveau}, dat niet in {file} staat.").format(
                    id=item["id"], niveau=niveau_id, file=NIVEAUS
                )
            )
    return found


def _subjects_by_goal(
    data: SloData, subjects: dict[str, Concept], report: SloImportReport
) -> dict[str, set[Concept]]:
    """Follow kerndoel → (domein →) kerndoel_vakleergebied → basis vakleergebied."""
    members_of_domein = {item["id"]: item.get("kerndoel_id", []) for item in data.domeinen}
    subject_by_title = {concept.label_nl.casefold(): concept for concept in subjects.values()}
    goal_ids = {item["id"] for item in data.kerndoelen}
    result = defaultdict(set)
    for group in data.kerndoel_vakleergebieden:
        title = _clean_label(group.get("title", ""))
        members = list(group.get("kerndoel_id", []))
        for domein_id in group.get("kerndoel_domein_id", []):
            if domein_id not in members_of_domein:
                report.problem(
                    _(
                        "‘{title}’ in {file} verwijst naar domein {domein}, dat niet in {domeinen} "
                        "staat."
                    ).format(
                        title=title,
                        file=KERNDOEL_VAKLEERGEBIEDEN,
                        domein=domein_id,
                        domeinen=DOMEINEN,
                    )
                )
            members += members_of_domein.get(domein_id, [])
        group_subjects = {
            _subject_for(group, subject_id, subjects, subject_by_title, report)
            for subject_id in group.get("vakleergebied_id", [])
        } - {None}
        for goal_id in members:
            if goal_id in goal_ids:
                result[goal_id] |= group_subjects
            else:
                report.problem(
                    _(
                        "‘{title}’ in {file} verwijst naar kerndoel {goal}, dat niet in "
                        "{kerndoelen} staat."
                    ).format(
                        title=title,
                        file=KERNDOEL_VAKLEERGEBIEDEN,
                        goal=goal_id,
                        kerndoelen=KERNDOELEN,
                    )
                )
    return result


def _subject_for(
    group: dict,
    subject_id: str,
    subjects: dict[str, Concept],
    subject_by_title: dict[str, Concept],
    report: SloImportReport,
) -> Concept | None:
    if subject_id in subjects:
        return subjects[subject_id]
    # SLO re-issued some subjects under new ids; the name is the only link left.
    title = _clean_label(group.get("title", ""))
    fallback = subject_by_title.get(title.casefold())
    message = _(
        "‘{title}’ in {file} verwijst naar vakleergebied {subject}, dat niet in {basis} staat."
    ).format(title=title, file=KERNDOEL_VAKLEERGEBIEDEN, subject=subject_id, basis=VAKLEERGEBIEDEN)
    if fallback is None:
        report.problem(message + " " + _("Deze kerndoelen krijgen daardoor geen vak."))
    else:
        report.problem(
            message
            + " "
            + _("De kerndoelen zijn op naam gekoppeld aan het vak {label} ({id}).").format(
                label=fallback.label_nl, id=fallback.identifier
            )
        )
    return fallback


def _clean_label(value: str) -> str:
    return " ".join(value.split())


def _clean_text(value: str) -> str:
    return "\n".join(" ".join(line.split()) for line in value.strip().splitlines())


def _natural(value: str) -> list:
    # "Kerndoel 9" sorts before "Kerndoel 10".
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", value)]
