"""Licence compatibility against Creative Commons' rules, written out by hand.

The adaptation grid follows CC's adapter's licence chart: for each source licence, the
licences an adapter may give the adaptation. A pair of sources allows what both allow.
The platform offers only the 4.0 licences and CC0 for new work.
"""

from django.utils import translation

import pytest

from metadata.licence_compatibility import (
    adaptation_licences,
    collection_licence,
    licence_allows_adaptation,
)
from metadata.licences import LICENCES

CODES = {
    "cc0": "cc0-1.0",
    "pdm": "pdm-1.0",
    "by4": "cc-by-4.0",
    "bysa4": "cc-by-sa-4.0",
    "bync4": "cc-by-nc-4.0",
    "byncsa4": "cc-by-nc-sa-4.0",
    "bynd4": "cc-by-nd-4.0",
    "byncnd4": "cc-by-nc-nd-4.0",
    "by3": "cc-by-3.0",
    "bysa3": "cc-by-sa-3.0",
    "bync3": "cc-by-nc-3.0",
    "byncsa3": "cc-by-nc-sa-3.0",
    "bynd3": "cc-by-nd-3.0",
    "byncnd3": "cc-by-nc-nd-3.0",
}

# What an adaptation (or collection) may carry, in the order the platform offers them.
RESULTS = {
    # Public-domain sources: anything, including CC0 for the adapter's own work.
    "ALL": (
        "cc-by-4.0",
        "cc-by-sa-4.0",
        "cc-by-nc-4.0",
        "cc-by-nc-sa-4.0",
        "cc-by-nd-4.0",
        "cc-by-nc-nd-4.0",
        "cc0-1.0",
    ),
    # BY: any licence that keeps attribution.
    "BY": (
        "cc-by-4.0",
        "cc-by-sa-4.0",
        "cc-by-nc-4.0",
        "cc-by-nc-sa-4.0",
        "cc-by-nd-4.0",
        "cc-by-nc-nd-4.0",
    ),
    # NC: only non-commercial licences.
    "NC": ("cc-by-nc-4.0", "cc-by-nc-sa-4.0", "cc-by-nc-nd-4.0"),
    # SA: the same licence, 4.0 being the same or a later version.
    "SA": ("cc-by-sa-4.0",),
    "NCSA": ("cc-by-nc-sa-4.0",),
    # ND anywhere, or BY-SA together with NC: no adaptation at all.
    "-": (),
}

ADAPTATION_GRID = """
         cc0  pdm  by4  bysa4 bync4 byncsa4 bynd4 byncnd4 by3  bysa3 bync3 byncsa3 bynd3 byncnd3
cc0      ALL  ALL  BY   SA    NC    NCSA    -     -       BY   SA    NC    NCSA    -     -
pdm      ALL  ALL  BY   SA    NC    NCSA    -     -       BY   SA    NC    NCSA    -     -
by4      BY   BY   BY   SA    NC    NCSA    -     -       BY   SA    NC    NCSA    -     -
bysa4    SA   SA   SA   SA    -     -       -     -       SA   SA    -     -       -     -
bync4    NC   NC   NC   -     NC    NCSA    -     -       NC   -     NC    NCSA    -     -
byncsa4  NCSA NCSA NCSA -     NCSA  NCSA    -     -       NCSA -     NCSA  NCSA    -     -
bynd4    -    -    -    -     -     -       -     -       -    -     -     -       -     -
byncnd4  -    -    -    -     -     -       -     -       -    -     -     -       -     -
by3      BY   BY   BY   SA    NC    NCSA    -     -       BY   SA    NC    NCSA    -     -
bysa3    SA   SA   SA   SA    -     -       -     -       SA   SA    -     -       -     -
bync3    NC   NC   NC   -     NC    NCSA    -     -       NC   -     NC    NCSA    -     -
byncsa3  NCSA NCSA NCSA -     NCSA  NCSA    -     -       NCSA -     NCSA  NCSA    -     -
bynd3    -    -    -    -     -     -       -     -       -    -     -     -       -     -
byncnd3  -    -    -    -     -     -       -     -       -    -     -     -       -     -
"""

# A collection keeps each item under its own licence (CC: a collection is no adaptation),
# so only NC carries over; ND and SA items may be collected under any licence.
COLLECTION_GRID = """
         cc0  pdm  by4  bysa4 bync4 byncsa4 bynd4 byncnd4 by3  bysa3 bync3 byncsa3 bynd3 byncnd3
cc0      ALL  ALL  ALL  ALL   NC    NC      ALL   NC      ALL  ALL   NC    NC      ALL   NC
pdm      ALL  ALL  ALL  ALL   NC    NC      ALL   NC      ALL  ALL   NC    NC      ALL   NC
by4      ALL  ALL  ALL  ALL   NC    NC      ALL   NC      ALL  ALL   NC    NC      ALL   NC
bysa4    ALL  ALL  ALL  ALL   NC    NC      ALL   NC      ALL  ALL   NC    NC      ALL   NC
bync4    NC   NC   NC   NC    NC    NC      NC    NC      NC   NC    NC    NC      NC    NC
byncsa4  NC   NC   NC   NC    NC    NC      NC    NC      NC   NC    NC    NC      NC    NC
bynd4    ALL  ALL  ALL  ALL   NC    NC      ALL   NC      ALL  ALL   NC    NC      ALL   NC
byncnd4  NC   NC   NC   NC    NC    NC      NC    NC      NC   NC    NC    NC      NC    NC
by3      ALL  ALL  ALL  ALL   NC    NC      ALL   NC      ALL  ALL   NC    NC      ALL   NC
bysa3    ALL  ALL  ALL  ALL   NC    NC      ALL   NC      ALL  ALL   NC    NC      ALL   NC
bync3    NC   NC   NC   NC    NC    NC      NC    NC      NC   NC    NC    NC      NC    NC
byncsa3  NC   NC   NC   NC    NC    NC      NC    NC      NC   NC    NC    NC      NC    NC
bynd3    ALL  ALL  ALL  ALL   NC    NC      ALL   NC      ALL  ALL   NC    NC      ALL   NC
byncnd3  NC   NC   NC   NC    NC    NC      NC    NC      NC   NC    NC    NC      NC    NC
"""

PDM_ADAPTATION = (
    "Het publiek-domeinmerk is alleen voor werk waarop geen auteursrecht meer rust, en een "
    "bewerking is nieuw werk. Wil je afstand doen van je rechten, kies dan CC0."
)
PDM_COLLECTION = PDM_ADAPTATION.replace("een bewerking", "een arrangement")


def grid_cases(grid: str) -> list:
    header, *rows = grid.strip().splitlines()
    columns = header.split()
    cases = []
    for row in rows:
        first, *cells = row.split()
        for second, cell in zip(columns, cells, strict=True):
            cases.append(
                pytest.param(CODES[first], CODES[second], RESULTS[cell], id=f"{first}+{second}")
            )
    return cases


def reasons(decision) -> list[str]:
    with translation.override("nl"):
        return [str(reason) for reason in decision.reasons]


def test_the_grids_cover_every_licence():
    assert set(CODES.values()) == set(LICENCES)


@pytest.mark.parametrize(("first", "second", "expected"), grid_cases(ADAPTATION_GRID))
def test_adaptation_of_two_sources_follows_cc_rules(first, second, expected):
    decision = adaptation_licences([first, second])

    assert decision.licences == expected
    assert decision.allowed == bool(expected)
    assert decision.reasons


@pytest.mark.parametrize(("first", "second", "expected"), grid_cases(COLLECTION_GRID))
def test_collection_of_two_items_follows_cc_rules(first, second, expected):
    decision = collection_licence([first, second])

    assert decision.allowed
    assert decision.licences == expected


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        (["cc-by-4.0", "cc-by-nc-4.0", "cc0-1.0"], "NC"),
        (["cc-by-sa-4.0", "cc-by-sa-3.0", "pdm-1.0"], "SA"),
        (["cc-by-3.0", "cc-by-nc-sa-3.0", "cc-by-nc-4.0"], "NCSA"),
        (["cc0-1.0", "pdm-1.0", "cc-by-3.0"], "BY"),
        (["cc-by-sa-4.0", "cc-by-nc-sa-4.0", "cc-by-4.0"], "-"),
        (["cc-by-4.0", "cc-by-nd-4.0", "cc-by-nc-4.0"], "-"),
        (["cc0-1.0", "pdm-1.0", "cc0-1.0"], "ALL"),
    ],
    ids=["nc-spreads", "sa-versions", "nc-sa-wins", "by-needs-credit", "sa-and-nc", "nd", "pd"],
)
def test_adaptation_of_three_sources_follows_cc_rules(sources, expected):
    assert adaptation_licences(sources).licences == RESULTS[expected]


@pytest.mark.parametrize("code", sorted(LICENCES))
def test_only_no_derivatives_licences_forbid_adaptation(code):
    decision = licence_allows_adaptation(code)

    assert decision.allowed == ("-nd-" not in code)


def test_no_derivatives_refusal_explains_itself():
    decision = licence_allows_adaptation("cc-by-nc-nd-4.0")

    assert reasons(decision) == [
        "CC BY-NC-ND 4.0 staat geen bewerkingen toe: je mag het werk alleen ongewijzigd delen."
    ]


def test_an_adaptation_of_a_no_derivatives_source_is_refused_with_the_reason():
    decision = adaptation_licences(["cc-by-4.0", "cc-by-nd-3.0"])

    assert not decision.allowed
    assert reasons(decision) == [
        "CC BY-ND 3.0 staat geen bewerkingen toe: je mag het werk alleen ongewijzigd delen."
    ]


def test_share_alike_with_non_commercial_is_refused_with_the_reason():
    decision = adaptation_licences(["cc-by-sa-4.0", "cc-by-nc-3.0"])

    assert reasons(decision) == [
        "CC BY-SA 4.0 vraagt dat je een bewerking onder dezelfde licentie deelt, en CC BY-NC 3.0 "
        "staat geen commercieel gebruik toe. Geen licentie voldoet aan allebei."
    ]


def test_every_conflict_is_explained():
    decision = adaptation_licences(["cc-by-sa-4.0", "cc-by-nc-nd-4.0", "cc-by-nc-4.0"])

    assert reasons(decision) == [
        "CC BY-NC-ND 4.0 staat geen bewerkingen toe: je mag het werk alleen ongewijzigd delen.",
        "CC BY-SA 4.0 vraagt dat je een bewerking onder dezelfde licentie deelt, en "
        "CC BY-NC-ND 4.0 staat geen commercieel gebruik toe. Geen licentie voldoet aan allebei.",
        "CC BY-SA 4.0 vraagt dat je een bewerking onder dezelfde licentie deelt, en "
        "CC BY-NC 4.0 staat geen commercieel gebruik toe. Geen licentie voldoet aan allebei.",
    ]


def test_share_alike_explains_why_only_one_licence_is_left():
    decision = adaptation_licences(["cc-by-sa-3.0"])

    assert decision.licences == ("cc-by-sa-4.0",)
    assert reasons(decision) == [
        "CC BY-SA 3.0 vraagt dat je een bewerking onder dezelfde licentie deelt, of onder een "
        "latere versie ervan.",
        PDM_ADAPTATION,
    ]


def test_non_commercial_and_attribution_explain_the_narrower_choice():
    decision = adaptation_licences(["cc-by-nc-4.0", "cc-by-3.0"])

    assert reasons(decision) == [
        "CC BY-NC 4.0 staat geen commercieel gebruik toe en vraagt naamsvermelding. Je bewerking "
        "krijgt daarom ook een licentie met NC (niet commercieel).",
        "CC BY 3.0 vraagt naamsvermelding. Daarom kan je bewerking niet onder CC0.",
        PDM_ADAPTATION,
    ]


def test_public_domain_sources_leave_only_the_public_domain_mark_out():
    decision = adaptation_licences(["pdm-1.0"])

    assert decision.licences == RESULTS["ALL"]
    assert reasons(decision) == [PDM_ADAPTATION]


def test_an_unknown_source_licence_is_refused():
    decision = adaptation_licences(["cc-by-4.0", "eigen-licentie"])

    assert not decision.allowed
    assert reasons(decision) == ["De licentie ‘eigen-licentie’ kennen we niet."]


def test_an_adaptation_needs_a_source():
    with pytest.raises(ValueError, match="at least one source"):
        adaptation_licences([])


def test_a_narrow_offer_that_fits_no_source_is_refused_with_the_reason():
    decision = adaptation_licences(["cc-by-sa-4.0"], offered=["cc-by-4.0"])

    assert not decision.allowed
    assert reasons(decision)[-1] == (
        "Geen van de licenties die we aanbieden past bij al deze bronnen."
    )


def test_a_collection_with_a_non_commercial_item_explains_why_it_becomes_non_commercial():
    decision = collection_licence(["cc-by-4.0", "cc-by-nc-sa-3.0"])

    assert decision.licences == RESULTS["NC"]
    assert reasons(decision) == [
        "CC BY-NC-SA 3.0 staat geen commercieel gebruik toe. Daarom krijgt het arrangement ook "
        "een licentie met NC (niet commercieel).",
        PDM_COLLECTION,
    ]


def test_a_collection_of_three_items_is_non_commercial_when_one_of_them_is():
    decision = collection_licence(["cc-by-sa-4.0", "cc-by-nd-4.0", "cc-by-nc-nd-3.0"])

    assert decision.licences == RESULTS["NC"]


def test_an_empty_collection_may_carry_any_licence_but_the_public_domain_mark():
    assert collection_licence([]).licences == RESULTS["ALL"]


def test_a_collection_with_an_unknown_licence_is_refused():
    decision = collection_licence(["cc-by-4.0", "eigen-licentie"])

    assert not decision.allowed
    assert reasons(decision) == ["De licentie ‘eigen-licentie’ kennen we niet."]


def test_a_narrow_offer_that_fits_no_collection_is_refused_with_the_reason():
    decision = collection_licence(["cc-by-nc-4.0"], offered=["cc-by-4.0"])

    assert not decision.allowed
    assert reasons(decision)[-1] == (
        "Geen van de licenties die we aanbieden past bij dit arrangement."
    )
