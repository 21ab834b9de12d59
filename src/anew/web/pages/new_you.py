"""Step 4's page: goals in life areas with milestones, and habits with one-tap check-ins."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any, Literal

from fastapi import Depends, Request
from markupsafe import Markup
from pydantic import BaseModel, Field, field_validator
from starlette.responses import RedirectResponse, Response

from anew.accounts.models import User
from anew.chats.charts import bar_chart
from anew.db import utcnow
from anew.method.new_you import habits
from anew.method.new_you.models import Goal, Habit, Milestone
from anew.method.new_you.streaks import year_grid
from anew.method.owned import get_owned, list_owned
from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, OptionalUser, SessionDep, user_today
from anew.web.http.forms import FormResult, PostedForm, read_form
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.step_pages import mine_or_404, step_page
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PAGE = "/steps/new-you"
AREA_NAMES = {
    "independence": "Independence",
    "career": "Career and money",
    "health": "Health and fitness",
    "social": "Friends and social life",
    "hobbies": "Hobbies and learning",
    "flaws": "Old flaws I'm working on",
}


class GoalForm(BaseModel):
    area: Literal["independence", "career", "health", "social", "hobbies", "flaws"]
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

    @field_validator("goal_id", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value


def _charts(db: SessionDep, user: User, rows: list[dict[str, Any]]) -> dict[str, Markup]:
    milestones = list_owned(db, Milestone, user.id, Milestone.id)
    goals = {g.id: g for g in list_owned(db, Goal, user.id, Goal.id)}
    months = [(utcnow().date().replace(day=1) - timedelta(days=31 * i)) for i in range(5, -1, -1)]
    labels = [m.strftime("%b") for m in months]
    series: dict[str, list[float]] = {}
    for m in milestones:
        goal = goals.get(m.goal_id)
        if goal and m.done_on:
            counts = series.setdefault(AREA_NAMES[goal.area], [0.0] * len(months))
            key = m.done_on.strftime("%b")
            if key in labels:
                counts[labels.index(key)] += 1
    charts = {}
    if series:
        charts["areas"] = Markup(bar_chart(series, labels, "Milestones reached, by area"))  # noqa: S704
    if rows:
        rates = {"Completion %": [round(r["completion_rate"] * 100) for r in rows]}
        titles = [r["title"][:14] for r in rows]
        charts["habits"] = Markup(bar_chart(rates, titles, "How often each habit is done"))  # noqa: S704
    return charts


def _page(
    request: Request,
    db: SessionDep,
    user: User,
    *,
    form: str = "",
    result: FormResult[Any] | None = None,
    status_code: int = 200,
) -> Response:
    today = user_today(user)
    goals = list_owned(db, Goal, user.id, Goal.area, Goal.id)
    milestones = list_owned(db, Milestone, user.id, Milestone.id)
    rows = []
    for habit in list_owned(db, Habit, user.id, Habit.id):
        summary = habits.summary(db, habit, today)
        grid = year_grid({date.fromisoformat(d): s for d, s in summary["days"].items()}, today)
        rows.append({**summary, "grid": grid})
    context = {
        "step": STEPS_BY_SLUG["new-you"],
        "active_step": "new-you",
        "areas": AREA_NAMES,
        "goals": goals,
        "milestones": {g.id: [m for m in milestones if m.goal_id == g.id] for g in goals},
        "habits": rows,
        "charts": _charts(db, user, rows),
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
    db.add(Goal(user_id=user.id, **result.data.model_dump()))
    db.commit()
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
    goal = mine_or_404(db, Goal, user, goal_id)
    action = str(form.get("action", ""))
    if action in ("active", "done", "paused", "dropped"):
        goal.status, goal.done_at = action, utcnow() if action == "done" else None
    elif action == "milestone" and str(form.get("milestone", "")).strip():
        title = str(form.get("milestone")).strip().replace("\x00", "")[:200]
        db.add(Milestone(user_id=user.id, goal_id=goal.id, title=title))
    elif action.startswith("tick:") and action[5:].isdigit():
        milestone = mine_or_404(db, Milestone, user, int(action[5:]))
        milestone.done_on = None if milestone.done_on else user_today(user)
    elif action == "delete":
        db.delete(goal)
    db.commit()
    return RedirectResponse(f"{PAGE}#goals", status_code=303)


@router.post(f"{PAGE}/habits", dependencies=[Depends(require_csrf)])
def add_habit(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    result = read_form(HabitForm, form)
    goal_id = result.data.goal_id if result.data is not None else None
    if goal_id is not None and get_owned(db, Goal, user.id, goal_id) is None:
        result.add_error("goal_id", "Please pick one of your goals.")
    if result.data is None:
        return _page(request, db, user, form="habit", result=result, status_code=400)
    db.add(Habit(user_id=user.id, started_on=user_today(user), **result.data.model_dump()))
    db.commit()
    return RedirectResponse(f"{PAGE}#habits", status_code=303)


@router.post(f"{PAGE}/habits/{{habit_id}}", dependencies=[Depends(require_csrf)])
def check_habit(
    request: Request,
    habit_id: int,
    user: CurrentUser,
    db: SessionDep,
    form: PostedForm,
) -> Response:
    """Done, skipped or cleared for a day (today unless another day is given), or deletion."""
    habit = mine_or_404(db, Habit, user, habit_id)
    action = str(form.get("action", ""))
    today = user_today(user)
    try:
        day = date.fromisoformat(str(form.get("day") or today.isoformat()))
    except ValueError:
        day = today
    if action in ("done", "skipped") and day <= today:
        habits.set_day(db, habit, day, action, today=today)
    elif action == "clear":
        habits.clear_day(db, habit, day)
    elif action == "delete":
        db.delete(habit)
    db.commit()
    return RedirectResponse(f"{PAGE}#habit-{habit_id}", status_code=303)
