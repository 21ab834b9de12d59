"""Habits in the database: create, check in (done or skipped), clear a day, and the summary
with streaks worked out from the check-ins (anew.method.new_you.streaks)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from anew.method.new_you import streaks
from anew.method.new_you.models import Habit, HabitDay


class FutureDay(ValueError):
    """A day that hasn't happened yet in her time zone can't be checked in."""


def days_of(db: Session, habit: Habit) -> dict[date, streaks.Status]:
    """Every check-in of the habit, by day."""
    query = select(HabitDay).where(HabitDay.habit_id == habit.id)
    return {row.day: "done" if row.status == "done" else "skipped" for row in db.scalars(query)}


def set_day(db: Session, habit: Habit, day: date, status: str, *, today: date) -> None:
    """Mark a day done or skipped (replacing what was there)."""
    if day > today:
        raise FutureDay("That day hasn't come yet.")
    row = db.scalar(select(HabitDay).where(HabitDay.habit_id == habit.id, HabitDay.day == day))
    if row is None:
        db.add(HabitDay(user_id=habit.user_id, habit_id=habit.id, day=day, status=status))
    else:
        row.status = status
    db.flush()


def clear_day(db: Session, habit: Habit, day: date) -> None:
    """Forget a day's check-in."""
    db.execute(delete(HabitDay).where(HabitDay.habit_id == habit.id, HabitDay.day == day))


def summary(db: Session, habit: Habit, today: date) -> dict[str, Any]:
    """The habit with its streaks, completion rate and today's state."""
    days = days_of(db, habit)
    result = streaks.streaks(days, habit.per_week, started=habit.started_on, today=today)
    return {
        "id": habit.id,
        "title": habit.title,
        "per_week": habit.per_week,
        "goal_id": habit.goal_id,
        "started_on": habit.started_on,
        "archived": habit.archived,
        "current_streak": result.current,
        "best_streak": result.best,
        "streak_unit": result.unit,
        "completion_rate": result.completion_rate,
        "today": days.get(today),
        "days": {day.isoformat(): status for day, status in sorted(days.items())},
        "remind_at": habit.remind_at,
    }
