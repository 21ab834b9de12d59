"""Which Messenger and Instagram entries the app wrote itself: reactions and calls.

Meta writes a reaction ("Liked a message", "Sam reacted 👍 to your message") and a call ("Sam
missed your call.", "The video chat ended.") as entries of their own, under a person's name, in
the account's language. They are notices, not messages (docs/metrics.md). An entry is one by its
structure (`call_duration`, or the older exports' "type": "Call", "Subscribe", "Unsubscribe") or by
its whole wording; a wording inside a longer text is not enough, and the names in a wording must be
the thread's own, so "You called me stupid" stays a message. Only the English wordings are known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# The older exports' entry types (Meta's "type" field) that are notices, and their kind.
NOTICE_TYPES = {"Call": "call", "Subscribe": "members", "Unsubscribe": "members"}

# Whole wordings, with {name} standing for one of the thread's names (or "You"), {emoji} for a
# reaction of a few characters. The sources are named in tests/chats/test_meta_notices.py.
WORDINGS = {
    "reaction": (
        "Liked a message",
        "Reacted {emoji} to your message",
        "{name} reacted {emoji} to your message",
    ),
    "call": (
        "{name} started an audio call",
        "{name} started a video call",
        "{name} started a video chat",
        "{name} started a call",
        "Audio call ended",
        "Video call ended",
        "The video chat ended",
        "The video call ended",
        "The call ended",
        "You called {name}",
        "{name} called you",
        "{name} missed your call",
        "{name} missed your video chat",
        "{name} missed your audio call",
        "{name} missed your video call",
        "You missed a call from {name}",
        "You missed an audio call from {name}",
        "You missed a video call from {name}",
        "You missed a video chat with {name}",
    ),
}


# Every wording above holds one of these (lower-cased); text without any is a message.
CLUES = ("liked a message", "reacted", "call", "video chat")


def _pattern(wording: str, names: str) -> str:
    parts = re.split(r"(\{name\}|\{emoji\})", wording)
    pieces = {"{name}": f"(?:{names})", "{emoji}": r"[^\sA-Za-z0-9]{1,16}"}
    return "".join(pieces.get(part, re.escape(part)) for part in parts)


class NoticeReader:
    """The notice wordings with one thread's names filled in."""

    def __init__(self, names: Iterable[str]) -> None:
        known = sorted({name for name in names if name} | {"You"}, key=len, reverse=True)
        alternatives = "|".join(re.escape(name) for name in known)
        self._patterns = [  # one pattern per kind: a thread may hold a million entries
            (
                kind,
                re.compile(
                    "(?:" + "|".join(_pattern(w, alternatives) for w in wordings) + r")\.?",
                    re.IGNORECASE,
                ),
            )
            for kind, wordings in WORDINGS.items()
        ]

    def kind(self, entry: dict[str, Any], text: str) -> str | None:
        """The notice kind of an entry (NOTICE_KINDS), or None for a message."""
        found = NOTICE_TYPES.get(str(entry.get("type", "")))
        if found is not None or "call_duration" in entry:
            return found or "call"
        wording = text.strip()
        if not wording or len(wording) > 200:
            return None
        lowered = wording.lower()
        if not any(word in lowered for word in CLUES):
            return None  # most messages: a few substring tests instead of the patterns
        for kind, pattern in self._patterns:
            if pattern.fullmatch(wording):
                return kind
        return None
