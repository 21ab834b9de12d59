"""Which vault message comes back, and when, as plain functions: her path day, today and what she
wrote are passed in; nothing here reads the clock or the database."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

LookBackDay = Literal[7, 30, 90]
DAYS: tuple[LookBackDay, ...] = (7, 30, 90)  # the path days a message comes back on
GRACE = 2  # and the days after each, so a day she did not open Anew is not lost
YOUNGEST = 3  # a message comes back only once it is at least this many days old
QUESTION = "How does this read to you now?"
AGO = {7: "a week ago", 30: "a month ago", 90: "three months ago"}
NEAR = 2  # days either side of 7, 30 or 90 that still read as "a week ago" and so on


@dataclass(frozen=True)
class Written:
    """A vault message as the rule sees it: its id and the day she wrote it, in her time zone."""

    id: int
    written_on: date


@dataclass(frozen=True)
class Returning:
    """What comes back today: the look-back day (7, 30 or 90), the message, her mood on the day she
    wrote it and today's (None where she did not check in)."""

    day: LookBackDay
    entry: Written
    mood_then: int | None
    mood_now: int | None


def look_back_day(path_day: int | None) -> LookBackDay | None:
    """7, 30 or 90 on that path day and the GRACE days after it; None on every other day."""
    if path_day is None:
        return None
    return next((n for n in DAYS if n <= path_day <= n + GRACE), None)


def chosen(entries: Iterable[Written], *, today: date, days: int) -> Written | None:
    """The message written nearest to `days` days before today, among those written at least
    YOUNGEST days before it: a message from yesterday has not had time to read differently. Two
    as near: the one written earlier (this is a look back), then the one kept first."""
    target = today - timedelta(days=days)
    latest = today - timedelta(days=YOUNGEST)
    old_enough = [e for e in entries if e.written_on <= latest]
    if not old_enough:
        return None
    return min(old_enough, key=lambda e: (abs((e.written_on - target).days), e.written_on, e.id))


def returning(
    path_day: int | None, today: date, entries: Iterable[Written], moods: Mapping[date, int]
) -> Returning | None:
    """The message that comes back today, with her moods (from her check-ins by day), or None:
    off the look-back days, or with nothing old enough in her vault."""
    day = look_back_day(path_day)
    if day is None:
        return None
    entry = chosen(entries, today=today, days=day)
    if entry is None:
        return None
    return Returning(day, entry, moods.get(entry.written_on), moods.get(today))


def how_long_ago(written_on: date, today: date) -> str:
    """How long ago she wrote it, in words: "a week ago", "a month ago", "three months ago" when
    it is about that long, else the days counted ("12 days ago")."""
    days = (today - written_on).days
    near = next((words for n, words in AGO.items() if abs(days - n) <= NEAR), None)
    return near or f"{days} days ago"
