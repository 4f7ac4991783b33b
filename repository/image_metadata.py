"""Remove location data (EXIF GPS, XMP with GPS) from images, without touching their pixels.

Photos from phones carry where they were taken; a teacher sharing a photo of a classroom
should not share the school's or their home's coordinates. Only the metadata blocks are
rewritten, so JPEG quality is not lost to re-encoding. Unreadable EXIF is dropped whole.
"""

import zlib

from PIL import Image

GPS_IFD = 0x8825
EXIF_PREFIX = b"Exif\x00\x00"
XMP_JPEG_PREFIX = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_PNG_KEYWORD = b"XML:com.adobe.xmp\x00"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG markers without a length: RST0-7, TEM; SOS and EOI end the metadata part.
JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}
JPEG_START_OF_SCAN, JPEG_END = 0xDA, 0xD9
WEBP_FLAG_EXIF, WEBP_FLAG_XMP = 0x08, 0x04


def _exif_without_gps(payload: bytes) -> bytes | None:
    """Return the EXIF block without GPS ('' to drop it), or None when it had no GPS."""
    exif = Image.Exif()
    try:
        exif.load(payload)
    except Exception:  # noqa: BLE001 - Pillow raises many kinds on corrupt EXIF; drop it all
        return b""
    if GPS_IFD not in exif:
        return None
    del exif[GPS_IFD]
    cleaned = exif.tobytes()
    return cleaned if payload.startswith(EXIF_PREFIX) else cleaned[len(EXIF_PREFIX) :]


def _xmp_has_gps(payload: bytes) -> bool:
    return b"GPS" in payload


def _jpeg_without_gps(data: bytes) -> bytes:
    parts, pos, changed = [data[:2]], 2, False
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in (JPEG_START_OF_SCAN, JPEG_END):
            break
        if marker in JPEG_STANDALONE:
            parts.append(data[pos : pos + 2])
            pos += 2
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        segment, payload = data[pos : pos + 2 + length], data[pos + 4 : pos + 2 + length]
        pos += 2 + length
        if marker == 0xE1 and payload.startswith(EXIF_PREFIX):
            cleaned = _exif_without_gps(payload)
            if cleaned is not None:
                changed = True
                segment = b"\xff\xe1" + (len(cleaned) + 2).to_bytes(2, "big") + cleaned
                segment = segment if cleaned else b""
        elif marker == 0xE1 and payload.startswith(XMP_JPEG_PREFIX) and _xmp_has_gps(payload):
            changed, segment = True, b""
        parts.append(segment)
    parts.append(data[pos:])
    return b"".join(parts) if changed else data


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return len(body).to_bytes(4, "big") + kind + body + crc.to_bytes(4, "big")


def _png_without_gps(data: bytes) -> bytes:
    parts, pos, changed = [PNG_SIGNATURE], len(PNG_SIGNATURE), False
    while pos + 12 <= len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        chunk = data[pos : pos + 12 + length]
        pos += 12 + length
        if kind == b"eXIf":
            cleaned = _exif_without_gps(body)
            if cleaned is not None:
                changed, chunk = True, _png_chunk(kind, cleaned) if cleaned else b""
        elif kind == b"iTXt" and body.startswith(XMP_PNG_KEYWORD) and _xmp_has_gps(body):
            changed, chunk = True, b""
        parts.append(chunk)
        if kind == b"IEND":
            break
    parts.append(data[pos:])
    return b"".join(parts) if changed else data


def _webp_chunk(kind: bytes, body: bytes) -> bytes:
    return kind + len(body).to_bytes(4, "little") + body + (b"\x00" if len(body) % 2 else b"")


def _webp_without_gps(data: bytes) -> bytes:
    chunks, pos, changed, dropped_flags = [], 12, False, 0
    while pos + 8 <= len(data):
        kind, length = data[pos : pos + 4], int.from_bytes(data[pos + 4 : pos + 8], "little")
        body = data[pos + 8 : pos + 8 + length]
        pos += 8 + length + (length % 2)
        if kind == b"EXIF" and (cleaned := _exif_without_gps(body)) is not None:
            changed, body = True, cleaned
            if not cleaned:
                dropped_flags |= WEBP_FLAG_EXIF
                continue
        elif kind == b"XMP " and _xmp_has_gps(body):
            changed, dropped_flags = True, dropped_flags | WEBP_FLAG_XMP
            continue
        chunks.append([kind, body])
    if not changed:
        return data
    for chunk in chunks:
        if chunk[0] == b"VP8X":
            chunk[1] = bytes([chunk[1][0] & ~dropped_flags & 0xFF]) + chunk[1][1:]
    body = b"WEBP" + b"".join(_webp_chunk(kind, chunk_body) for kind, chunk_body in chunks)
    return b"RIFF" + len(body).to_bytes(4, "little") + body


CLEANERS = {
    "image/jpeg": _jpeg_without_gps,
    "image/png": _png_without_gps,
    "image/webp": _webp_without_gps,
}


def image_without_location(data: bytes, mime_type: str) -> bytes:
    """Return the image's bytes without GPS coordinates; the same bytes when there were none."""
    cleaner = CLEANERS.get(mime_type)
    return cleaner(data) if cleaner else data
