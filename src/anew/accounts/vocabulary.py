"""The accounts' words: where a session's secret travels."""

from __future__ import annotations

from anew.vocabulary import Vocabulary


class SessionKind(Vocabulary):
    """A browser cookie or an API bearer token."""

    WEB = "web", "Browser"
    API = "api", "API token"
