"""Searchable text from stored files: PDF, ODF, OOXML, plain text and zipped web pages.

Every reader works within fixed limits, so a hostile file (a zip bomb, a PDF with a
million pages) costs bounded time and memory: past a limit the text is cut off.
"""

import re
import zipfile
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import PurePosixPath

from lxml import etree

# Characters of text kept per file: plenty for search, small enough for an index row.
MAX_TEXT_CHARS = 200_000
# Uncompressed bytes read from all members of one archive together.
MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 2_000
MAX_PDF_PAGES = 500
CHUNK_BYTES = 64 * 1024

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
XHTML = "{http://www.w3.org/1999/xhtml}"

ODF_TYPES = {
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}
PLAIN_TYPES = {"text/plain", "text/vtt"}
OOXML = "application/vnd.openxmlformats-officedocument"
DOCX = f"{OOXML}.wordprocessingml.document"
XLSX = f"{OOXML}.spreadsheetml.sheet"
PPTX = f"{OOXML}.presentationml.presentation"
HTML_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "title", "dt", "dd"}


class ExtractionError(ValueError):
    """The file could not be read as the type it claims to be."""


@dataclass
class Extraction:
    text: str = ""
    page_count: int | None = None
    truncated: bool = False
    bytes_read: int = 0


class _TextCollector:
    """Gather lines of text up to MAX_TEXT_CHARS, noting when something was left out."""

    def __init__(self, extraction: Extraction, max_chars: int):
        self.extraction = extraction
        self.max_chars = max_chars
        self.lines: list[str] = []
        self.chars = 0

    @property
    def full(self) -> bool:
        return self.chars >= self.max_chars

    def add(self, line: str) -> None:
        line = re.sub(r"\s+", " ", line).strip()
        if not line:
            return
        room = self.max_chars - self.chars
        if room <= 0:
            self.extraction.truncated = True
            return
        if len(line) > room:
            line = line[:room]
            self.extraction.truncated = True
        self.lines.append(line)
        self.chars += len(line) + 1

    def finish(self) -> Extraction:
        self.extraction.text = "\n".join(self.lines)
        return self.extraction


def has_text(mime_type: str) -> bool:
    """Whether text is extracted from files of this type."""
    return mime_type in PLAIN_TYPES or mime_type == "application/pdf" or _is_archive(mime_type)


def _is_archive(mime_type: str) -> bool:
    return mime_type in ODF_TYPES or mime_type.startswith(OOXML) or mime_type == "application/zip"


def extract_text(
    path: str,
    mime_type: str,
    *,
    max_chars: int = MAX_TEXT_CHARS,
    max_bytes: int = MAX_UNCOMPRESSED_BYTES,
) -> Extraction | None:
    """Return the text (and page count) of the file at `path`, or None for types without text."""
    if not has_text(mime_type):
        return None
    extraction = Extraction()
    collector = _TextCollector(extraction, max_chars)
    if mime_type == "application/pdf":
        _read_pdf(path, collector)
    elif mime_type in PLAIN_TYPES:
        _read_plain(path, collector, max_bytes)
    else:
        _read_archive(path, mime_type, collector, max_bytes)
    return collector.finish()


def _read_pdf(path: str, collector: _TextCollector) -> None:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as error:
        raise ExtractionError(f"not a readable PDF: {error}") from error
    try:
        collector.extraction.page_count = len(document)
        for index in range(min(len(document), MAX_PDF_PAGES)):
            if collector.full:
                break
            page = document[index]
            text_page = page.get_textpage()
            try:
                for line in text_page.get_text_bounded().splitlines():
                    collector.add(line)
            finally:
                text_page.close()
                page.close()
        if len(document) > MAX_PDF_PAGES:
            collector.extraction.truncated = True
    finally:
        document.close()


def _read_plain(path: str, collector: _TextCollector, max_bytes: int) -> None:
    with open(path, "rb") as handle:
        data = handle.read(min(max_bytes, collector.max_chars * 4))
        collector.extraction.bytes_read = len(data)
        if handle.read(1):
            collector.extraction.truncated = True
    for line in data.decode("utf-8", "replace").splitlines():
        collector.add(line)


class _Budget:
    """Uncompressed bytes an archive may still yield; members lie about their sizes."""

    def __init__(self, extraction: Extraction, max_bytes: int):
        self.extraction = extraction
        self.remaining = max_bytes

    def chunks(self, archive: zipfile.ZipFile, name: str) -> Iterator[bytes]:
        with archive.open(name) as member:
            while self.remaining > 0:
                chunk = member.read(min(CHUNK_BYTES, self.remaining))
                if not chunk:
                    return
                self.remaining -= len(chunk)
                self.extraction.bytes_read += len(chunk)
                yield chunk
            if member.read(1):
                self.extraction.truncated = True


def _paragraphs(
    chunks: Iterator[bytes], paragraph_tags: set[str], text_tag: str | None, *, html: bool = False
) -> Iterator[str]:
    """Yield the text of each paragraph element as the XML streams in, freeing what was read."""
    if html:
        parser = etree.HTMLPullParser(events=("end",), no_network=True)
    else:
        parser = etree.XMLPullParser(
            events=("end",), resolve_entities=False, no_network=True, huge_tree=False
        )
    for chunk in chunks:
        parser.feed(chunk)
        for _event, element in parser.read_events():
            tag = element.tag if isinstance(element.tag, str) else ""
            if html:
                tag = tag.removeprefix(XHTML).lower()
            if tag not in paragraph_tags:
                continue
            if text_tag is None:
                yield "".join(element.itertext())
            else:
                yield "".join(node.text or "" for node in element.iter(text_tag))
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del element.getparent()[0]
    # A document cut off at the byte limit ends mid-element; what was read still counts.
    with suppress(etree.XMLSyntaxError):
        parser.close()


def _slide_number(name: str) -> int:
    digits = re.findall(r"\d+", PurePosixPath(name).stem)
    return int(digits[-1]) if digits else 0


def _archive_parts(names: list[str], mime_type: str) -> list[tuple[str, set[str], str | None]]:
    """Return the members that hold text, in reading order, with their paragraph and text tags."""
    if mime_type in ODF_TYPES:
        return [("content.xml", {f"{ODF_TEXT}p", f"{ODF_TEXT}h"}, None)]
    if mime_type == DOCX:
        return [("word/document.xml", {f"{W}p"}, f"{W}t")]
    if mime_type == PPTX:
        slides = [n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
        return [(n, {f"{A}p"}, f"{A}t") for n in sorted(slides, key=_slide_number)]
    if mime_type == XLSX:
        return [("xl/sharedStrings.xml", {f"{SHEET}si"}, f"{SHEET}t")]
    if mime_type == "application/zip":
        pages = [n for n in names if n.lower().endswith((".html", ".htm"))]
        return [(n, HTML_BLOCKS, None) for n in sorted(pages)]
    return []


def _read_archive(path: str, mime_type: str, collector: _TextCollector, max_bytes: int) -> None:
    budget = _Budget(collector.extraction, max_bytes)
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()[:MAX_ARCHIVE_MEMBERS]
            for name, paragraph_tags, text_tag in _archive_parts(names, mime_type):
                if name not in names:
                    continue
                html = mime_type == "application/zip"
                chunks = budget.chunks(archive, name)
                for paragraph in _paragraphs(chunks, paragraph_tags, text_tag, html=html):
                    collector.add(paragraph)
                    if collector.full:
                        collector.extraction.truncated = True
                        return
                if budget.remaining <= 0:
                    collector.extraction.truncated = True
                    return
    except (zipfile.BadZipFile, etree.XMLSyntaxError, EOFError) as error:
        raise ExtractionError(f"not a readable archive: {error}") from error
