"""Step 2's page: paste his message, and the coach says when and how to answer."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request
from markupsafe import Markup
from pydantic import BaseModel, Field
from starlette.responses import Response

from anew.accounts.clock import zone
from anew.db import utcnow
from anew.method.reply_coach.service import adherence, coach
from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, SessionDep, user_today
from anew.web.http.forms import PostedForm, read_form
from anew.web.http.safety_gate import WinBackPageUser, needs_check, page_win_back
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PAGE = "/steps/reply-coach"
VERDICTS = {
    "dont_reply": "There's no need to answer.",
    "wait": "Take your time before you answer.",
    "reply_now": "You can answer whenever you like.",
}


class CoachForm(BaseModel):
    his_message: str = Field(min_length=1, max_length=20000)
    logistics: bool = False


@router.get(PAGE)
def coach_page(request: Request, user: WinBackPageUser, db: SessionDep) -> Response:
    context = {"step": STEPS_BY_SLUG["reply-coach"], "active_step": "reply-coach"}
    if user is None:
        return render(request, "home/step.html", {**context, "available": True})
    if needs_check(db, user):
        return render(request, "safety/invite.html", context)
    context["adherence"] = charts(adherence(db, user, user_today(user)))
    return render(request, "reply_coach/page.html", {**context, "values": {}, "errors": {}})


@router.post(PAGE, dependencies=[Depends(require_csrf), Depends(page_win_back)])
def ask(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    context = {"step": STEPS_BY_SLUG["reply-coach"], "active_step": "reply-coach"}
    if needs_check(db, user):
        return render(request, "safety/invite.html", context)
    result = read_form(CoachForm, form)
    if result.data is None:
        context.update(values=result.values, errors=result.errors)
        return render(request, "reply_coach/page.html", context, status_code=400)
    now = utcnow()
    advice = coach(
        db,
        user,
        his_message=result.data.his_message,
        received_at=now,
        now=now,
        logistics=result.data.logistics,
    )
    earliest = advice.earliest.astimezone(zone(user.time_zone)) if advice.earliest else None
    context["adherence"] = charts(adherence(db, user, user_today(user)))
    context.update(
        values=result.values,
        errors={},
        advice=advice,
        headline=VERDICTS[advice.verdict],
        earliest=earliest.strftime("%A %H:%M") if earliest else "",
    )
    return render(request, "reply_coach/page.html", context)


def charts(found: dict[str, Any]) -> dict[str, Any]:
    """The SVG charts marked safe for the template (they are built and escaped by us)."""
    return {
        key: Markup(value) if isinstance(value, str) else value  # noqa: S704
        for key, value in found.items()
    }
