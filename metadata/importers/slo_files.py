"""Read the JSON files SLO publishes for its curriculum data, and check their shape."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

NIVEAUS = "curriculum-basis/niveaus.json"
VAKLEERGEBIEDEN = "curriculum-basis/vakleergebieden.json"
KERNDOELEN = "curriculum-kerndoelen/kerndoelen.json"
DOMEINEN = "curriculum-kerndoelen/domeinen.json"
KERNDOEL_VAKLEERGEBIEDEN = "curriculum-kerndoelen/vakleergebieden.json"
DEPRECATED = "curriculum-kerndoelen/deprecated.json"


class SloDataError(Exception):
    """The SLO files are missing or not in SLO's format."""


@dataclass(frozen=True)
class SloData:
    niveaus: dict[str, dict]
    vakleergebieden: list[dict]
    kerndoelen: list[dict]
    domeinen: list[dict]
    kerndoel_vakleergebieden: list[dict]
    deprecated: list[dict]


def slo_data_read(directory: Path) -> SloData:
    """Read and check the SLO files under `directory`; raise SloDataError when they are unusable."""
    directory = Path(directory)
    if not directory.is_dir():
        raise SloDataError(_("De map {directory} bestaat niet.").format(directory=directory))
    return SloData(
        niveaus={item["id"]: item for item in _read_items(directory, NIVEAUS)},
        vakleergebieden=_read_items(directory, VAKLEERGEBIEDEN),
        kerndoelen=_read_items(directory, KERNDOELEN),
        domeinen=_read_items(directory, DOMEINEN),
        kerndoel_vakleergebieden=_read_items(directory, KERNDOEL_VAKLEERGEBIEDEN),
        deprecated=_read_items(directory, DEPRECATED),
    )


def _read_items(directory: Path, relative: str) -> list[dict]:
    path = directory / relative
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SloDataError(_("Het bestand {path} ontbreekt.").format(path=path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SloDataError(
            _("Het bestand {path} is geen geldige JSON: {error}").format(path=path, error=error)
        ) from None
    if not isinstance(items, list):
        raise SloDataError(_("Het bestand {path} bevat geen lijst.").format(path=path))
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
            raise SloDataError(
                _("Item {number} in {path} heeft geen id.").format(number=number, path=path)
            )
        for key, value in item.items():
            is_link = key.endswith("_id") or key in ("replaces", "replacedBy", "types")
            if is_link and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise SloDataError(
                    _("{key} van {id} in {path} is geen lijst van ids.").format(
                        key=key, id=item["id"], path=path
                    )
                )
    # SLO's rule: an unreleased id must not be stored outside the dataset.
    return [item for item in items if not item.get("unreleased")]
