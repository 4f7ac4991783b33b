"""Preview images of stored files: a PDF's first page, an image's rendition, a video's poster frame.

Previews are new images drawn from the pixels only, so nothing of the original's metadata
(EXIF with GPS position, camera, comments) reaches the public.
"""

import io
import shutil
import subprocess
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

PREVIEW_SIZE = (960, 960)
# Larger images are refused before decoding: their pixels alone would fill the worker's memory.
MAX_SOURCE_PIXELS = 50_000_000
FFMPEG_TIMEOUT_SECONDS = 60
IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
VIDEO_TYPES = {"video/mp4", "video/webm", "video/ogg"}
PREVIEW_MIME_TYPE = "image/webp"
PREVIEW_EXTENSION = "webp"


class PreviewError(ValueError):
    """No preview could be drawn from these bytes."""


class ToolMissing(PreviewError):
    """The program that draws this kind of preview is not installed."""


@dataclass(frozen=True)
class Preview:
    data: bytes
    width: int
    height: int


def has_preview(mime_type: str) -> bool:
    return mime_type == "application/pdf" or mime_type in IMAGE_TYPES or mime_type in VIDEO_TYPES


def make_preview(path: str, mime_type: str) -> Preview | None:
    """Return a WebP preview of the file at `path`, or None for types that have no preview."""
    if mime_type == "application/pdf":
        return _encode(_pdf_first_page(path))
    if mime_type in IMAGE_TYPES:
        return _encode(_open_image(path))
    if mime_type in VIDEO_TYPES:
        return _encode(_video_poster(path))
    return None


def _encode(image: Image.Image) -> Preview:
    image = ImageOps.exif_transpose(image)
    image.thumbnail(PREVIEW_SIZE)
    mode = "RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB"
    # A fresh image carries pixels only: no EXIF, XMP, ICC comments or text chunks.
    clean = Image.new(mode, image.size)
    clean.paste(image.convert(mode))
    out = io.BytesIO()
    clean.save(out, format="WEBP", quality=80, method=4)
    return Preview(data=out.getvalue(), width=clean.width, height=clean.height)


def _open_image(path: str) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            width, height = image.size
            if width * height > MAX_SOURCE_PIXELS:
                raise PreviewError(f"image of {width}×{height} pixels is too large to preview")
            image.seek(0)
            image.load()
            return image
    except (OSError, Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise PreviewError(f"not a readable image: {error}") from error


def _pdf_first_page(path: str) -> Image.Image:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as error:
        raise PreviewError(f"not a readable PDF: {error}") from error
    try:
        if len(document) == 0:
            raise PreviewError("the PDF has no pages")
        page = document[0]
        width, height = page.get_size()
        scale = min(PREVIEW_SIZE[0] / max(width, 1), PREVIEW_SIZE[1] / max(height, 1), 4)
        image = page.render(scale=scale).to_pil()
        page.close()
        return image
    finally:
        document.close()


def ffmpeg_available() -> bool:
    return shutil.which("ffmpeg") is not None


def missing_preview_tool(mime_type: str) -> str | None:
    """Return why previews of this type cannot be drawn on this machine, or None when they can."""
    if mime_type in VIDEO_TYPES and not ffmpeg_available():
        return "ffmpeg is not installed"
    return None


def _video_poster(path: str) -> Image.Image:
    """Return a frame one second into the video (or its first frame, for very short ones)."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise ToolMissing("ffmpeg is not installed")
    with tempfile.TemporaryDirectory(prefix="nlka-poster-") as folder:
        poster = Path(folder) / "poster.png"
        for seek in ("1", "0"):
            try:
                result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
                    [
                        ffmpeg,
                        *("-nostdin", "-loglevel", "error", "-ss", seek, "-i", path),
                        *("-frames:v", "1", "-an", "-sn", "-y", str(poster)),
                    ],
                    capture_output=True,
                    timeout=FFMPEG_TIMEOUT_SECONDS,
                    check=False,
                )
            except subprocess.TimeoutExpired as error:
                raise PreviewError("ffmpeg took too long") from error
            if result.returncode == 0 and poster.exists() and poster.stat().st_size:
                return _open_image(str(poster))
        stderr = result.stderr.decode(errors="replace")[:500]
        raise PreviewError(f"ffmpeg found no frame: {stderr}")
