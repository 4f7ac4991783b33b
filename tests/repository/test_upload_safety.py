"""Uploads that could hurt whoever unpacks or opens them are refused, with a Dutch message,
before anything is stored: zip bombs, deep nesting, paths out of the archive, links, encrypted
members, H5P packages with foreign files, image decompression bombs, SVG and HTML. Photos are
stored without the place where they were taken."""

import hashlib
import io
import stat
import struct
import zipfile
import zlib
from pathlib import Path

from django.core.files.storage import storages
from django.urls import reverse

import pytest
from PIL import Image

from repository import archive_checks, demo_files
from repository.filetypes import FileRefused, display_filename
from repository.image_metadata import GPS_IFD
from repository.models import StoredFile
from repository.services.files import stored_file_create
from repository.services.materials import material_add_file
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import draft_material, upload

pytestmark = pytest.mark.django_db


def zip_of(members: dict[str, bytes], *, infos: list[tuple[zipfile.ZipInfo, bytes]] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for info, data in infos:
            archive.writestr(info, data)
    return buffer.getvalue()


def store(name: str, data: bytes):
    return stored_file_create(upload=upload(name, data), original_name=name)


def nothing_stored() -> bool:
    location = Path(storages["materials"].location)
    no_blobs = not location.exists() or not any(path.is_file() for path in location.rglob("*"))
    return no_blobs and not StoredFile.objects.exists()


def docx_with(extra: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO(demo_files.docx_bytes("Les", ["Tekst"]))
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        for name, data in extra.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def h5p_with(extra: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO(demo_files.h5p_bytes("Quiz"))
    with zipfile.ZipFile(buffer, "a") as archive:
        for name, data in extra.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that only promises its size: signature and header, no pixels at all."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def test_a_zip_bomb_is_refused_and_nothing_is_stored():
    bomb = zip_of({"index.html": b"<p>hoi</p>", "data.txt": b"\0" * (4 * 1024 * 1024)})

    with pytest.raises(FileRefused, match="verdacht sterk is ingepakt"):
        store("site.zip", bomb)
    assert nothing_stored()


def test_an_office_document_hiding_a_zip_bomb_is_refused():
    with pytest.raises(FileRefused, match="verdacht sterk is ingepakt"):
        store("les.docx", docx_with({"word/media/leeg.bin": b"\0" * (4 * 1024 * 1024)}))


def test_an_archive_with_too_many_entries_is_refused(monkeypatch):
    monkeypatch.setattr(archive_checks, "MAX_ARCHIVE_ENTRIES", 3)
    pages = {f"pagina{number}.html": b"<p>x</p>" for number in range(4)}

    with pytest.raises(FileRefused, match="te veel bestanden"):
        store("site.zip", zip_of(pages))


def test_an_archive_that_unpacks_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(archive_checks, "MAX_ARCHIVE_UNPACKED_BYTES", 10_000)

    with pytest.raises(FileRefused, match="wordt uitgepakt"):
        store("site.zip", zip_of({"index.html": b"<p>" + b"a" * 20_000 + b"</p>"}))


def test_an_office_document_may_embed_one_spreadsheet():
    sheet = zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})

    stored = store("les.docx", docx_with({"word/embeddings/blad.xlsx": sheet}))

    assert stored.mime_type.endswith("wordprocessingml.document")


def test_an_archive_inside_an_archive_inside_an_archive_is_refused():
    deepest = zip_of({"pagina.html": b"<p>x</p>"})
    middle = zip_of({"binnenste.zip": deepest})

    with pytest.raises(FileRefused, match="archieven in archieven"):
        store("les.docx", docx_with({"word/embeddings/doos.zip": middle}))


def test_an_archive_renamed_to_hide_its_nesting_is_still_found():
    deepest = zip_of({"pagina.html": b"<p>x</p>"})
    middle = zip_of({"plaatje.png": deepest})

    with pytest.raises(FileRefused, match="archieven in archieven"):
        store("les.docx", docx_with({"word/media/plaatje.png": middle}))


@pytest.mark.parametrize(
    "member",
    ["../../etc/cron.d/taak.html", "/etc/passwd.html", "map\\..\\..\\boot.html", "C:/boot.html"],
)
def test_a_path_that_climbs_out_of_the_archive_is_refused(member):
    with pytest.raises(FileRefused, match="ongeldige plek"):
        store("site.zip", zip_of({"index.html": b"<p>x</p>", member: b"<p>x</p>"}))


def test_a_symbolic_link_in_an_archive_is_refused():
    link = zipfile.ZipInfo("wachtwoorden.html")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16

    with pytest.raises(FileRefused, match="snelkoppeling"):
        store("site.zip", zip_of({"index.html": b"<p>x</p>"}, infos=[(link, b"/etc/passwd")]))


def marked_encrypted(data: bytes, name: bytes) -> bytes:
    """Set the 'encrypted' flag of one member in the central directory, as zipfile cannot."""
    entry = data.index(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + len(name)] != name:
        entry = data.index(b"PK\x01\x02", entry + 4)
    flags = struct.unpack_from("<H", data, entry + 8)[0] | 0x1
    return data[: entry + 8] + struct.pack("<H", flags) + data[entry + 10 :]


def test_an_encrypted_member_that_cannot_be_checked_is_refused():
    site = zip_of({"index.html": b"<p>x</p>", "geheim.html": b"<p>geheim</p>"})

    with pytest.raises(FileRefused, match="versleuteld"):
        store("site.zip", marked_encrypted(site, b"geheim.html"))


def test_an_h5p_package_with_a_web_page_in_its_content_is_refused():
    with pytest.raises(FileRefused, match="niet in een H5P-pakket horen \\(html\\)"):
        store("quiz.h5p", h5p_with({"content/uitleg.html": b"<script>alert(1)</script>"}))


def test_an_h5p_package_with_a_script_outside_its_libraries_is_refused():
    with pytest.raises(FileRefused, match="H5P-pakket"):
        store("quiz.h5p", h5p_with({"content/spel.js": b"alert(1)"}))


def test_an_h5p_package_may_bring_the_scripts_and_styles_of_its_libraries():
    package = h5p_with(
        {
            "H5P.MultiChoice-1.16/library.json": b"{}",
            "H5P.MultiChoice-1.16/js/multichoice.js": b"var x;",
            "H5P.MultiChoice-1.16/css/multichoice.css": b"p{}",
            "content/images/plaat.png": demo_files.png_bytes("Plaat"),
        }
    )

    assert store("quiz.h5p", package).mime_type == "application/h5p+zip"


def test_an_h5p_package_without_content_is_refused():
    package = zip_of({"h5p.json": b'{"title": "Leeg", "mainLibrary": "H5P.Text"}'})

    with pytest.raises(FileRefused, match="content/content.json ontbreekt"):
        store("quiz.h5p", package)


@pytest.mark.parametrize(("width", "height"), [(20_000, 20_000), (10_000, 9_000)])
def test_an_image_promising_too_many_pixels_is_refused_before_decoding(width, height):
    with pytest.raises(FileRefused, match="te grote afbeelding"):
        store("poster.png", png_header(width, height))
    assert nothing_stored()


def test_a_large_but_reasonable_photo_is_accepted():
    assert store("foto.jpg", demo_files.jpeg_bytes("Foto", size=(4000, 3000))).size > 0


def test_an_image_bomb_posted_to_the_upload_page_gets_a_dutch_message_not_an_error(client):
    client.force_login(TeacherFactory())

    response = client.post(
        reverse("repository:material_upload"),
        {"files": [upload("poster.png", png_header(20_000, 20_000))]},
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == 400
    assert "te grote afbeelding" in response.json()["errors"][0]


def test_an_svg_image_is_refused_as_it_could_carry_scripts():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    with pytest.raises(FileRefused, match="SVG"):
        store("tekening.svg", svg)


def test_an_html_page_is_refused_whatever_its_name():
    with pytest.raises(FileRefused):
        store("pagina.html", b"<!DOCTYPE html><html><body><p>x</p></body></html>")


def photo_with_location(image_format: str) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Fotomaker"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (52.0, 5.0, 30.0), 3: "E", 4: (4.0, 53.0, 12.0)})
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "#1d6b2a").save(out, image_format, exif=exif)
    return out.getvalue()


def stored_bytes(stored_file) -> bytes:
    with storages["materials"].open(stored_file.storage_name) as handle:
        return handle.read()


@pytest.mark.parametrize(
    ("name", "image_format"), [("foto.jpg", "JPEG"), ("foto.png", "PNG"), ("foto.webp", "WEBP")]
)
def test_gps_coordinates_are_removed_from_stored_photos_and_other_exif_is_kept(name, image_format):
    stored = store(name, photo_with_location(image_format))

    exif = Image.open(io.BytesIO(stored_bytes(stored))).getexif()
    assert exif.get_ifd(GPS_IFD) == {}
    assert exif[0x010F] == "Fotomaker"


def test_removing_the_location_leaves_the_jpeg_pixels_byte_for_byte():
    original = photo_with_location("JPEG")

    cleaned = stored_bytes(store("foto.jpg", original))

    start_of_scan = b"\xff\xda"
    assert cleaned != original
    assert cleaned[cleaned.index(start_of_scan) :] == original[original.index(start_of_scan) :]


def test_the_stored_hash_is_that_of_the_bytes_without_location():
    stored = store("foto.jpg", photo_with_location("JPEG"))

    assert stored.sha256 == hashlib.sha256(stored_bytes(stored)).hexdigest()
    assert stored.size == len(stored_bytes(stored))


def test_xmp_metadata_with_gps_is_removed_from_a_jpeg():
    xmp = b'http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta exif:GPSLatitude="52,5N"/>'
    plain = demo_files.jpeg_bytes("Foto")
    segment = b"\xff\xe1" + (len(xmp) + 2).to_bytes(2, "big") + xmp
    with_xmp = plain[:2] + segment + plain[2:]

    cleaned = stored_bytes(store("foto.jpg", with_xmp))

    assert b"GPSLatitude" not in cleaned
    assert Image.open(io.BytesIO(cleaned)).size == Image.open(io.BytesIO(plain)).size


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\juf\\les.pdf", "les.pdf"),
        ("foto\u202egpj.exe", "fotogpj.exe"),
        ("werk\u2067blad\u2069.pdf", "werkblad.pdf"),
        ("regel\nnieuw\x00.pdf", "regelnieuw.pdf"),
        ("CON.txt", "_CON.txt"),
        ("lpt1", "_lpt1"),
        ('wat?"<>|*.pdf', "wat______.pdf"),
        ("  .verborgen. ", "verborgen"),
        ("", "bestand"),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
    ],
)
def test_file_names_are_made_safe_to_show_and_save(name, safe):
    assert display_filename(name) == safe


def test_a_refusal_message_never_repeats_a_bidi_override():
    with pytest.raises(FileRefused) as refusal:
        store("les\u202efdp.exe", b"MZ\x90\x00programma")

    assert "\u202e" not in str(refusal.value)


def test_the_name_stored_with_a_material_file_is_made_safe(db):
    owner = TeacherFactory()
    material = draft_material(owner, files=[upload("../../etc/werk\u202eblad.pdf")])
    added = material_add_file(
        material=material, user=owner, upload=upload("CON.pdf"), original_name="CON.pdf"
    )

    first = material.files.get(sort_order=0)
    assert first.original_name == "werkblad.pdf"
    assert added.original_name == "_CON.pdf"
