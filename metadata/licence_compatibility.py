"""Which licences an adaptation or a collection may carry, following Creative Commons' rules.

An adaptation (bewerking) of sources S1…Sn may carry a licence only if every source allows
it (CC's adapter's licence chart): ND forbids adaptations, BY-SA and BY-NC-SA demand the
same licence or a later version of it, NC demands NC, BY demands attribution, CC0 and the
Public Domain Mark demand nothing. A collection (arrangement) keeps each item intact and
under its own licence, so only NC carries over to the collection's licence.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from metadata.licences import LICENCES, OFFERED_LICENCES, Licence

# The Public Domain Mark states that a work is free of copyright; new work is not, and its
# maker waives rights with CC0 instead.
NOT_FOR_NEW_WORK = frozenset({"pdm-1.0"})


@dataclass(frozen=True)
class LicenceDecision:
    """The outcome of a licence check: whether it is possible, which licences remain, and why."""

    allowed: bool
    # Codes in the order of the offer; empty when nothing is allowed.
    licences: tuple[str, ...] = ()
    # One plain-Dutch sentence per refusal or restriction, translated when shown.
    reasons: tuple[Promise, ...] = ()


def licence_allows_adaptation(code: str) -> LicenceDecision:
    """Decide whether material under this licence may be adapted and the adaptation shared."""
    licence = LICENCES.get(code)
    if licence is None:
        return LicenceDecision(allowed=False, reasons=(_unknown(code),))
    if not licence.allows_adaptation:
        return LicenceDecision(allowed=False, reasons=(_no_adaptations(licence),))
    return LicenceDecision(allowed=True)


def adaptation_licences(
    source_codes: Iterable[str], *, offered: Sequence[str] = OFFERED_LICENCES
) -> LicenceDecision:
    """Decide which of the offered licences an adaptation of these sources may carry."""
    codes = list(dict.fromkeys(source_codes))
    if not codes:
        raise ValueError("An adaptation needs at least one source.")
    sources = [LICENCES[code] for code in codes if code in LICENCES]
    refusals = [_unknown(code) for code in codes if code not in LICENCES]
    refusals += [_no_adaptations(source) for source in sources if not source.allows_adaptation]
    non_commercial = [source for source in sources if source.non_commercial]
    refusals += [
        _share_alike_conflict(source, other)
        for source in sources
        if source.share_alike and source.allows_commercial_use
        for other in non_commercial
    ]
    if refusals:
        return LicenceDecision(allowed=False, reasons=tuple(refusals))

    licences, pdm_reasons = _new_work_candidates(offered, _pdm_refused_for_adaptation)
    licences = [
        code
        for code in licences
        if all(_adapter_may_use(source, LICENCES[code]) for source in sources)
    ]
    reasons = [reason for source in sources if (reason := _adaptation_restriction(source))]
    reasons += pdm_reasons
    if not licences:
        reasons.append(_("Geen van de licenties die we aanbieden past bij al deze bronnen."))
        return LicenceDecision(allowed=False, reasons=tuple(reasons))
    return LicenceDecision(allowed=True, licences=tuple(licences), reasons=tuple(reasons))


def collection_licence(
    item_codes: Iterable[str], *, offered: Sequence[str] = OFFERED_LICENCES
) -> LicenceDecision:
    """Decide which of the offered licences a collection of items under these licences may carry."""
    codes = list(dict.fromkeys(item_codes))
    unknown = [_unknown(code) for code in codes if code not in LICENCES]
    if unknown:
        return LicenceDecision(allowed=False, reasons=tuple(unknown))
    items = [LICENCES[code] for code in codes]
    licences, pdm_reasons = _new_work_candidates(offered, _pdm_refused_for_collection)
    non_commercial = [item for item in items if item.non_commercial]
    if non_commercial:
        licences = [code for code in licences if LICENCES[code].non_commercial]
    reasons = [_non_commercial_collection(item) for item in non_commercial] + pdm_reasons
    if not licences:
        reasons.append(_("Geen van de licenties die we aanbieden past bij dit arrangement."))
        return LicenceDecision(allowed=False, reasons=tuple(reasons))
    return LicenceDecision(allowed=True, licences=tuple(licences), reasons=tuple(reasons))


def _new_work_candidates(
    offered: Sequence[str], pdm_reason: Callable[[], Promise]
) -> tuple[list[str], list[Promise]]:
    candidates = [code for code in offered if code not in NOT_FOR_NEW_WORK]
    reasons = [pdm_reason()] if any(code in NOT_FOR_NEW_WORK for code in offered) else []
    return candidates, reasons


def _adapter_may_use(source: Licence, result: Licence) -> bool:
    """Apply one row of CC's adapter's licence chart."""
    if not source.allows_adaptation:
        return False
    if source.share_alike:
        return (
            result.share_alike
            and result.allows_commercial_use == source.allows_commercial_use
            and _version(result) >= _version(source)
        )
    if source.non_commercial and not result.non_commercial:
        return False
    return not (source.requires_attribution and not result.requires_attribution)


def _version(licence: Licence) -> tuple[int, ...]:
    return tuple(int(part) for part in licence.version.split("."))


def _adaptation_restriction(source: Licence) -> Promise | None:
    if source.share_alike:
        return format_lazy(
            _(
                "{licence} vraagt dat je een bewerking onder dezelfde licentie deelt, of onder "
                "een latere versie ervan."
            ),
            licence=source.label,
        )
    if source.non_commercial:
        return format_lazy(
            _(
                "{licence} staat geen commercieel gebruik toe en vraagt naamsvermelding. Je "
                "bewerking krijgt daarom ook een licentie met NC (niet commercieel)."
            ),
            licence=source.label,
        )
    if source.requires_attribution:
        return format_lazy(
            _("{licence} vraagt naamsvermelding. Daarom kan je bewerking niet onder CC0."),
            licence=source.label,
        )
    return None


def _unknown(code: str) -> Promise:
    return format_lazy(_("De licentie ‘{code}’ kennen we niet."), code=code)


def _no_adaptations(licence: Licence) -> Promise:
    return format_lazy(
        _("{licence} staat geen bewerkingen toe: je mag het werk alleen ongewijzigd delen."),
        licence=licence.label,
    )


def _share_alike_conflict(source: Licence, other: Licence) -> Promise:
    return format_lazy(
        _(
            "{licence} vraagt dat je een bewerking onder dezelfde licentie deelt, en {other} "
            "staat geen commercieel gebruik toe. Geen licentie voldoet aan allebei."
        ),
        licence=source.label,
        other=other.label,
    )


def _non_commercial_collection(item: Licence) -> Promise:
    return format_lazy(
        _(
            "{licence} staat geen commercieel gebruik toe. Daarom krijgt het arrangement ook een "
            "licentie met NC (niet commercieel)."
        ),
        licence=item.label,
    )


def _pdm_refused_for_adaptation() -> Promise:
    return _(
        "Het publiek-domeinmerk is alleen voor werk waarop geen auteursrecht meer rust, en een "
        "bewerking is nieuw werk. Wil je afstand doen van je rechten, kies dan CC0."
    )


def _pdm_refused_for_collection() -> Promise:
    return _(
        "Het publiek-domeinmerk is alleen voor werk waarop geen auteursrecht meer rust, en een "
        "arrangement is nieuw werk. Wil je afstand doen van je rechten, kies dan CC0."
    )
