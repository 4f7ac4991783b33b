"""OAI-PMH sets: one per sector and one per educational level, derived from a material's levels.

Set specs are `sector:<sector identifier>` (e.g. `sector:po`) and `level:<level identifier>`
(the OBK id, e.g. `level:512e4729-03a4-43a2-95ba-758071d1b725`). A material belongs to a
level's set when it carries that level or a narrower one (groep 6 lies within po), and to a
sector's set when any of its levels lies within one of the sector's root levels. The parent
sets `sector` and `level` hold every material with a sector or a level.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from metadata.models import Concept
from metadata.oai.selectors import levels_by_pk, material_has_level_in

SECTOR = "sector"
LEVEL = "level"
SET_SPEC = re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*")

# Sectors are the alliance's own grouping; OBK has no sector concept, so each sector names
# the root levels (OBK ids; vso has only an SLO id) whose subtrees it covers. SBaO falls
# under the primary education act, so it counts as po.
SECTOR_LEVEL_ROOTS: dict[str, tuple[str, ...]] = {
    "po": (
        "512e4729-03a4-43a2-95ba-758071d1b725",
        "e05b5eb1-6a65-4f45-9556-79b25cd91da8",
    ),
    "vo": ("2a1401e9-c223-493b-9b86-78f6993b1a8d",),
    "so-vso": (
        "e7f1c08f-08fb-48ab-be8e-c131b1bce54a",
        "dbbc3e87-a848-4425-912a-d494e43e5e59",
    ),
    "pro": ("d6f1bbf7-c1a6-4431-bcbd-f33126d851ef",),
}
_SECTORS_BY_ROOT = {root: sector for sector, roots in SECTOR_LEVEL_ROOTS.items() for root in roots}


@dataclass(frozen=True)
class OaiSet:
    spec: str
    name: str


def is_set_spec(value: str) -> bool:
    return SET_SPEC.fullmatch(value) is not None


def oai_sets() -> list[OaiSet]:
    """Return every set, parents first, in two queries."""
    sectors = {
        concept.identifier: concept.label_nl
        for concept in Concept.objects.in_scheme("sectors").filter(
            identifier__in=SECTOR_LEVEL_ROOTS
        )
    }
    sets = [OaiSet(SECTOR, _("Sectoren"))]
    sets += [
        OaiSet(f"{SECTOR}:{identifier}", sectors.get(identifier, identifier))
        for identifier in SECTOR_LEVEL_ROOTS
    ]
    sets.append(OaiSet(LEVEL, _("Onderwijsniveaus")))
    for concept in Concept.objects.active().in_scheme("levels"):
        spec = f"{LEVEL}:{concept.identifier}"
        if is_set_spec(spec):
            sets.append(OaiSet(spec, concept.label_nl))
    return sets


def material_set_specs(
    level_pks: Iterable[int], levels: dict[int, tuple[str, int | None]]
) -> list[str]:
    """Return the sets of a material with these levels; `levels` is levels_by_pk()."""
    level_specs: set[str] = set()
    sectors: set[str] = set()
    for pk in level_pks:
        current, seen = pk, set()
        while current in levels and current not in seen:
            seen.add(current)
            identifier, parent = levels[current]
            spec = f"{LEVEL}:{identifier}"
            if is_set_spec(spec):
                level_specs.add(spec)
            sector = _SECTORS_BY_ROOT.get(identifier)
            if sector is not None:
                sectors.add(f"{SECTOR}:{sector}")
            current = parent
    return sorted(sectors) + sorted(level_specs)


def set_filter(spec: str) -> Q | None:
    """Return the filter that selects a set's materials, or None when there is no such set."""
    head, _sep, tail = spec.partition(":")
    if head not in (SECTOR, LEVEL) or ":" in tail:
        return None
    levels = levels_by_pk()
    if head == SECTOR:
        if tail and tail not in SECTOR_LEVEL_ROOTS:
            return None
        sectors = [tail] if tail else list(SECTOR_LEVEL_ROOTS)
        roots = {root for sector in sectors for root in SECTOR_LEVEL_ROOTS[sector]}
    elif tail:
        roots = {tail}
    else:
        return material_has_level_in(set(levels))
    root_pks = {pk for pk, (identifier, _parent) in levels.items() if identifier in roots}
    if head == LEVEL and not root_pks:
        return None
    return material_has_level_in(_with_narrower(root_pks, levels))


def _with_narrower(root_pks: set[int], levels: dict[int, tuple[str, int | None]]) -> set[int]:
    children: dict[int | None, list[int]] = {}
    for pk, (_identifier, parent) in levels.items():
        children.setdefault(parent, []).append(pk)
    found = set(root_pks)
    to_visit = list(root_pks)
    while to_visit:
        for child in children.get(to_visit.pop(), []):
            if child not in found:
                found.add(child)
                to_visit.append(child)
    return found
