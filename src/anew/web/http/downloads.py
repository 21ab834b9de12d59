"""Files she downloads: her archive, named after the day it was made, kept by no cache."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO

from starlette.responses import StreamingResponse

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
