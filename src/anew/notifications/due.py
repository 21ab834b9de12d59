"""When her daily notifications fall due, in her own time zone, moved out of her quiet hours.

Pure functions of her choices and a moment, so time zones, clock changes and quiet hours are
tested without a clock. A notification missed by more than CATCH_UP (a server that was down)
is let go: a check-in reminder at 03:00 for yesterday evening helps nobody.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from anew.accounts.clock import zone
from anew.notifications.vocabulary import NoticeKind

CATCH_UP = timedelta(hours=2)
HABITS_WITHOUT_CHECKIN = time(19, 0)  # habit reminders when she set no check-in time
MILESTONE_AT = time(9, 0)  # a milestone is told in the morning of its day (after quiet hours)
HEADS_UP_BEFORE = timedelta(minutes=30)  # before a hard hour begins


@dataclass(frozen=True)
class Due:
    key: str
    kind: NoticeKind
    day: date  # her local day it belongs to
    at: datetime  # UTC
    habit_id: int | None = None  # a habit's own reminder; None: about all her other habits


def clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def is_quiet(moment: time, quiet_from: time, quiet_to: time) -> bool:
    """Whether a local time of day falls in her quiet hours (which may cross midnight)."""
    if quiet_from == quiet_to:
        return False
    if quiet_from < quiet_to:
        return quiet_from <= moment < quiet_to
    return moment >= quiet_from or moment < quiet_to


def local_moment(day: date, at: time, time_zone: str) -> datetime:
    """A wall-clock time on her day as a UTC instant (a time a clock change skips comes out as
    the same span after the change, e.g. 02:30 on a spring-forward night is 03:30)."""
    return datetime.combine(day, at, tzinfo=zone(time_zone)).astimezone(UTC)


def out_of_quiet(day: date, at: time, quiet_from: time, quiet_to: time) -> tuple[date, time]:
    """The time to send something meant for `at`: at the end of her quiet hours if it falls
    inside them."""
    if not is_quiet(at, quiet_from, quiet_to):
        return day, at
    return (day, quiet_to) if at < quiet_to else (day + timedelta(days=1), quiet_to)


@dataclass(frozen=True)
class Daily:
    """Her daily choices in the words due() needs."""

    time_zone: str
    checkin_at: str | None
    habits: bool
    quiet_from: str
    quiet_to: str
    milestones: bool = False
    habit_times: tuple[tuple[int, str], ...] = ()  # (habit id, HH:MM): habits with their own time


def due(choices: Daily, now: datetime) -> list[Due]:
    """Her daily notifications that fell due in the last CATCH_UP, oldest first (the habit and
    milestone ones only where the day has an open habit or a milestone: the caller asks). A habit
    with a time of its own is reminded of alone, at that time; the rest together."""
    quiet = clock(choices.quiet_from), clock(choices.quiet_to)
    wanted: list[tuple[NoticeKind, time, int | None]] = []
    if choices.checkin_at:
        wanted.append((NoticeKind.CHECKIN, clock(choices.checkin_at), None))
    if choices.habits:
        at = clock(choices.checkin_at) if choices.checkin_at else HABITS_WITHOUT_CHECKIN
        wanted.append((NoticeKind.HABITS, at, None))
        wanted += [(NoticeKind.HABITS, clock(own), id_) for id_, own in choices.habit_times]
    if choices.milestones:
        wanted.append((NoticeKind.MILESTONE, MILESTONE_AT, None))
    today = now.astimezone(zone(choices.time_zone)).date()
    found = []
    for day in (today - timedelta(days=1), today):
        for kind, at, habit_id in wanted:
            send_day, send_at = out_of_quiet(day, at, *quiet)
            moment = local_moment(send_day, send_at, choices.time_zone)
            if now - CATCH_UP < moment <= now:
                name = kind.value if habit_id is None else f"habit-{habit_id}"
                found.append(Due(f"{name}:{day.isoformat()}", kind, day, moment, habit_id))
    return sorted(found, key=lambda d: d.at)


def heads_up(hours: Iterable[tuple[int, int]], time_zone: str, now: datetime) -> list[Due]:
    """A heads-up HEADS_UP_BEFORE each of her hard hours (weekday 0 = Monday, hour, on her
    clock) that is about to begin. Quiet hours don't hold it back: she asked for it for exactly
    these hours. Once the hour has begun it is let go."""
    today = now.astimezone(zone(time_zone)).date()
    found = []
    for day in (today, today + timedelta(days=1)):
        for weekday, hour in hours:
            if day.weekday() != weekday:
                continue
            begins = local_moment(day, time(hour), time_zone)
            if begins - HEADS_UP_BEFORE <= now < begins:
                key = f"{NoticeKind.HARD_HOURS.value}:{day.isoformat()}T{hour:02d}"
                found.append(Due(key, NoticeKind.HARD_HOURS, day, begins - HEADS_UP_BEFORE))
    return sorted(found, key=lambda d: d.at)
