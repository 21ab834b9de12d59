"""Counts in words: "1 restart", "2 restarts", "once a week", so no page says "1 days"."""

from __future__ import annotations

TIMES = {1: "once", 2: "twice"}


def plural(word: str, count: int, many: str = "") -> str:
    """The noun that goes with a count: `plural("day", 1)` is "day", `plural("day", 3)` "days"."""
    return word if count == 1 else many or f"{word}s"


def counted(count: int, word: str, many: str = "") -> str:
    """A count and its noun: "1 restart", "0 restarts"."""
    return f"{count} {plural(word, count, many)}"


def times(count: int) -> str:
    """How many times: "once", "twice", "3 times"."""
    return TIMES.get(count, f"{count} times")


def how_often(per_week: int, period: str = "a week") -> str:
    """A habit's rhythm: "every day" for 7, else "once a week", "twice a week", "3 times a week"."""
    return "every day" if per_week == 7 else f"{times(per_week)} {period}"
