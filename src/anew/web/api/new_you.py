"""Step 4 through the API: goals and their milestones, habits, their daily check-ins and streaks."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Response
from pydantic import Field, StrictBool, StrictInt, StrictStr

from anew.accounts.clock import HH_MM
from anew.db import utcnow
from anew.method.new_you import service
from anew.method.new_you.service import GoalOut, HabitOut
from anew.method.new_you.vocabulary import DayStatus, GoalStatus, LifeArea
from anew.web.api.schemas import ERROR_RESPONSES, RESPONSES, ApiModel, IsoDate, RowId
from anew.web.http.deps import ApiUser, SessionDep, user_today
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["new you"], mounted_at=API_PREFIX)
Day = Annotated[IsoDate, Path(description="YYYY-MM-DD, in your time zone")]
MilestoneId = Annotated[int, Path(ge=1, le=2**31 - 1)]


class GoalIn(ApiModel):
    area: LifeArea
    title: StrictStr = Field(min_length=1, max_length=200)
    why: StrictStr = Field(default="", max_length=5000)
    target_on: IsoDate | None = None
    status: GoalStatus = GoalStatus.ACTIVE
    notes: StrictStr = Field(default="", max_length=20000)


class GoalPatch(ApiModel):
    area: LifeArea | None = None
    title: StrictStr | None = Field(default=None, min_length=1, max_length=200)
    why: StrictStr | None = Field(default=None, max_length=5000)
    target_on: IsoDate | None = None
    status: GoalStatus | None = None
    notes: StrictStr | None = Field(default=None, max_length=20000)


class MilestoneIn(ApiModel):
    title: StrictStr = Field(min_length=1, max_length=200)


class MilestonePatch(ApiModel):
    title: StrictStr | None = Field(default=None, min_length=1, max_length=200)
    done: StrictBool | None = None


REMIND_AT = "HH:MM on her clock for this habit's own reminder; null: with her other habits"


class HabitIn(ApiModel):
    title: StrictStr = Field(min_length=1, max_length=200)
    per_week: StrictInt = Field(default=7, ge=1, le=7, description="7 is daily")
    goal_id: StrictInt | None = Field(default=None, ge=1, le=2**31 - 1)
    started_on: IsoDate | None = Field(default=None, description="Defaults to today")
    remind_at: StrictStr | None = Field(default=None, pattern=HH_MM, description=REMIND_AT)


class HabitPatch(ApiModel):
    title: StrictStr | None = Field(default=None, min_length=1, max_length=200)
    per_week: StrictInt | None = Field(default=None, ge=1, le=7)
    goal_id: StrictInt | None = Field(default=None, ge=1, le=2**31 - 1)
    archived: StrictBool | None = None
    remind_at: StrictStr | None = Field(default=None, pattern=HH_MM, description=REMIND_AT)


class DayIn(ApiModel):
    status: DayStatus


@router.post("/goals", status_code=201, response_model=GoalOut, responses=RESPONSES)
def create_goal(body: GoalIn, user: ApiUser, db: SessionDep) -> GoalOut:
    return service.add_goal(db, user.id, **body.model_dump())


@router.get("/goals", response_model=list[GoalOut], responses=ERROR_RESPONSES)
def read_goals(user: ApiUser, db: SessionDep) -> list[GoalOut]:
    return service.goals(db, user.id)


@router.get("/goals/{goal_id}", response_model=GoalOut, responses=RESPONSES)
def read_goal(goal_id: RowId, user: ApiUser, db: SessionDep) -> GoalOut:
    return service.goal(db, user.id, goal_id)


@router.patch("/goals/{goal_id}", response_model=GoalOut, responses=RESPONSES)
def update_goal(goal_id: RowId, body: GoalPatch, user: ApiUser, db: SessionDep) -> GoalOut:
    """Only the fields sent change; `target_on: null` clears the date."""
    sent = body.model_dump(exclude_unset=True)
    changes = {k: v for k, v in sent.items() if v is not None or k == "target_on"}
    return service.change_goal(db, user.id, goal_id, changes, now=utcnow())


@router.delete("/goals/{goal_id}", status_code=204, responses=RESPONSES)
def delete_goal(goal_id: RowId, user: ApiUser, db: SessionDep) -> Response:
    service.delete_goal(db, user.id, goal_id)
    return Response(status_code=204)


@router.post(
    "/goals/{goal_id}/milestones", status_code=201, response_model=GoalOut, responses=RESPONSES
)
def add_milestone(goal_id: RowId, body: MilestoneIn, user: ApiUser, db: SessionDep) -> GoalOut:
    return service.add_milestone(db, user.id, goal_id, title=body.title)


@router.patch(
    "/goals/{goal_id}/milestones/{milestone_id}", response_model=GoalOut, responses=RESPONSES
)
def tick_milestone(
    goal_id: RowId, milestone_id: MilestoneId, body: MilestonePatch, user: ApiUser, db: SessionDep
) -> GoalOut:
    """Tick it off with `done: true` (today, in UTC), or untick it."""
    return service.change_milestone(
        db,
        user.id,
        goal_id,
        milestone_id,
        title=body.title,
        done=body.done,
        today=utcnow().date(),
    )


@router.delete("/goals/{goal_id}/milestones/{milestone_id}", status_code=204, responses=RESPONSES)
def delete_milestone(
    goal_id: RowId, milestone_id: MilestoneId, user: ApiUser, db: SessionDep
) -> Response:
    service.delete_milestone(db, user.id, goal_id, milestone_id)
    return Response(status_code=204)


@router.post("/habits", status_code=201, response_model=HabitOut, responses=RESPONSES)
def create_habit(body: HabitIn, user: ApiUser, db: SessionDep) -> HabitOut:
    """A habit for every day (per_week 7) or for a number of days a week."""
    return service.add_habit(db, user.id, **body.model_dump(), today=user_today(user))


@router.get("/habits", response_model=list[HabitOut], responses=ERROR_RESPONSES)
def read_habits(user: ApiUser, db: SessionDep) -> list[HabitOut]:
    return service.habits(db, user.id, today=user_today(user))


@router.get("/habits/{habit_id}", response_model=HabitOut, responses=RESPONSES)
def read_habit(habit_id: RowId, user: ApiUser, db: SessionDep) -> HabitOut:
    """With its current and best streak, worked out from the check-ins."""
    return service.habit(db, user.id, habit_id, today=user_today(user))


@router.patch("/habits/{habit_id}", response_model=HabitOut, responses=RESPONSES)
def update_habit(habit_id: RowId, body: HabitPatch, user: ApiUser, db: SessionDep) -> HabitOut:
    """Only the fields sent change; `goal_id: null` frees it from its goal, `remind_at: null`
    puts its reminder back with her other habits."""
    sent = body.model_dump(exclude_unset=True)
    changes = {k: v for k, v in sent.items() if v is not None or k in ("goal_id", "remind_at")}
    return service.change_habit(db, user.id, habit_id, changes, today=user_today(user))


@router.delete("/habits/{habit_id}", status_code=204, responses=RESPONSES)
def delete_habit(habit_id: RowId, user: ApiUser, db: SessionDep) -> Response:
    service.delete_habit(db, user.id, habit_id)
    return Response(status_code=204)


@router.put("/habits/{habit_id}/days/{day}", response_model=HabitOut, responses=RESPONSES)
def check_in(habit_id: RowId, day: Day, body: DayIn, user: ApiUser, db: SessionDep) -> HabitOut:
    """Done, or skipped (ill, travelling): a skipped day doesn't break a streak."""
    return service.mark_day(db, user.id, habit_id, day, body.status, today=user_today(user))


@router.delete("/habits/{habit_id}/days/{day}", status_code=204, responses=RESPONSES)
def clear_check_in(habit_id: RowId, day: Day, user: ApiUser, db: SessionDep) -> Response:
    service.clear_day(db, user.id, habit_id, day)
    return Response(status_code=204)
