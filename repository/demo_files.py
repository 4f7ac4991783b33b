"""Real, small files of each allowed kind, generated on the spot for demo content and tests."""

import io
import json
import math
import wave
import zipfile

from PIL import Image, ImageDraw


def pdf_bytes(title: str, lines: list[str] | None = None) -> bytes:
    """Return a one-page PDF showing the title and lines in Helvetica."""
    text_lines = [title, *(lines or [])]

    def escape(text: str) -> str:
        latin = text.encode("latin-1", "replace").decode("latin-1")
        return latin.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream_lines = ["BT", "/F1 20 Tf", "72 770 Td", f"({escape(text_lines[0])}) Tj", "/F1 12 Tf"]
    for line in text_lines[1:]:
        stream_lines += ["0 -22 Td", f"({escape(line)}) Tj"]
    stream_lines.append("ET")
    stream = "\n".join(stream_lines).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def png_bytes(text: str, size: tuple[int, int] = (640, 360), colour: str = "#00457c") -> bytes:
    """Return a PNG with the text on a coloured background."""
    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).text((24, size[1] // 2 - 10), text, fill="white")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def jpeg_bytes(text: str, size: tuple[int, int] = (640, 360)) -> bytes:
    image = Image.new("RGB", size, "#1d6b2a")
    ImageDraw.Draw(image).text((24, size[1] // 2 - 10), text, fill="white")
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue()


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def odt_bytes(title: str, paragraphs: list[str]) -> bytes:
    """Return an OpenDocument text file with a heading and paragraphs."""
    body = "".join(f"<text:p>{_xml_text(p)}</text:p>" for p in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f'<office:body><office:text><text:h text:outline-level="1">{_xml_text(title)}</text:h>'
        f"{body}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        # The mimetype entry must come first and be stored uncompressed.
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def docx_bytes(title: str, paragraphs: list[str]) -> bytes:
    """Return a minimal Word document with a title and paragraphs."""
    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    runs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{_xml_text(p)}</w:t></w:r></w:p>'
        for p in [title, *paragraphs]
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{namespace}"><w:body>{runs}</w:body></w:document>'
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    relationships = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", relationships)
        archive.writestr("word/document.xml", document)
    return out.getvalue()


def wav_bytes(seconds: float = 1.0, frequency: float = 440.0, rate: int = 8000) -> bytes:
    """Return a mono 8-bit WAV file with a sine tone."""
    frames = bytes(
        int(128 + 100 * math.sin(2 * math.pi * frequency * n / rate)) & 0xFF
        for n in range(int(seconds * rate))
    )
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(1)
        sound.setframerate(rate)
        sound.writeframes(frames)
    return out.getvalue()


def text_bytes(text: str) -> bytes:
    return text.encode("utf-8")


def h5p_bytes(title: str) -> bytes:
    """Return a minimal H5P package: h5p.json plus its content."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        package = {
            "title": title,
            "mainLibrary": "H5P.Text",
            "language": "nl",
            "preloadedDependencies": [],
        }
        archive.writestr("h5p.json", json.dumps(package))
        archive.writestr("content/content.json", json.dumps({"text": title}))
    return out.getvalue()
