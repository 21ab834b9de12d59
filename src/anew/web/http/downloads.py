"""Files she downloads: her archive, named after the day it was made, and her photos; kept by no
cache, and never rendered by a browser as a page."""

from __future__ import annotations

from starlette.responses import Response

from anew.web.http.security import PRIVATE


def archive_response(data: bytes, day: str) -> Response:
    """The archive as a download named after the day it was made."""
    headers = {"Content-Disposition": f'attachment; filename="anew-export-{day}.zip"', **PRIVATE}
    return Response(data, media_type="application/zip", headers=headers)


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
