"""A small dataset in SLO's file format, for tests that must not depend on ../shared."""

import json
from pathlib import Path

PO = "512e4729-03a4-43a2-95ba-758071d1b725"
FASE_1 = "0a3d23df-1758-439b-b219-cd2854cc639b"
NEDERLANDS = "e41b8c50-d002-4a9f-be8b-9b5da0008656"
NEW_SUBJECT = "00000000-0000-4000-8000-000000000001"
GOAL = "00000000-0000-4000-8000-000000000010"
RETIRED_GOAL = "00000000-0000-4000-8000-000000000011"
DOMEIN = "00000000-0000-4000-8000-000000000020"
GROUP = "00000000-0000-4000-8000-000000000030"


def slo_files(**overrides) -> dict[str, list]:
    """Return SLO's six files as {relative path: items}; keyword arguments replace one file."""
    files = {
        "niveaus": [
            {"id": PO, "title": "po", "description": "primair onderwijs", "prefix": "1000"},
            {"id": FASE_1, "title": "fase 1", "description": "fase 1", "prefix": "1200"},
        ],
        "vakleergebieden": [
            {"id": NEDERLANDS, "title": "Nederlands", "prefix": "ne", "description": ""},
            {"id": NEW_SUBJECT, "title": "Proefvak", "prefix": "pv", "description": ""},
        ],
        "kerndoelen": [
            {
                "id": GOAL,
                "prefix": "PO Kerndoel 01",
                "title": "De leerling leert iets.",
                "description": "Iets leren",
                "kerndoelLabel": "Iets leren",
                "niveau_id": [PO, FASE_1],
                "replaces": [RETIRED_GOAL],
            }
        ],
        "domeinen": [{"id": DOMEIN, "title": "Domein", "kerndoel_id": [GOAL]}],
        "kerndoel_vakleergebieden": [
            {
                "id": GROUP,
                "title": "Nederlands",
                "vakleergebied_id": [NEDERLANDS],
                "kerndoel_domein_id": [DOMEIN],
            }
        ],
        "deprecated": [
            {
                "id": RETIRED_GOAL,
                "prefix": "PO Kerndoel 01: Iets leren",
                "title": "De leerling leerde iets.",
                "description": "Iets leren",
                "niveau_id": [PO],
                "replacedBy": [GOAL],
                "types": ["kerndoel"],
            }
        ],
    }
    files.update(overrides)
    return files


PATHS = {
    "niveaus": "curriculum-basis/niveaus.json",
    "vakleergebieden": "curriculum-basis/vakleergebieden.json",
    "kerndoelen": "curriculum-kerndoelen/kerndoelen.json",
    "domeinen": "curriculum-kerndoelen/domeinen.json",
    "kerndoel_vakleergebieden": "curriculum-kerndoelen/vakleergebieden.json",
    "deprecated": "curriculum-kerndoelen/deprecated.json",
}


def write_slo_files(directory: Path, **overrides) -> Path:
    """Write the small dataset under `directory` and return it."""
    for name, items in slo_files(**overrides).items():
        path = directory / PATHS[name]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(items), encoding="utf-8")
    return directory
