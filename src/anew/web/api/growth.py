"""Steps 4 to 6 through the API: goals and milestones, the qualities board, the makeover plan."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import HTTPException, Path, Response
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictStr

from anew.accounts.models import User
from anew.db import Base, utcnow
from anew.method.growth_models import Goal, MakeoverItem, Milestone, Quality
from anew.method.makeover import from_cents, to_cents, totals
from anew.method.owned import get_owned, list_owned
from anew.web.api.habits import NOT_FOUND, RESPONSES, RowId
from anew.web.api.nocontact import IsoDate
from anew.web.api.schemas import ERROR_RESPONSES, ApiModel
from anew.web.deps import ApiUser, SessionDep
from anew.web.safety_gate import WinBackApiUser
from anew.web.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["growth"], mounted_at=API_PREFIX)
# Steps 5 and 6 are "win-back" steps: in safety mode their routes answer 403 with the reason.
Area = Literal["independence", "career", "health", "social", "hobbies", "flaws"]
GoalStatus = Literal["active", "done", "paused", "dropped"]
QualityList = Literal["he_valued", "i_value", "my_strengths"]
Category = Literal["hair", "wardrobe", "fitness", "skin", "style", "other"]
Money = Annotated[StrictFloat, Field(ge=0, le=10_000_000)]
MilestoneId = Annotated[int, Path(ge=1, le=2**31 - 1)]


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


class QualityIn(ApiModel):
    list: QualityList
    name: StrictStr = Field(min_length=1, max_length=200)
    this_week: StrictStr = Field(default="", max_length=5000)
    reflection: StrictStr = Field(default="", max_length=5000)
    done: StrictBool = False


class QualityPatch(ApiModel):
    list: QualityList | None = None
    name: StrictStr | None = Field(default=None, min_length=1, max_length=200)
    this_week: StrictStr | None = Field(default=None, max_length=5000)
    reflection: StrictStr | None = Field(default=None, max_length=5000)
    done: StrictBool | None = None


class QualityOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    list: str
    name: str
    this_week: str
    reflection: str
    done: bool


@router.post("/qualities", status_code=201, response_model=QualityOut, responses=RESPONSES)
def create_quality(body: QualityIn, user: WinBackApiUser, db: SessionDep) -> QualityOut:
    """One quality on one of her three lists, with how she'll live it this week."""
    row = Quality(user_id=user.id, **body.model_dump())
    row.name = row.name.strip()
    db.add(row)
    db.commit()
    return QualityOut.model_validate(row)


@router.get("/qualities", response_model=list[QualityOut], responses=ERROR_RESPONSES)
def read_qualities(user: WinBackApiUser, db: SessionDep) -> list[QualityOut]:
    rows = list_owned(db, Quality, user.id, Quality.list, Quality.id)
    return [QualityOut.model_validate(r) for r in rows]


@router.patch("/qualities/{quality_id}", response_model=QualityOut, responses=RESPONSES)
def update_quality(
    quality_id: RowId, body: QualityPatch, user: WinBackApiUser, db: SessionDep
) -> QualityOut:
    row = _mine(db, Quality, user, quality_id, "quality")
    _apply(row, {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None})
    db.commit()
    return QualityOut.model_validate(row)


@router.delete("/qualities/{quality_id}", status_code=204, responses=RESPONSES)
def delete_quality(quality_id: RowId, user: WinBackApiUser, db: SessionDep) -> Response:
    db.delete(_mine(db, Quality, user, quality_id, "quality"))
    db.commit()
    return Response(status_code=204)


class ItemIn(ApiModel):
    category: Category
    title: StrictStr = Field(min_length=1, max_length=200)
    planned_on: IsoDate | None = None
    budget: Money | None = None
    cost: Money | None = None
    done: StrictBool = False


class ItemPatch(ApiModel):
    category: Category | None = None
    title: StrictStr | None = Field(default=None, min_length=1, max_length=200)
    planned_on: IsoDate | None = None
    budget: Money | None = None
    cost: Money | None = None
    done: StrictBool | None = None


class ItemOut(BaseModel):
    id: int
    category: str
    title: str
    planned_on: date | None
    budget: float | None
    cost: float | None
    done: bool


class PlanOut(BaseModel):
    items: list[ItemOut]
    total_budget: float
    total_cost: float
    left: float = Field(description="Budget minus cost so far (negative when over)")


def _item_out(row: MakeoverItem) -> ItemOut:
    return ItemOut(
        id=row.id,
        category=row.category,
        title=row.title,
        planned_on=row.planned_on,
        budget=from_cents(row.budget_cents),
        cost=from_cents(row.cost_cents),
        done=row.done,
    )


def _money_changes(changes: dict[str, Any]) -> dict[str, Any]:
    for name in ("budget", "cost"):
        if name in changes:
            changes[f"{name}_cents"] = to_cents(changes.pop(name))
    return changes


@router.post("/makeover", status_code=201, response_model=ItemOut, responses=RESPONSES)
def create_item(body: ItemIn, user: WinBackApiUser, db: SessionDep) -> ItemOut:
    row = MakeoverItem(user_id=user.id, **_money_changes(body.model_dump()))
    row.title = row.title.strip()
    db.add(row)
    db.commit()
    return _item_out(row)


@router.get("/makeover", response_model=PlanOut, responses=ERROR_RESPONSES)
def read_plan(user: WinBackApiUser, db: SessionDep) -> PlanOut:
    """Her items, by planned date, with totals against the budget."""
    rows = list_owned(db, MakeoverItem, user.id, MakeoverItem.planned_on, MakeoverItem.id)
    summed = totals(rows)
    return PlanOut(
        items=[_item_out(r) for r in rows],
        total_budget=summed.budget,
        total_cost=summed.cost,
        left=summed.left,
    )


@router.patch("/makeover/{item_id}", response_model=ItemOut, responses=RESPONSES)
def update_item(item_id: RowId, body: ItemPatch, user: WinBackApiUser, db: SessionDep) -> ItemOut:
    row = _mine(db, MakeoverItem, user, item_id, "makeover item")
    changes = body.model_dump(exclude_unset=True)
    nullable = {"planned_on", "budget", "cost"}
    _apply(
        row, _money_changes({k: v for k, v in changes.items() if v is not None or k in nullable})
    )
    db.commit()
    return _item_out(row)


@router.delete("/makeover/{item_id}", status_code=204, responses={**NOT_FOUND, **RESPONSES})
def delete_item(item_id: RowId, user: WinBackApiUser, db: SessionDep) -> Response:
    db.delete(_mine(db, MakeoverItem, user, item_id, "makeover item"))
    db.commit()
    return Response(status_code=204)
