"""The insights page: her mood over time with her urges, contacts and slips marked, the hours
that have been hard for her as a heat map with plain sentences, her plan for them, and when the
two of them used to write."""

from __future__ import annotations

from fastapi import Depends, Request
from markupsafe import Markup
from pydantic import BaseModel, Field
from starlette.responses import RedirectResponse, Response

from anew.accounts.sessions import Caller
from anew.insights import charts, plans, service
from anew.insights.plans import PLAN_MAX, PlanIn
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, SessionDep
from anew.web.http.forms import FormResult, PostedForm, read_form
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)


@router.get("/insights")
def insights_page(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    return _page(request, user, db)


def _page(
    request: Request,
    user: Caller,
    db: SessionDep,
    *,
    plan: FormResult[PlanForm] | None = None,
    status_code: int = 200,
) -> Response:
    found = service.overview(db, user.id, time_zone=user.time_zone, safety_mode=user.safety_mode)
    context = {
        "insights": found.insights,
        "mood_line": Markup(charts.mood_line(found.insights.mood, found.days)),  # noqa: S704 - ours, escaped
        "year": Markup(charts.year_in_pixels(found.insights.mood)),  # noqa: S704 - ours, escaped
        "heat_map": Markup(charts.hard_hours_map(found.insights.urges_by_weekday_hour)),  # noqa: S704
        "talk_map": Markup(charts.talk_map(found.insights.talk_by_weekday_hour)),  # noqa: S704
        "talked_most": found.talked_most,
        "time_zone": user.time_zone,
        "plan": plans.read(db, user.id),
        "values": plan.values if plan else {},
        "errors": plan.errors if plan else {},
        "saved": request.query_params.get("saved") == "plan",
    }
    return render(request, "insights/index.html", context, status_code=status_code)


TOO_LONG = f"Please keep your plan to {PLAN_MAX:,} characters or fewer: a few lines are enough."


class PlanForm(BaseModel):
    text: str = Field(default="", max_length=PLAN_MAX)


@router.post("/insights/plan", dependencies=[Depends(require_csrf)])
def save_plan(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    """Her plan for her hard hours, kept (or cleared when emptied); what she typed stays on the
    page when it can't be kept."""
    result = read_form(PlanForm, form)
    if result.data is None:
        if "text" in result.errors and "\x00" not in str(form.get("text", "")):
            result.errors["text"] = TOO_LONG
        return _page(request, user, db, plan=result, status_code=400)
    plans.replace(db, user.id, PlanIn(text=result.data.text))
    return RedirectResponse("/insights?saved=plan#plan", status_code=303)
