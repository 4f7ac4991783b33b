"""Side-by-side line differences of two stored text files, in hunks with some context."""

import difflib
from dataclasses import dataclass, field
from itertools import zip_longest

from django.utils.translation import gettext as _

from repository.models import StoredFile
from repository.services.files import materials_storage

# Markdown is stored as text/plain (filetypes.py); both are named for clarity.
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
# Side-by-side diffs of larger files are slow to compute and unreadable on a page.
TEXT_DIFF_LIMIT = 200_000
CONTEXT_LINES = 3


@dataclass(frozen=True)
class DiffRow:
    """One line pair of a side-by-side diff; a number is None where that side has no line."""

    kind: str  # equal, delete, insert or replace (difflib's opcodes)
    old_number: int | None
    old_text: str
    new_number: int | None
    new_text: str


def side_by_side(
    old_lines: list[str], new_lines: list[str], *, context: int = CONTEXT_LINES
) -> list[list[DiffRow]]:
    """Pair changed lines side by side, in hunks with `context` unchanged lines around them."""
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    hunks = []
    for group in matcher.get_grouped_opcodes(context):
        rows = []
        for kind, old_start, old_end, new_start, new_end in group:
            old_part = enumerate(old_lines[old_start:old_end], start=old_start + 1)
            new_part = enumerate(new_lines[new_start:new_end], start=new_start + 1)
            for (old_number, old_text), (new_number, new_text) in zip_longest(
                old_part, new_part, fillvalue=(None, "")
            ):
                rows.append(DiffRow(kind, old_number, old_text, new_number, new_text))
        hunks.append(rows)
    return hunks


@dataclass
class TextDiff:
    """Line differences of two text files in hunks, or the reason there are none to show."""

    hunks: list[list[DiffRow]] = field(default_factory=list)
    refusal: str = ""


def _read_text(stored: StoredFile) -> str:
    with materials_storage().open(stored.storage_name, "rb") as handle:
        data = handle.read(TEXT_DIFF_LIMIT + 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older text files are often Windows-1252; a stray byte must not hide the whole diff.
        return data.decode("cp1252", errors="replace")


def text_diff(old: StoredFile, new: StoredFile) -> TextDiff:
    """Compare two text files line by line, in hunks with a few lines of context."""
    if old.is_removed or new.is_removed:
        return TextDiff(refusal=_("Een van beide bestanden is verwijderd; we tonen de tekst niet."))
    if max(old.size, new.size) > TEXT_DIFF_LIMIT:
        return TextDiff(
            refusal=_(
                "Dit bestand is groter dan %(limit)s kB; vergelijk de tekst door beide versies "
                "te downloaden."
            )
            % {"limit": TEXT_DIFF_LIMIT // 1000}
        )
    try:
        old_lines, new_lines = _read_text(old).splitlines(), _read_text(new).splitlines()
    except OSError:
        return TextDiff(refusal=_("De tekst van dit bestand kon niet worden gelezen."))
    return TextDiff(hunks=side_by_side(old_lines, new_lines))
