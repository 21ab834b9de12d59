"""Step 4 through the API: goals and their milestones, habits, their daily check-ins and streaks."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import HTTPException, Path, Response
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

from anew.accounts.models import User
from anew.db import Base, utcnow
from anew.method.new_you import habits
from anew.method.new_you.models import Goal, Habit, Milestone
from anew.method.owned import get_owned, list_owned
from anew.web.api.no_contact import IsoDate
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, ApiModel, Problem
from anew.web.http.deps import ApiUser, SessionDep, user_today
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["new you"], mounted_at=API_PREFIX)
RowId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Day = Annotated[IsoDate, Path(description="YYYY-MM-DD, in your time zone")]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "Not yours"}}
RESPONSES = {**ERROR_RESPONSES, **BAD_BODY, **NOT_FOUND}
Area = Literal["independence", "career", "health", "social", "hobbies", "flaws"]
GoalStatus = Literal["active", "done", "paused", "dropped"]
MilestoneId = Annotated[int, Path(ge=1, le=2**31 - 1)]


class HabitIn(ApiModel):
    title: StrictStr = Field(min_length=1, max_length=200)
    per_week: StrictInt = Field(default=7, ge=1, le=7, description="7 is daily")
    goal_id: StrictInt | None = Field(default=None, ge=1, le=2**31 - 1)
    started_on: IsoDate | None = Field(default=None, description="Defaults to today")


class HabitPatch(ApiModel):
    title: StrictStr | None = Field(default=None, min_length=1, max_length=200)
    per_week: StrictInt | None = Field(default=None, ge=1, le=7)
    goal_id: StrictInt | None = Field(default=None, ge=1, le=2**31 - 1)
    archived: StrictBool | None = None


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


class DayIn(ApiModel):
    status: Literal["done", "skipped"]


def _habit(db: SessionDep, user: User, habit_id: int) -> Habit:
    habit = get_owned(db, Habit, user.id, habit_id)
    if habit is None:
        raise HTTPException(status_code=404, detail="There is no such habit.")
    return habit


def _check_goal(db: SessionDep, user: User, goal_id: int | None) -> None:
    if goal_id is not None and get_owned(db, Goal, user.id, goal_id) is None:
        problem = {
            "loc": ["body", "goal_id"],
            "msg": "There is no such goal.",
            "type": "value_error",
        }
        raise HTTPException(status_code=422, detail=[problem])


def _out(db: SessionDep, user: User, habit: Habit) -> HabitOut:
    return HabitOut(**habits.summary(db, habit, user_today(user)))


@router.post("/habits", status_code=201, response_model=HabitOut, responses=RESPONSES)
def create_habit(body: HabitIn, user: ApiUser, db: SessionDep) -> HabitOut:
    """A habit for every day (per_week 7) or for a number of days a week."""
    _check_goal(db, user, body.goal_id)
    habit = Habit(
        user_id=user.id,
        title=body.title.strip(),
        per_week=body.per_week,
        goal_id=body.goal_id,
        started_on=body.started_on or user_today(user),
    )
    db.add(habit)
    db.commit()
    return _out(db, user, habit)


@router.get("/habits", response_model=list[HabitOut], responses=ERROR_RESPONSES)
def read_habits(user: ApiUser, db: SessionDep) -> list[HabitOut]:
    return [_out(db, user, h) for h in list_owned(db, Habit, user.id, Habit.id)]


@router.get("/habits/{habit_id}", response_model=HabitOut, responses=RESPONSES)
def read_habit(habit_id: RowId, user: ApiUser, db: SessionDep) -> HabitOut:
    """With its current and best streak, worked out from the check-ins."""
    return _out(db, user, _habit(db, user, habit_id))


@router.patch("/habits/{habit_id}", response_model=HabitOut, responses=RESPONSES)
def update_habit(habit_id: RowId, body: HabitPatch, user: ApiUser, db: SessionDep) -> HabitOut:
    habit = _habit(db, user, habit_id)
    changes = body.model_dump(exclude_unset=True)
    _check_goal(db, user, changes.get("goal_id"))
    for name, value in changes.items():
        if value is not None or name == "goal_id":
            setattr(habit, name, value.strip() if isinstance(value, str) else value)
    db.commit()
    return _out(db, user, habit)


@router.delete("/habits/{habit_id}", status_code=204, responses=RESPONSES)
def delete_habit(habit_id: RowId, user: ApiUser, db: SessionDep) -> Response:
    db.delete(_habit(db, user, habit_id))
    db.commit()
    return Response(status_code=204)


@router.put("/habits/{habit_id}/days/{day}", response_model=HabitOut, responses=RESPONSES)
def check_in(habit_id: RowId, day: Day, body: DayIn, user: ApiUser, db: SessionDep) -> HabitOut:
    """Done, or skipped (ill, travelling): a skipped day doesn't break a streak."""
    habit = _habit(db, user, habit_id)
    try:
        habits.set_day(db, habit, day, body.status, today=user_today(user))
    except habits.FutureDay as error:
        problem = {"loc": ["path", "day"], "msg": str(error), "type": "value_error"}
        raise HTTPException(status_code=422, detail=[problem]) from None
    db.commit()
    return _out(db, user, habit)


@router.delete("/habits/{habit_id}/days/{day}", status_code=204, responses=RESPONSES)
def clear_check_in(habit_id: RowId, day: Day, user: ApiUser, db: SessionDep) -> Response:
    habits.clear_day(db, _habit(db, user, habit_id), day)
    db.commit()
    return Response(status_code=204)


def _mine(db: SessionDep, model: type[Any], user: User, row_id: int, what: str) -> Any:
    row = get_owned(db, model, user.id, row_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"There is no such {what}.")
    return row


def _apply(row: Base, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        setattr(row, name, value.strip() if isinstance(value, str) else value)


class MilestoneOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    title: str
    done_on: date | None


class GoalIn(ApiModel):
    area: Area
    title: StrictStr = Field(min_length=1, max_length=200)
    why: StrictStr = Field(default="", max_length=5000)
    target_on: IsoDate | None = None
    status: GoalStatus = "active"
    notes: StrictStr = Field(default="", max_length=20000)


class GoalPatch(ApiModel):
    area: Area | None = None
    title: StrictStr | None = Field(default=None, min_length=1, max_length=200)
    why: StrictStr | None = Field(default=None, max_length=5000)
    target_on: IsoDate | None = None
    status: GoalStatus | None = None
    notes: StrictStr | None = Field(default=None, max_length=20000)


class GoalOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    area: str
    title: str
    why: str
    target_on: date | None
    status: str
    notes: str
    created_at: datetime
    done_at: datetime | None
    milestones: list[MilestoneOut] = []
    progress: float = Field(default=0.0, description="Share of milestones done, 0..1")


class MilestoneIn(ApiModel):
    title: StrictStr = Field(min_length=1, max_length=200)


class MilestonePatch(ApiModel):
    title: StrictStr | None = Field(default=None, min_length=1, max_length=200)
    done: StrictBool | None = None


def _goal_out(db: SessionDep, goal: Goal) -> GoalOut:
    steps = list_owned(db, Milestone, goal.user_id, Milestone.id)
    mine = [MilestoneOut.model_validate(m) for m in steps if m.goal_id == goal.id]
    done = sum(1 for m in mine if m.done_on)
    out = GoalOut.model_validate(goal)
    return out.model_copy(update={"milestones": mine, "progress": done / len(mine) if mine else 0})


@router.post("/goals", status_code=201, response_model=GoalOut, responses=RESPONSES)
def create_goal(body: GoalIn, user: ApiUser, db: SessionDep) -> GoalOut:
    goal = Goal(user_id=user.id, **body.model_dump())
    goal.title = goal.title.strip()
    db.add(goal)
    db.commit()
    return _goal_out(db, goal)


@router.get("/goals", response_model=list[GoalOut], responses=ERROR_RESPONSES)
def read_goals(user: ApiUser, db: SessionDep) -> list[GoalOut]:
    return [_goal_out(db, g) for g in list_owned(db, Goal, user.id, Goal.id)]


@router.get("/goals/{goal_id}", response_model=GoalOut, responses=RESPONSES)
def read_goal(goal_id: RowId, user: ApiUser, db: SessionDep) -> GoalOut:
    return _goal_out(db, _mine(db, Goal, user, goal_id, "goal"))


@router.patch("/goals/{goal_id}", response_model=GoalOut, responses=RESPONSES)
def update_goal(goal_id: RowId, body: GoalPatch, user: ApiUser, db: SessionDep) -> GoalOut:
    goal = _mine(db, Goal, user, goal_id, "goal")
    changes = dict(body.model_dump(exclude_unset=True).items())
    changes = {k: v for k, v in changes.items() if v is not None or k == "target_on"}
    _apply(goal, changes)
    if "status" in changes:
        goal.done_at = utcnow() if goal.status == "done" else None
    db.commit()
    return _goal_out(db, goal)


@router.delete("/goals/{goal_id}", status_code=204, responses=RESPONSES)
def delete_goal(goal_id: RowId, user: ApiUser, db: SessionDep) -> Response:
    db.delete(_mine(db, Goal, user, goal_id, "goal"))
    db.commit()
    return Response(status_code=204)


@router.post(
    "/goals/{goal_id}/milestones", status_code=201, response_model=GoalOut, responses=RESPONSES
)
def add_milestone(goal_id: RowId, body: MilestoneIn, user: ApiUser, db: SessionDep) -> GoalOut:
    goal = _mine(db, Goal, user, goal_id, "goal")
    db.add(Milestone(user_id=user.id, goal_id=goal.id, title=body.title.strip()))
    db.commit()
    return _goal_out(db, goal)


def _milestone(db: SessionDep, user: User, goal_id: int, milestone_id: int) -> Milestone:
    milestone: Milestone = _mine(db, Milestone, user, milestone_id, "milestone")
    if milestone.goal_id != goal_id:
        raise HTTPException(status_code=404, detail="There is no such milestone.")
    return milestone


@router.patch(
    "/goals/{goal_id}/milestones/{milestone_id}", response_model=GoalOut, responses=RESPONSES
)
def tick_milestone(
    goal_id: RowId, milestone_id: MilestoneId, body: MilestonePatch, user: ApiUser, db: SessionDep
) -> GoalOut:
    """Tick it off with `done: true` (today, in UTC), or untick it."""
    milestone = _milestone(db, user, goal_id, milestone_id)
    if body.title is not None:
        milestone.title = body.title.strip()
    if body.done is not None:
        milestone.done_on = (milestone.done_on or utcnow().date()) if body.done else None
    db.commit()
    return _goal_out(db, _mine(db, Goal, user, goal_id, "goal"))


@router.delete("/goals/{goal_id}/milestones/{milestone_id}", status_code=204, responses=RESPONSES)
def delete_milestone(
    goal_id: RowId, milestone_id: MilestoneId, user: ApiUser, db: SessionDep
) -> Response:
    db.delete(_milestone(db, user, goal_id, milestone_id))
    db.commit()
    return Response(status_code=204)
