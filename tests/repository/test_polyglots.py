"""Files that are valid as an allowed type but carry a second format are refused, with a Dutch
message and nothing stored: a web page or script at the start of a PDF or image, a ZIP hidden at
the end of one, something placed in front of an Office document. Ordinary files still pass."""

import io
import zipfile
from pathlib import Path

from django.core.files.storage import storages

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from repository import demo_files
from repository.filetypes import FileRefused
from repository.models import StoredFile
from repository.services.files import stored_file_create
from tests.repository.factories import upload

pytestmark = pytest.mark.django_db


def store(name: str, data: bytes) -> StoredFile:
    return stored_file_create(upload=upload(name, data), original_name=name)


def nothing_stored() -> bool:
    location = Path(storages["materials"].location)
    no_blobs = not location.exists() or not any(path.is_file() for path in location.rglob("*"))
    return no_blobs and not StoredFile.objects.exists()


def web_zip(stored: bool = False) -> bytes:
    buffer = io.BytesIO()
    compression = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("index.html", "<!doctype html><html><body><script>go()</script></body>")
        archive.writestr("go.js", "function go() {}")
    return buffer.getvalue()


def pdf() -> bytes:
    return demo_files.pdf_bytes("Breuken", ["Oefening 1"])


def jpeg_with_comment(comment: bytes) -> bytes:
    plain = demo_files.jpeg_bytes("Foto")
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return plain[:2] + segment + plain[2:]


def test_a_pdf_with_a_web_page_in_its_first_kilobyte_is_refused():
    data = pdf()
    polyglot = data[:9] + b"<html><script>alert(document.cookie)</script></html>\n" + data[9:]

    with pytest.raises(FileRefused, match="bevat ook een webpagina of script"):
        store("les.pdf", polyglot)

    assert nothing_stored()


def test_a_photo_with_a_script_in_its_comment_is_refused():
    with pytest.raises(FileRefused, match="bevat ook een webpagina of script"):
        store("foto.jpg", jpeg_with_comment(b"<script src=//evil.example/x.js></script>"))

    assert nothing_stored()


def test_a_png_carrying_an_svg_is_refused():
    out = io.BytesIO()
    info = PngInfo()
    info.add_text("Comment", "<svg onload=alert(1)>")
    Image.new("RGB", (8, 8), "#1d6b2a").save(out, "PNG", pnginfo=info)

    with pytest.raises(FileRefused, match="bevat ook een webpagina of script"):
        store("plaatje.png", out.getvalue())


def test_a_photo_with_a_zip_appended_is_refused():
    with pytest.raises(FileRefused, match="ZIP-archief in verstopt"):
        store("foto.jpg", demo_files.jpeg_bytes("Foto") + web_zip())

    assert nothing_stored()


def test_a_pdf_with_a_zip_appended_is_refused():
    with pytest.raises(FileRefused, match="ZIP-archief in verstopt"):
        store("les.pdf", pdf() + web_zip())


def test_an_office_document_with_a_web_page_in_front_of_it_is_refused():
    polyglot = b"<html><script>alert(1)</script></html>" + demo_files.docx_bytes("Les", ["Tekst"])

    with pytest.raises(FileRefused, match="staat iets anders vóór het archief"):
        store("les.docx", polyglot)

    assert nothing_stored()


def test_an_ordinary_pdf_photo_and_document_are_accepted():
    store("les.pdf", pdf())
    store("foto.jpg", demo_files.jpeg_bytes("Foto"))
    store("les.docx", demo_files.docx_bytes("Les", ["Tekst"]))

    assert StoredFile.objects.count() == 3


def test_a_zip_of_web_pages_with_an_uncompressed_page_up_front_is_accepted():
    store("site.zip", web_zip(stored=True))

    assert StoredFile.objects.count() == 1


def test_a_photo_whose_comment_merely_mentions_pk_bytes_is_accepted():
    store("foto.jpg", jpeg_with_comment(b"PK\x05\x06 is geen archief"))

    assert StoredFile.objects.count() == 1
