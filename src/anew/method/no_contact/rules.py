"""No-contact rules as plain functions: days, pauses, milestones, slips.

Callers pass `today` (in her time zone) in; nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from anew.wording import counted

TARGET_CHOICES = (21, 30, 45, 60)
MAX_TARGET = 365
MILESTONES = (1, 3, 7, 14, 21, 30)
CALENDAR_DAYS = 84  # twelve weeks on the streak calendar


@dataclass(frozen=True)
class Span:
    """A stretch of days: `end` is exclusive, None while still open."""

    start: date
    end: date | None


@dataclass(frozen=True)
class Period:
    """The facts of one no-contact period that the rules need."""

    started_on: date
    target_days: int
    status: str  # active | broken | stopped
    ended_on: date | None
    pauses: tuple[Span, ...] = ()


def paused_days(pauses: Iterable[Span], start: date, until: date) -> int:
    """Days in [start, until) covered by pauses (overlaps counted once)."""
    covered: set[date] = set()
    for pause in pauses:
        first = max(pause.start, start)
        last = min(pause.end or until, until)
        covered.update(first + timedelta(days=n) for n in range((last - first).days))
    return len(covered)


def is_paused(pauses: Iterable[Span], day: date) -> bool:
    """True when a pause covers the day."""
    return any(p.start <= day and (p.end is None or day < p.end) for p in pauses)


def counted_days(period: Period, today: date) -> int:
    """Days without contact that count: from the start to its end (or today), less paused days."""
    until = period.ended_on or today
    elapsed = max((until - period.started_on).days, 0)
    return elapsed - paused_days(period.pauses, period.started_on, until)


def milestones(target_days: int, counted: int) -> list[dict[str, Any]]:
    """Day 1, 3, 7, 14, 21, 30 (those within the target) and the target itself."""
    marks = sorted({m for m in MILESTONES if m < target_days} | {target_days})
    return [{"day": m, "reached": counted >= m, "is_target": m == target_days} for m in marks]


def breaks_period(period: Period, *, initiator: str, logistics: bool, day: date) -> bool:
    """A contact she starts, about more than logistics, on an unpaused day, ends the period."""
    return (
        period.status == "active"
        and initiator == "me"
        and not logistics
        and day >= period.started_on
        and not is_paused(period.pauses, day)
    )


def status(period: Period, today: date) -> str:
    """active, paused or completed for the current period; broken or stopped for past ones."""
    if period.status != "active":
        return period.status
    if is_paused(period.pauses, today):
        return "paused"
    return "completed" if counted_days(period, today) >= period.target_days else "active"


def stage(current: Period | None, today: date) -> str:
    """Her place in the method: not-started, no-contact, then reconnecting at the target."""
    if current is None:
        return "not-started"
    return "reconnecting" if status(current, today) == "completed" else "no-contact"


def calendar(
    periods: Sequence[Period], today: date, days: int = CALENDAR_DAYS
) -> list[dict[str, Any]]:
    """The last `days` days, each marked clean, paused, slip (a period broke that day) or none."""
    first = today - timedelta(days=days - 1)
    slips = {p.ended_on for p in periods if p.status == "broken" and p.ended_on}
    result = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        state = "none"
        for period in periods:
            end = period.ended_on or today + timedelta(days=1)
            if period.started_on <= day < end:
                state = "paused" if is_paused(period.pauses, day) else "clean"
        if day in slips:
            state = "slip"
        result.append({"day": day.isoformat(), "state": state})
    return result


def summary(current: Period, history: Sequence[Period], today: date) -> dict[str, Any]:
    """Everything the page and the API show about her no-contact, progress kept across restarts."""
    counted = counted_days(current, today)
    every = [*history, current]
    return {
        "started_on": current.started_on.isoformat(),
        "target_days": current.target_days,
        "days_done": max((today - current.started_on).days, 0),
        "days_counted": counted,
        "days_paused": paused_days(current.pauses, current.started_on, today),
        "days_left": max(current.target_days - counted, 0),
        "status": status(current, today),
        "breaks": sum(1 for p in history if p.status == "broken"),
        "best_streak": max(counted_days(p, today) for p in every),
        "total_days": sum(counted_days(p, today) for p in every),
        "milestones": milestones(current.target_days, counted),
    }


SAFETY_ADVICE = (
    "He reached out. You don't owe him an answer. If it is about something practical (children, "
    "your home, returning things), keep any reply short and factual, or let someone you trust "
    "handle it. If his message frightens you, keep a copy (a screenshot with the date) and talk "
    "to one of the help lines on your dashboard. If you are in danger now, call your local "
    "emergency number."
)


def contact_advice(current: Period | None, today: date, *, safety_mode: bool = False) -> str:
    """What the app suggests when he reaches out: kind, practical, never a rule she must obey.
    In safety mode it is about her safety, never about when to answer him."""
    if safety_mode:
        return SAFETY_ADVICE
    if current is None or status(current, today) == "completed":
        return (
            "He reached out. There is no rush: answer when it suits you, and only if you want to. "
            "Keep it short and warm, and feel free to end the conversation first."
        )
    left = max(current.target_days - counted_days(current, today), 0)
    remain, they_are = ("remains", "it is") if left == 1 else ("remain", "they are")
    return (
        f"He reached out. You don't need to answer yet: {counted(left, 'day')} of your no-contact "
        f"{remain}, and {they_are} for you. If it is about logistics (children, your home, "
        "returning things), a short, practical reply is fine and doesn't count as a slip."
    )
