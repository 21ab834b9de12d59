"""Step 2's words: what the coach says about answering him."""

from __future__ import annotations

from anew.vocabulary import Vocabulary


class Verdict(Vocabulary):
    DONT_REPLY = "dont_reply", "There's no need to answer."
    WAIT = "wait", "Take your time before you answer."
    REPLY_NOW = "reply_now", "You can answer whenever you like."
