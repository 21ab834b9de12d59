"""Compressed answers, through Starlette's own GZipMiddleware: pages shrink to about a fifth.

A page that holds a secret and echoes what someone else can choose would leak the secret through
its compressed size (BREACH); the only such secret, the CSRF token, is masked afresh for every
response (anew.web.http.csrf), so every page can be compressed.
"""

from __future__ import annotations

from typing import Any

from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES

# Starlette already leaves images, zips and event streams alone; her photos of a type we could not
# check come as application/octet-stream, already as small as they get.
NOT_COMPRESSED = (*DEFAULT_EXCLUDED_CONTENT_TYPES, "application/octet-stream")


def compression_options() -> dict[str, Any]:
    """GZipMiddleware's settings: level 6 (zlib's own default) is nearly as small as 9 and takes
    less time (bench/compression.py); an answer under a kilobyte leaves in one packet anyway."""
    return {"minimum_size": 1024, "compresslevel": 6, "exclude_content_types": NOT_COMPRESSED}
