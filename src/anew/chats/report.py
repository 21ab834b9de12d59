"""The analysis as one JSON-ready object (the contract of `anew analyze --json` and the API)."""

from __future__ import annotations

from typing import Any

from anew.chats.errors import ChatFormatError
from anew.chats.metrics import (
    REPLY_BUCKETS,
    Options,
    activity,
    annotate,
    by_month,
    reply_distribution,
    split_at,
    summarize,
)
from anew.chats.model import Chat

# The fields `anew analyze --json` and GET /api/v1/chats/{id}/metrics always carry.
CONTRACT_FIELDS = (
    "format",
    "participants",
    "me",
    "messages",
    "words",
    "conversations",
    "initiated",
    "ended",
    "double_texts",
    "reply_seconds",
    "first",
    "last",
)


class UnknownParticipant(ChatFormatError):
    """--me names somebody who never wrote in this chat."""


def analyze(
    chat: Chat, *, me: str | None = None, options: Options | None = None, source: str = ""
) -> dict[str, Any]:
    """Every metric of the chat; `me` must be one of its participants when given."""
    options = options or Options()
    me = me or chat.owner
    messages = annotate(chat.messages, options.gap)  # once, shared by every metric below
    participants = messages.participants
    if me is not None and me == chat.owner and me not in participants:
        # An SMS or iMessage thread in which she wrote nothing is still a chat: she is in it
        # with no messages, and the report says so (docs/metrics.md).
        participants = [*participants, me]
    if me is not None and me not in participants:
        names = ", ".join(repr(name) for name in participants)
        raise UnknownParticipant(
            source or chat.format, f"nobody called {me!r} wrote here; the participants are {names}"
        )
    report: dict[str, Any] = {
        "format": chat.format,
        "title": chat.title,
        "participants": participants,
        "me": me,
        "gap_hours": options.gap.total_seconds() / 3600,
        **summarize(messages, participants, options.gap),
        **activity(messages, participants),
        "by_month": by_month(messages, participants, options.gap),
        "reply_buckets": [label for _bound, label in REPLY_BUCKETS],
        "reply_distribution": reply_distribution(messages, participants, options.gap),
        "set_aside": chat.set_aside.document(),
        "warnings": [{"line": w.line, "why": w.why} for w in chat.warnings],
    }
    if options.split is not None:
        before, after = split_at(chat.messages, options.split)
        report["split"] = {
            "date": options.split.isoformat(),
            "before": summarize(before, participants, options.gap),
            "after": summarize(after, participants, options.gap),
        }
    return report
