"""The licences a material may carry: Creative Commons 4.0 and 3.0, CC0 and the Public Domain Mark.

Licences are a fixed public standard, so they live in code, not in the database; a material
stores a licence's `code`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Licence:
    code: str
    label: str
    url: str
    version: str
    # Value of NL-LOM's rights.copyrightAndOtherRestrictions vocabulary.
    nl_lom_copyright: str
    allows_adaptation: bool
    allows_commercial_use: bool
    share_alike: bool
    requires_attribution: bool
    explanation: str

    @property
    def non_commercial(self) -> bool:
        return not self.allows_commercial_use


def _cc(elements: str, version: str, label, explanation) -> Licence:
    parts = elements.split("-")
    return Licence(
        code=f"cc-{elements}-{version}",
        label=label,
        url=f"https://creativecommons.org/licenses/{elements}/{version}/",
        version=version,
        nl_lom_copyright=f"cc-{elements}-{version.replace('.', '')}",
        allows_adaptation="nd" not in parts,
        allows_commercial_use="nc" not in parts,
        share_alike="sa" in parts,
        requires_attribution=True,
        explanation=explanation,
    )


_EXPLANATIONS = {
    "by": _("Iedereen mag het gebruiken, delen en bewerken, ook commercieel, met naamsvermelding."),
    "by-sa": _(
        "Iedereen mag het gebruiken, delen en bewerken, ook commercieel, met naamsvermelding; "
        "bewerkingen moeten dezelfde licentie krijgen."
    ),
    "by-nc": _(
        "Iedereen mag het gebruiken, delen en bewerken, met naamsvermelding, maar niet voor "
        "commerciële doeleinden."
    ),
    "by-nc-sa": _(
        "Iedereen mag het gebruiken, delen en bewerken, met naamsvermelding en niet commercieel; "
        "bewerkingen moeten dezelfde licentie krijgen."
    ),
    "by-nd": _(
        "Iedereen mag het gebruiken en ongewijzigd delen, ook commercieel, met naamsvermelding. "
        "Bewerken mag niet."
    ),
    "by-nc-nd": _(
        "Iedereen mag het gebruiken en ongewijzigd delen, met naamsvermelding en niet "
        "commercieel. Bewerken mag niet."
    ),
}

_LABELS = {
    "by": "CC BY",
    "by-sa": "CC BY-SA",
    "by-nc": "CC BY-NC",
    "by-nc-sa": "CC BY-NC-SA",
    "by-nd": "CC BY-ND",
    "by-nc-nd": "CC BY-NC-ND",
}

LICENCES: dict[str, Licence] = {
    "cc0-1.0": Licence(
        code="cc0-1.0",
        label="CC0 1.0",
        url="https://creativecommons.org/publicdomain/zero/1.0/",
        version="1.0",
        nl_lom_copyright="cc0-10",
        allows_adaptation=True,
        allows_commercial_use=True,
        share_alike=False,
        requires_attribution=False,
        explanation=_(
            "De maker doet afstand van alle rechten: iedereen mag alles ermee doen, zonder "
            "voorwaarden."
        ),
    ),
    "pdm-1.0": Licence(
        code="pdm-1.0",
        label=_("Publiek domein (PDM 1.0)"),
        url="https://creativecommons.org/publicdomain/mark/1.0/",
        version="1.0",
        nl_lom_copyright="pdm-10",
        allows_adaptation=True,
        allows_commercial_use=True,
        share_alike=False,
        requires_attribution=False,
        explanation=_(
            "Op dit werk rust geen auteursrecht meer: iedereen mag alles ermee doen, zonder "
            "voorwaarden."
        ),
    ),
}
for _version in ("4.0", "3.0"):
    for _elements, _label in _LABELS.items():
        _licence = _cc(_elements, _version, f"{_label} {_version}", _EXPLANATIONS[_elements])
        LICENCES[_licence.code] = _licence

DEFAULT_LICENCE = "cc-by-4.0"

# 3.0 licences are kept for imported material; new work is offered the current ones.
OFFERED_LICENCES = [
    "cc-by-4.0",
    "cc-by-sa-4.0",
    "cc-by-nc-4.0",
    "cc-by-nc-sa-4.0",
    "cc-by-nd-4.0",
    "cc-by-nc-nd-4.0",
    "cc0-1.0",
    "pdm-1.0",
]


def licence_choices() -> list[tuple[str, str]]:
    """Return (code, label) pairs for every licence, for model fields and forms."""
    return [(code, licence.label) for code, licence in LICENCES.items()]


def get_licence(code: str) -> Licence:
    """Return the licence with this code; raise KeyError for an unknown code."""
    return LICENCES[code]
