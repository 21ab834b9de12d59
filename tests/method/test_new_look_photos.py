"""The photo pipeline refuses what is not an allowed image before any other decoder runs."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from anew.method.new_look.photos import PhotoError, process_photo

EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n%%EOF\n"


def test_an_eps_upload_never_reaches_the_eps_decoder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pillow's EPS reader hands the file to Ghostscript where it is installed: the upload must
    be refused before that reader is even asked."""
    Image.init()  # Pillow registers its readers on first use
    asked: list[str] = []
    factory, accept = Image.OPEN["EPS"]

    def watched(*args: object, **kwargs: object) -> Image.Image:
        asked.append("EPS")
        return factory(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setitem(Image.OPEN, "EPS", (watched, accept))
    with pytest.raises(PhotoError, match="isn't a photo we can read"):
        process_photo(EPS)
    assert asked == []


def test_an_allowed_photo_still_opens() -> None:
    out = io.BytesIO()
    Image.new("RGB", (20, 10), (10, 200, 30)).save(out, "PNG")
    media_type, photo, thumbnail = process_photo(out.getvalue())
    assert media_type == "image/png"
    assert Image.open(io.BytesIO(photo)).size == (20, 10)
    assert Image.open(io.BytesIO(thumbnail)).format == "JPEG"
