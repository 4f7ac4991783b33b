"""Text for search comes out of PDF, ODF, OOXML and plain files, within fixed limits."""

import io
import zipfile

import pytest

from repository import demo_files
from repository.extraction import ExtractionError, extract_text

OOXML = "application/vnd.openxmlformats-officedocument"


@pytest.fixture
def write(tmp_path):
    def write(name: str, data: bytes) -> str:
        path = tmp_path / name
        path.write_bytes(data)
        return str(path)

    return write


def test_a_pdfs_text_and_page_count_are_extracted(write):
    path = write("a.pdf", demo_files.pdf_bytes("Breuken vergelijken", ["Teller en noemer"]))

    extraction = extract_text(path, "application/pdf")

    assert "Breuken vergelijken" in extraction.text
    assert "Teller en noemer" in extraction.text
    assert extraction.page_count == 1


def test_a_corrupt_pdf_raises_an_extraction_error(write):
    path = write("kapot.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 100)

    with pytest.raises(ExtractionError):
        extract_text(path, "application/pdf")


def test_an_odt_documents_paragraphs_are_extracted(write):
    data = demo_files.odt_bytes("Waterkringloop", ["Verdamping en neerslag.", "Wolken & regen"])
    path = write("a.odt", data)

    extraction = extract_text(path, "application/vnd.oasis.opendocument.text")

    assert extraction.text.splitlines() == [
        "Waterkringloop",
        "Verdamping en neerslag.",
        "Wolken & regen",
    ]


def test_a_docx_documents_paragraphs_are_extracted(write):
    path = write("a.docx", demo_files.docx_bytes("Spelling", ["De d of de t?", "Werkwoorden"]))

    extraction = extract_text(path, f"{OOXML}.wordprocessingml.document")

    assert extraction.text.splitlines() == ["Spelling", "De d of de t?", "Werkwoorden"]


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_pptx_slides_are_read_in_slide_order(write):
    def slide(text):
        return (
            '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            f"<a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:sld>"
        ).encode()

    path = write(
        "a.pptx",
        _zip({"ppt/slides/slide10.xml": slide("Tien"), "ppt/slides/slide2.xml": slide("Twee")}),
    )

    extraction = extract_text(path, f"{OOXML}.presentationml.presentation")

    assert extraction.text.splitlines() == ["Twee", "Tien"]


def test_xlsx_shared_strings_are_extracted(write):
    strings = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>Leerling</t></si><si><r><t>Cij</t></r><r><t>fer</t></r></si></sst>"
    )
    path = write("a.xlsx", _zip({"xl/sharedStrings.xml": strings}))

    extraction = extract_text(path, f"{OOXML}.spreadsheetml.sheet")

    assert extraction.text.splitlines() == ["Leerling", "Cijfer"]


def test_plain_text_and_markdown_are_read_as_utf8(write):
    path = write("a.md", "# Kop\n\nTekst met één accent.\n".encode())

    extraction = extract_text(path, "text/plain")

    assert extraction.text.splitlines() == ["# Kop", "Tekst met één accent."]


def test_zipped_web_pages_give_their_visible_text(write):
    page = b"<html><head><script>var x = 1;</script></head><body><p>Hallo wereld</p></body></html>"
    path = write("site.zip", _zip({"index.html": page}))

    extraction = extract_text(path, "application/zip")

    assert extraction.text == "Hallo wereld"


def test_types_without_text_give_none(write):
    path = write("a.png", demo_files.png_bytes("x"))

    assert extract_text(path, "image/png") is None


def test_a_zip_bomb_is_not_expanded_beyond_the_byte_cap(write):
    paragraph = b"<w:p><w:r><w:t>bom</w:t></w:r></w:p>"
    body = paragraph * (20 * 1024 * 1024 // len(paragraph))
    document = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + body + b"</w:body></w:document>"
    )
    path = write("bom.docx", _zip({"word/document.xml": document}))
    cap = 1024 * 1024

    extraction = extract_text(path, f"{OOXML}.wordprocessingml.document", max_bytes=cap)

    assert extraction.bytes_read <= cap
    assert extraction.truncated
    assert extraction.text.startswith("bom\nbom")


def test_extracted_text_stops_at_the_character_limit(write):
    path = write("lang.txt", ("woord " * 10_000).encode())

    extraction = extract_text(path, "text/plain", max_chars=100)

    assert len(extraction.text) <= 100
    assert extraction.truncated


def test_xml_entities_are_not_expanded(write):
    document = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>a&x;b</w:t></w:r></w:p></w:body></w:document>"
    )
    path = write("xxe.docx", _zip({"word/document.xml": document}))

    extraction = extract_text(path, f"{OOXML}.wordprocessingml.document")

    assert "root:" not in extraction.text
