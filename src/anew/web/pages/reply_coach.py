"""Step 2's page: paste his message, and the coach says when and how to answer."""

from __future__ import annotations

from dataclasses import replace

from fastapi import Depends, Request
from markupsafe import Markup
from pydantic import BaseModel, Field
from starlette.responses import Response

from anew.accounts.clock import zone
from anew.accounts.sessions import Caller
from anew.db import utcnow
from anew.method.reply_coach import service
from anew.method.reply_coach.rules import when_words
from anew.method.reply_coach.service import Adherence
from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.csrf import require_csrf
from anew.web.http.deps import CurrentUser, SessionDep, user_today
from anew.web.http.forms import PostedForm, read_form
from anew.web.http.safety_gate import WinBackPageUser, needs_check, page_win_back
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PAGE = "/steps/reply-coach"


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
    context.update(adherence=_adherence(db, user), has_chats=service.has_chats(db, user.id))
    return render(request, "reply_coach/page.html", {**context, "values": {}, "errors": {}})


@router.post(PAGE, dependencies=[Depends(require_csrf), Depends(page_win_back)])
def ask(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    context = {"step": STEPS_BY_SLUG["reply-coach"], "active_step": "reply-coach"}
    if needs_check(db, user):
        return render(request, "safety/invite.html", context)
    result = read_form(CoachForm, form)
    context["has_chats"] = service.has_chats(db, user.id)
    if result.data is None:
        context.update(values=result.values, errors=result.errors)
        return render(request, "reply_coach/page.html", context, status_code=400)
    now = utcnow()
    advice = service.coach(
        db,
        user.id,
        time_zone=user.time_zone,
        his_message=result.data.his_message,
        received_at=now,
        now=now,
        logistics=result.data.logistics,
    )
    here = zone(user.time_zone)
    earliest = advice.earliest.astimezone(here) if advice.earliest else None
    context["adherence"] = _adherence(db, user)
    context.update(
        values=result.values,
        errors={},
        advice=advice,
        headline=advice.verdict.label,
        earliest=when_words(earliest, now.astimezone(here)) if earliest else "",
    )
    return render(request, "reply_coach/page.html", context)


def _adherence(db: SessionDep, user: Caller) -> Adherence:
    """Her adherence, its SVG charts marked safe for the template (anew.chats.charts builds and
    escapes them)."""
    found = service.adherence(db, user.id, time_zone=user.time_zone, today=user_today(user))
    return replace(
        found,
        contacts=_safe(found.contacts),
        replies=_safe(found.replies),
        started=_safe(found.started),
        ended=_safe(found.ended),
    )


def _safe(chart: str | None) -> str | None:
    return Markup(chart) if chart is not None else None  # noqa: S704
