"""Step 4's page: goals in life areas with milestones, and habits with one-tap check-ins."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, cast

from fastapi import Depends, Request
from markupsafe import Markup
from pydantic import BaseModel, Field, field_validator
from starlette.responses import RedirectResponse, Response

from anew.accounts.clock import HH_MM
from anew.accounts.sessions import Caller
from anew.db import utcnow
from anew.errors import Invalid
from anew.method.new_you import charts, service
from anew.method.new_you.service import GoalOut, HabitOut
from anew.method.new_you.streaks import Status, year_grid
from anew.method.new_you.vocabulary import DayStatus, GoalStatus, LifeArea
from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, OptionalUser, SessionDep, user_today
from anew.web.http.forms import FormResult, PostedForm, read_form
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.step_pages import step_page
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PAGE = "/steps/new-you"


class GoalForm(BaseModel):
    area: LifeArea
    title: str = Field(min_length=1, max_length=200)
    why: str = Field(default="", max_length=5000)
    target_on: Annotated[date, Field(ge=date(1970, 1, 1))] | None = None

    @field_validator("target_on", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value


class HabitForm(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    per_week: int = Field(default=7, ge=1, le=7)
    goal_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    remind_at: str | None = None

    @field_validator("goal_id", "remind_at", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("remind_at")
    @classmethod
    def _a_time_of_day(cls, value: str | None) -> str | None:
        if value is not None and not re.match(HH_MM, value):
            raise ValueError("Please give a time of day, like 07:30.")
        return value


def _charts(goals: list[GoalOut], habits: list[HabitOut], today: date) -> dict[str, Markup]:
    """Step 4's charts, built and escaped by anew.method.new_you.charts, so safe to show."""
    found = {
        "areas": charts.milestones_chart(goals, today),
        "habits": charts.habits_chart(habits),
    }
    return {name: Markup(chart) for name, chart in found.items() if chart}  # noqa: S704


def _days(habit: HabitOut) -> dict[date, Status]:
    return {date.fromisoformat(d): cast(Status, s) for d, s in habit.days.items()}


def _page(
    request: Request,
    db: SessionDep,
    user: Caller,
    *,
    form: str = "",
    result: FormResult[Any] | None = None,
    status_code: int = 200,
) -> Response:
    today = user_today(user)
    shown = service.overview(db, user.id, today=today)
    rows = [
        {
            **habit.model_dump(),
            "year": Markup(charts.habit_year(habit.title, year_grid(_days(habit), today))),  # noqa: S704
        }
        for habit in shown.habits
    ]
    context = {
        "step": STEPS_BY_SLUG["new-you"],
        "active_step": "new-you",
        "areas": LifeArea.choices(),
        "goal_statuses": GoalStatus.choices(),
        "goals": shown.goals,
        "milestones": {g.id: g.milestones for g in shown.goals},
        "habits": rows,
        "charts": _charts(shown.goals, shown.habits, today),
        "today": today.isoformat(),
        "form": form,
        "values": result.values if result else {},
        "errors": result.errors if result else {},
    }
    return render(request, "new_you/page.html", context, status_code=status_code)


@router.get(PAGE)
def new_you_page(request: Request, user: OptionalUser, db: SessionDep) -> Response:
    return step_page(request, db, user, "new-you", lambda her: _page(request, db, her))


@router.post(f"{PAGE}/goals", dependencies=[Depends(require_csrf)])
def add_goal(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    result = read_form(GoalForm, form)
    if result.data is None:
        return _page(request, db, user, form="goal", result=result, status_code=400)
    service.add_goal(db, user.id, **result.data.model_dump())
    return RedirectResponse(f"{PAGE}#goals", status_code=303)


@router.post(f"{PAGE}/goals/{{goal_id}}", dependencies=[Depends(require_csrf)])
def change_goal(
    request: Request,
    goal_id: int,
    user: CurrentUser,
    db: SessionDep,
    form: PostedForm,
) -> Response:
    """One form per goal: a new status, a new milestone, a tick, or deletion."""
    service.goal(db, user.id, goal_id)  # a 404 for anyone else's, whatever the action
    action = str(form.get("action", ""))
    if action in GoalStatus.values():
        service.change_goal(db, user.id, goal_id, {"status": action}, now=utcnow())
    elif action == "milestone" and str(form.get("milestone", "")).strip():
        title = str(form.get("milestone")).strip().replace("\x00", "")
        service.add_milestone(db, user.id, goal_id, title=title)
    elif action.startswith("tick:") and action[5:].isdigit():
        milestone_id = int(action[5:])
        service.change_milestone(
            db, user.id, None, milestone_id, toggle=True, today=user_today(user)
        )
    elif action == "delete":
        service.delete_goal(db, user.id, goal_id)
    return RedirectResponse(f"{PAGE}#goals", status_code=303)


@router.post(f"{PAGE}/habits", dependencies=[Depends(require_csrf)])
def add_habit(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    result = read_form(HabitForm, form)
    if result.data is not None:
        try:
            service.add_habit(
                db, user.id, **result.data.model_dump(), started_on=None, today=user_today(user)
            )
        except Invalid:
            result.add_error("goal_id", "Please pick one of your goals.")
        else:
            return RedirectResponse(f"{PAGE}#habits", status_code=303)
    return _page(request, db, user, form="habit", result=result, status_code=400)


@router.post(f"{PAGE}/habits/{{habit_id}}", dependencies=[Depends(require_csrf)])
def check_habit(
    request: Request,
    habit_id: int,
    user: CurrentUser,
    db: SessionDep,
    form: PostedForm,
) -> Response:
    """Done, skipped or cleared for a day (today unless another day is given), or deletion."""
    today = user_today(user)
    service.habit(db, user.id, habit_id, today=today)  # a 404 for anyone else's
    action = str(form.get("action", ""))
    try:
        day = date.fromisoformat(str(form.get("day") or today.isoformat()))
    except ValueError:
        day = today
    if action in DayStatus.values() and day <= today:
        service.mark_day(db, user.id, habit_id, day, DayStatus(action), today=today)
    elif action == "clear":
        service.clear_day(db, user.id, habit_id, day)
    elif action == "remind":
        reminder = str(form.get("remind_at", "")).strip()
        if reminder and not re.match(HH_MM, reminder):
            return _page(
                request,
                db,
                user,
                form=f"remind-{habit_id}",
                result=FormResult(
                    values={"remind_at": reminder},
                    errors={"remind_at": "Please give a time of day, like 07:30."},
                ),
                status_code=400,
            )
        changes = {"remind_at": reminder or None}
        service.change_habit(db, user.id, habit_id, changes, today=today)
    elif action == "delete":
        service.delete_habit(db, user.id, habit_id)
    return RedirectResponse(f"{PAGE}#habit-{habit_id}", status_code=303)
