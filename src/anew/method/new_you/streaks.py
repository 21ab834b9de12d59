"""Habit streaks, derived from the check-ins every time (never stored).

A daily habit (7 times a week) counts days; any other habit counts weeks, Monday to Sunday in her
time zone, in which it was done at least `per_week` times. The day or week still under way never
breaks a streak. A skipped day (ill, travelling) keeps a daily streak alive without adding to it;
a week whose done and skipped days together reach `per_week` is excused in the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Status = Literal["done", "skipped"]
DAILY = 7


@dataclass(frozen=True)
class Streaks:
    current: int
    best: int
    unit: Literal["days", "weeks"]
    completion_rate: float  # of the periods that counted (excused ones left out), 0..1


def week_start(day: date) -> date:
    """The Monday of the week `day` falls in."""
    return day - timedelta(days=day.weekday())


def _period_states(
    days: Mapping[date, Status], per_week: int, start: date, today: date
) -> list[str]:
    """One state per period from `start` to today: met, excused, missed or open (today's)."""
    if per_week >= DAILY:
        states = []
        day = start
        while day <= today:
            status = days.get(day)
            if status == "done":
                states.append("met")
            elif status == "skipped":
                states.append("excused")
            else:
                states.append("open" if day == today else "missed")
            day += timedelta(days=1)
        return states
    states = []
    monday = week_start(start)
    while monday <= today:
        week = [days.get(monday + timedelta(days=i)) for i in range(7)]
        done, skipped = week.count("done"), week.count("skipped")
        if done >= per_week:
            states.append("met")
        elif monday == week_start(today):
            states.append("open")
        elif done + skipped >= per_week:
            states.append("excused")
        else:
            states.append("missed")
        monday += timedelta(days=7)
    return states


def streaks(days: Mapping[date, Status], per_week: int, *, started: date, today: date) -> Streaks:
    """Current and best streak and the completion rate, from her check-ins up to `today`."""
    first = min([started, *days.keys()]) if days else started
    states = _period_states(days, per_week, min(first, today), today)
    best = run = 0
    for state in states:
        if state == "met":
            run += 1
            best = max(best, run)
        elif state == "missed":
            run = 0
    current = 0
    for state in reversed(states):
        if state == "met":
            current += 1
        elif state == "missed":
            break
    counted = [s for s in states if s in ("met", "missed")]
    rate = counted.count("met") / len(counted) if counted else 0.0
    return Streaks(current, best, "days" if per_week >= DAILY else "weeks", round(rate, 3))


def year_grid(days: Mapping[date, Status], today: date) -> list[list[tuple[date, str]]]:
    """A year of days as weeks (columns, Monday first) for the heatmap; future days are "future"."""
    first = week_start(today) - timedelta(weeks=52)
    weeks = []
    for week in range(53):
        column = []
        for offset in range(7):
            day = first + timedelta(days=week * 7 + offset)
            state = "future" if day > today else days.get(day, "none")
            column.append((day, state))
        weeks.append(column)
    return weeks
