"""Step 4 for both faces: goals with their milestones, habits with their days and streaks. Each
function is one request's work for her, in one transaction, answering typed results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from anew.db import transaction
from anew.errors import Invalid, NotFound
from anew.method.new_you import habits as days
from anew.method.new_you.models import Goal, Habit, HabitDay, Milestone
from anew.method.new_you.vocabulary import DayStatus, GoalStatus, LifeArea
from anew.method.owned import get_owned, list_owned, mine, trimmed


class MilestoneOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    done_on: date | None


class GoalOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    area: LifeArea
    title: str
    why: str
    target_on: date | None
    status: GoalStatus
    notes: str
    created_at: datetime
    done_at: datetime | None
    milestones: list[MilestoneOut] = []
    progress: float = Field(default=0.0, description="Share of milestones done, 0..1")


class HabitOut(BaseModel):
    id: int
    title: str
    per_week: int
    goal_id: int | None
    started_on: date
    archived: bool
    current_streak: int = Field(description="Days for a daily habit, weeks (Mon-Sun) otherwise")
    best_streak: int
    streak_unit: Literal["days", "weeks"]
    completion_rate: float
    today: str | None = Field(description="done, skipped, or null")
    days: dict[str, str]
    remind_at: str | None = Field(
        description="HH:MM on her clock, the habit's own reminder time; null: reminded with her "
        "other habits (at her check-in time, else 19:00)"
    )


@dataclass(frozen=True)
class Overview:
    """Step 4's page: her goals (by area) and her habits."""

    goals: list[GoalOut]
    habits: list[HabitOut]


def _goals_out(db: Session, user_id: int, goals: list[Goal]) -> list[GoalOut]:
    """Goals with their milestones, read in one query for all of them."""
    steps = list_owned(db, Milestone, user_id, Milestone.id)
    found = []
    for goal in goals:
        own = [MilestoneOut.model_validate(m) for m in steps if m.goal_id == goal.id]
        done = sum(1 for m in own if m.done_on)
        progress = done / len(own) if own else 0.0
        found.append(
            GoalOut.model_validate(goal).model_copy(
                update={"milestones": own, "progress": progress}
            )
        )
    return found


def _goal_out(db: Session, goal: Goal) -> GoalOut:
    return _goals_out(db, goal.user_id, [goal])[0]


def goals(db: Session, user_id: int) -> list[GoalOut]:
    """Her goals, oldest first."""
    return _goals_out(db, user_id, list(list_owned(db, Goal, user_id, Goal.id)))


def goal(db: Session, user_id: int, goal_id: int) -> GoalOut:
    return _goal_out(db, mine(db, Goal, user_id, goal_id, "goal"))


def add_goal(db: Session, user_id: int, **fields: Any) -> GoalOut:
    """A goal in one of the life areas: title, why it matters, a target date, notes."""
    with transaction(db):
        row = Goal(user_id=user_id, **trimmed(fields))
        db.add(row)
        db.flush()
        return _goal_out(db, row)


def change_goal(
    db: Session, user_id: int, goal_id: int, changes: dict[str, Any], *, now: datetime
) -> GoalOut:
    """Apply the given fields; a goal marked done keeps when, and loses it when reopened."""
    with transaction(db):
        row = mine(db, Goal, user_id, goal_id, "goal")
        for name, value in trimmed(changes).items():
            setattr(row, name, value)
        if "status" in changes:
            row.done_at = now if row.status == GoalStatus.DONE else None
        return _goal_out(db, row)


def delete_goal(db: Session, user_id: int, goal_id: int) -> None:
    """The goal and its milestones go; habits that served it stay, free of it."""
    with transaction(db):
        db.delete(mine(db, Goal, user_id, goal_id, "goal"))


def add_milestone(db: Session, user_id: int, goal_id: int, *, title: str) -> GoalOut:
    with transaction(db):
        row = mine(db, Goal, user_id, goal_id, "goal")
        db.add(Milestone(user_id=user_id, goal_id=row.id, title=title.strip()[:200]))
        db.flush()
        return _goal_out(db, row)


def _milestone(db: Session, user_id: int, goal_id: int | None, milestone_id: int) -> Milestone:
    row = mine(db, Milestone, user_id, milestone_id, "milestone")
    if goal_id is not None and row.goal_id != goal_id:
        raise NotFound("There is no such milestone.")
    return row


def change_milestone(
    db: Session,
    user_id: int,
    goal_id: int | None,
    milestone_id: int,
    *,
    title: str | None = None,
    done: bool | None = None,
    toggle: bool = False,
    today: date,
) -> GoalOut:
    """Rename a milestone, tick it off (`done`, on `today`) or untick it; `toggle` flips it."""
    with transaction(db):
        row = _milestone(db, user_id, goal_id, milestone_id)
        if title is not None:
            row.title = title.strip()
        if toggle:
            done = row.done_on is None
        if done is not None:
            row.done_on = (row.done_on or today) if done else None
        return _goal_out(db, mine(db, Goal, user_id, row.goal_id, "goal"))


def delete_milestone(db: Session, user_id: int, goal_id: int, milestone_id: int) -> None:
    with transaction(db):
        db.delete(_milestone(db, user_id, goal_id, milestone_id))


def _habit_out(db: Session, row: Habit, today: date) -> HabitOut:
    return HabitOut(**days.summary(db, row, today))


def _check_goal(db: Session, user_id: int, goal_id: int | None) -> None:
    if goal_id is not None and get_owned(db, Goal, user_id, goal_id) is None:
        raise Invalid("goal_id", "There is no such goal.")


def habits(db: Session, user_id: int, *, today: date) -> list[HabitOut]:
    """Her habits with their streaks, oldest first."""
    return [_habit_out(db, h, today) for h in list_owned(db, Habit, user_id, Habit.id)]


def habit(db: Session, user_id: int, habit_id: int, *, today: date) -> HabitOut:
    return _habit_out(db, mine(db, Habit, user_id, habit_id, "habit"), today)


def add_habit(
    db: Session,
    user_id: int,
    *,
    title: str,
    per_week: int,
    goal_id: int | None,
    started_on: date | None,
    today: date,
    remind_at: str | None = None,
) -> HabitOut:
    """A habit for every day (per_week 7) or for a number of days a week, maybe for a goal,
    maybe with a reminder time of its own."""
    with transaction(db):
        _check_goal(db, user_id, goal_id)
        row = Habit(
            user_id=user_id,
            title=title.strip(),
            per_week=per_week,
            goal_id=goal_id,
            started_on=started_on or today,
            remind_at=remind_at,
        )
        db.add(row)
        db.flush()
        return _habit_out(db, row, today)


def change_habit(
    db: Session, user_id: int, habit_id: int, changes: dict[str, Any], *, today: date
) -> HabitOut:
    with transaction(db):
        row = mine(db, Habit, user_id, habit_id, "habit")
        _check_goal(db, user_id, changes.get("goal_id"))
        for name, value in trimmed(changes).items():
            setattr(row, name, value)
        db.flush()
        return _habit_out(db, row, today)


def delete_habit(db: Session, user_id: int, habit_id: int) -> None:
    with transaction(db):
        db.delete(mine(db, Habit, user_id, habit_id, "habit"))


def mark_day(
    db: Session, user_id: int, habit_id: int, day: date, status: DayStatus, *, today: date
) -> HabitOut:
    """Done, or skipped (ill, travelling): a skipped day doesn't break a streak."""
    with transaction(db):
        row = mine(db, Habit, user_id, habit_id, "habit")
        try:
            days.set_day(db, row, day, status, today=today)
        except days.FutureDay as error:
            raise Invalid("day", str(error)) from None
        return _habit_out(db, row, today)


def clear_day(db: Session, user_id: int, habit_id: int, day: date) -> None:
    """Forget a day's check-in."""
    with transaction(db):
        days.clear_day(db, mine(db, Habit, user_id, habit_id, "habit"), day)


@dataclass(frozen=True)
class TodayHabit:
    """A habit as the dashboard lists it: done, skipped or still open (None) today."""

    id: int
    title: str
    today: str | None


def todays_habits(db: Session, user_id: int, *, today: date) -> list[TodayHabit]:
    """Her habits still in use with today's mark, in one statement (the dashboard reads a fixed
    few, however many habits she keeps)."""
    marked = aliased(HabitDay)
    rows = db.execute(
        select(Habit.id, Habit.title, marked.status)
        .outerjoin(marked, (marked.habit_id == Habit.id) & (marked.day == today))
        .where(Habit.user_id == user_id, Habit.archived.is_(False))
        .order_by(Habit.id)
    )
    return [TodayHabit(id=row.id, title=row.title, today=row.status) for row in rows]


def overview(db: Session, user_id: int, *, today: date) -> Overview:
    """Step 4's page: goals ordered by area, and every habit with its streaks."""
    by_area = list(list_owned(db, Goal, user_id, Goal.area, Goal.id))
    return Overview(goals=_goals_out(db, user_id, by_area), habits=habits(db, user_id, today=today))
