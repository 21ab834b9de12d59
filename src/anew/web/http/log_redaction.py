"""Keep secrets out of the access log: a feed address, an unsubscribe link or a quiz result link
carries its secret in the path, and the log would otherwise hold a working copy of each."""

from __future__ import annotations

import logging
import re

# The path segment after each of these prefixes is a secret (see docs/security.md).
SECRET_PATHS = re.compile(
    r"(?P<prefix>/calendar/|/guide/unsubscribe/|/guide/confirm/|/signup/confirm/|/quizzes/[^/?\s]+/results/)[^/?\s]+"
)
HIDDEN = "[hidden]"


def redact(path: str) -> str:
    """The path with any secret segment replaced."""
    return SECRET_PATHS.sub(lambda found: found.group("prefix") + HIDDEN, path)


class RedactSecretPaths(logging.Filter):
    """Rewrites uvicorn's access-log arguments (client, method, path, version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True


def install() -> None:
    """Attach the filter to uvicorn's access logger, once per process."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(existing, RedactSecretPaths) for existing in access.filters):
        access.addFilter(RedactSecretPaths())
