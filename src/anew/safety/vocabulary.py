"""The safety check's words: what a check can find."""

from __future__ import annotations

from anew.vocabulary import Vocabulary


class SafetyResult(Vocabulary):
    CLEAR = "clear", "Clear"
    CONCERNS = "concerns", "Concerns"
    DANGER = "danger", "Danger"
