"""Files she downloads: her archive, named after the day it was made, and her photos; kept by no
cache, and never rendered by a browser as a page."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO

from starlette.responses import Response, StreamingResponse

from anew.web.http.security import PRIVATE

CHUNK = 256 * 1024


def _chunks(file: IO[bytes]) -> Iterator[bytes]:
    """The file in pieces, closed (and so removed, for a temporary file) once sent or abandoned."""
    try:
        while chunk := file.read(CHUNK):
            yield chunk
    finally:
        file.close()


def archive_response(file: IO[bytes], day: str) -> StreamingResponse:
    """The archive, read from its start, as a download named after the day it was made."""
    size = os.fstat(file.fileno()).st_size - file.tell()
    headers = {
        "Content-Disposition": f'attachment; filename="anew-export-{day}.zip"',
        "Content-Length": str(size),
        **PRIVATE,
    }
    return StreamingResponse(_chunks(file), media_type="application/zip", headers=headers)


IMAGE_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


def image_response(data: bytes, media_type: str | None, name: str) -> Response:
    """A file of hers shown inline only as the image type its bytes were checked to be; anything
    else comes as a download of plain bytes, which no browser renders as a page or runs."""
    headers = {"X-Content-Type-Options": "nosniff", **PRIVATE}
    if media_type in IMAGE_EXTENSIONS:
        extension = IMAGE_EXTENSIONS[media_type]
        headers["Content-Disposition"] = f'inline; filename="{name}.{extension}"'
        return Response(data, media_type=media_type, headers=headers)
    headers["Content-Disposition"] = f'attachment; filename="{name}.bin"'
    return Response(data, media_type="application/octet-stream", headers=headers)
