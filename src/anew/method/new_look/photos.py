"""Before/after photos: the file's real type is read from its content, never its name; it is
re-encoded so that no metadata (EXIF, GPS location) survives, and a thumbnail is made here."""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()  # iPhones' HEIC photos open like any other; they are stored as JPEG

MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a decompression bomb is refused before it is decoded
THUMB_SIZE = (360, 360)
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "HEIF": "image/jpeg"}
STORED_AS = {"HEIF": "JPEG"}  # browsers can't show HEIC, so it is kept as a JPEG


class PhotoError(ValueError):
    """The upload can't be used as a photo; the message says why, kindly."""


def _open(data: bytes) -> Image.Image:
    if not data:
        raise PhotoError("The file is empty.")
    if len(data) > MAX_BYTES:
        raise PhotoError(f"Photos can be up to {MAX_BYTES // (1024 * 1024)} MB.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Only the allowed formats' decoders are even tried (never EPS's Ghostscript, say).
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
            if image.width * image.height > MAX_PIXELS:
                raise PhotoError("This photo has too many pixels to handle safely.")
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoError(
            "This file isn't a photo we can read. Please use a JPEG, PNG, WebP or HEIC image."
        ) from None
    except (OSError, SyntaxError, ValueError) as error:
        raise PhotoError(f"This photo seems to be damaged ({error}).") from None
    if image.format not in FORMATS:
        raise PhotoError(
            f"{image.format or 'This'} images aren't supported; use JPEG, PNG, WebP or HEIC."
        )
    return image


def _encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def process_photo(data: bytes) -> tuple[str, bytes, bytes]:
    """(media type, the cleaned photo, a JPEG thumbnail). Raises PhotoError."""
    image = _open(data)
    fmt = STORED_AS.get(str(image.format), str(image.format))
    upright = ImageOps.exif_transpose(image) or image  # keep how she took it, drop the tags
    pixels = upright.copy()
    pixels.info = {}
    if fmt == "JPEG" and pixels.mode not in ("RGB", "L"):
        pixels = pixels.convert("RGB")
    clean = _encode(pixels, fmt, quality=90) if fmt != "PNG" else _encode(pixels, fmt)
    thumb = pixels.convert("RGB")
    thumb.thumbnail(THUMB_SIZE)
    return FORMATS[str(image.format)], clean, _encode(thumb, "JPEG", quality=82)


def image_type(data: bytes) -> str | None:
    """The image type a stored photo's own bytes show (JPEG, PNG or WebP), or None: what is served
    as an image is what the bytes are, never what a row or an archive says they are."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None
