"""Reads from the vocabularies."""

from collections.abc import Iterable

from django.db.models import QuerySet

from metadata.models import CURRICULUM_GOALS, LEVELS, Concept


def concept_resolve(*, scheme: str, identifier: str) -> Concept | None:
    """Return the current concept for an identifier, following replacements; None if unknown."""
    concept = Concept.objects.filter(scheme__slug=scheme, identifier=identifier).first()
    return concept.current() if concept is not None else None


def curriculum_goals_for(
    *, levels: Iterable[Concept] = (), subjects: Iterable[Concept] = ()
) -> QuerySet[Concept]:
    """Return the active curriculum goals that fit any of these levels and any of these subjects."""
    # A goal fits a level when it is linked to that level, to a broader one (a po goal fits
    # groep 5) or to a narrower one (a havo 2 goal fits havo).
    goals = Concept.objects.active().in_scheme(CURRICULUM_GOALS)
    level_pks = {level.pk for level in levels}
    subject_pks = {subject.pk for subject in subjects}
    if level_pks:
        goals = goals.filter(levels__in=_with_broader_and_narrower(level_pks))
    if subject_pks:
        goals = goals.filter(subjects__in=subject_pks)
    return goals.distinct()


def _with_broader_and_narrower(level_pks: set[int]) -> set[int]:
    # The level tree has tens of rows: one query and a walk in Python beat recursive SQL.
    parent_of = dict(Concept.objects.in_scheme(LEVELS).values_list("pk", "parent_id"))
    children_of: dict[int, list[int]] = {}
    for pk, parent in parent_of.items():
        children_of.setdefault(parent, []).append(pk)
    found = set(level_pks)
    for pk in level_pks:
        parent = parent_of.get(pk)
        while parent is not None and parent not in found:
            found.add(parent)
            parent = parent_of.get(parent)
    to_visit = list(level_pks)
    while to_visit:
        for child in children_of.get(to_visit.pop(), []):
            if child not in found:
                found.add(child)
                to_visit.append(child)
    return found
