"""Files she downloads: her archive, named after the day it was made, kept by no cache."""

from __future__ import annotations

from starlette.responses import Response

from anew.web.http.security import PRIVATE


def archive_response(data: bytes, day: str) -> Response:
    """The archive as a download named after the day it was made."""
    headers = {"Content-Disposition": f'attachment; filename="anew-export-{day}.zip"', **PRIVATE}
    return Response(data, media_type="application/zip", headers=headers)
