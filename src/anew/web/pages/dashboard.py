"""The program dashboard: where she is in the method and what comes next.

The most visited page, so it is answered from anew.web.http.read_cache: the page made for her data
as it stands is kept until her data version moves (a coach's or an admin's page carries the
moderation badge, which moves with other people's data, and is made afresh every time).
"""

from __future__ import annotations

import secrets
from collections.abc import Hashable
from datetime import date
from typing import Literal

from fastapi import Depends, Request
from pydantic import BaseModel, Field, field_validator
from starlette.responses import HTMLResponse, RedirectResponse, Response

from anew.accounts.roles import STAFF
from anew.accounts.sessions import Caller
from anew.accounts.vocabulary import SessionKind
from anew.errors import Invalid
from anew.method.dashboard import service
from anew.method.looking_back import service as looking_back
from anew.method.new_you import service as new_you
from anew.method.new_you.vocabulary import DayStatus
from anew.method.no_contact import service as no_contact
from anew.safety.resources import Resources
from anew.web.http.csrf import request_csrf_token, require_csrf
from anew.web.http.deps import CurrentUser, LoginRequired, SessionDep, user_today
from anew.web.http.forms import PostedForm, read_form
from anew.web.http.read_cache import kept_read
from anew.web.http.security import SESSION_COOKIE
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
# Stands in the kept page where each request's CSRF token goes: random, so that nothing she wrote
# can happen to match it.
CSRF_MARK = secrets.token_hex(24).encode()


class CheckInForm(BaseModel):
    mood: int = Field(ge=1, le=10)
    note: str = Field(default="", max_length=5000)


class WelcomeForm(BaseModel):
    answer: Literal["start", "later"]
    ended_on: date | None = Field(default=None, ge=date(1970, 1, 1))

    @field_validator("ended_on", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value


@router.get("/dashboard")
async def dashboard(request: Request) -> Response:
    welcome = bool(request.query_params.get("welcome"))
    left_safety_mode = bool(request.query_params.get("left_safety_mode"))

    def key(caller: Caller) -> tuple[Hashable, ...] | None:
        if caller.role in STAFF:
            return None
        flags = (welcome, left_safety_mode)
        return ("dashboard", caller.id, caller.data_version, user_today(caller), flags)

    def make(db: SessionDep, caller: Caller) -> bytes:
        request.state.user, request.state.safety_mode = caller, caller.safety_mode
        return page(request, db, caller, welcome=welcome, left_safety_mode=left_safety_mode)

    token = request.cookies.get(SESSION_COOKIE)
    found = await kept_read(request.app, token, SessionKind.WEB, key, make)
    if found is None:
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(path)
    # Each browser's own CSRF token goes into the forms of the page kept for all of hers.
    return HTMLResponse(found[1].replace(CSRF_MARK, request_csrf_token(request).encode()))


def page(
    request: Request, db: SessionDep, user: Caller, *, welcome: bool, left_safety_mode: bool
) -> bytes:
    """The dashboard's HTML for her data as it stands, with CSRF_MARK for the CSRF token."""
    context = _context(request, db, user)
    context.update(
        welcome=welcome, left_safety_mode=left_safety_mode, csrf_token=CSRF_MARK.decode()
    )
    return bytes(render(request, "dashboard/index.html", context).body)


def _context(request: Request, db: SessionDep, user: Caller) -> dict[str, object]:
    """What the dashboard shows of her data today."""
    today = user_today(user)
    shown = service.dashboard(db, user.id, today=today, safety_mode=user.safety_mode)
    resources: Resources = request.app.state.resources
    back = shown.path.looking_back
    return {
        "welcome": False,
        "left_safety_mode": False,
        "stage": shown.stage,
        "state": shown.state,
        "actions": shown.actions,
        "today_checkin": shown.today_checkin,
        "latest_chat": shown.latest_chat,
        "vault_size": shown.vault_size,
        "help": resources.for_country(shown.country) if user.safety_mode else [],
        "reflection": shown.reflection,
        "habits": shown.habits,
        "path": shown.path,
        "looked_back": looking_back.how_long_ago(back, today) if back else "",
        "first_run": shown.welcome,
        "welcome_values": {},
        "welcome_errors": {},
        "checkin_values": {},
        "checkin_errors": {},
    }


@router.post("/dashboard/welcome", dependencies=[Depends(require_csrf)])
def answer_welcome(
    request: Request, user: CurrentUser, db: SessionDep, form: PostedForm
) -> Response:
    """The first-run welcome: start no contact today, or not yet; it is not asked again."""
    result = read_form(WelcomeForm, form)
    if result.data is not None:
        try:
            service.answer_welcome(
                db,
                user.id,
                today=user_today(user),
                ended_on=result.data.ended_on,
                start_today=result.data.answer == "start",
            )
        except Invalid as problem:
            result.add_error(problem.field, problem.message)
        else:
            return RedirectResponse("/dashboard", status_code=303)
    return _welcome_again(request, db, user, result.values, result.errors)


def _welcome_again(
    request: Request, db: SessionDep, user: Caller, values: object, errors: object
) -> Response:
    """The dashboard with the welcome's errors beside its fields and her answers kept."""
    context = _context(request, db, user)
    context.update(first_run=True, welcome_values=values, welcome_errors=errors)
    return render(request, "dashboard/index.html", context, status_code=400)


@router.post("/dashboard/checkin", dependencies=[Depends(require_csrf)])
def check_in(request: Request, user: CurrentUser, db: SessionDep, form: PostedForm) -> Response:
    """Today's check-in from Today: one tap on a mood (a few words if she likes); saving again
    changes today's."""
    result = read_form(CheckInForm, form)
    if result.data is None:
        context = _context(request, db, user)
        context.update(checkin_values=result.values, checkin_errors=result.errors)
        return render(request, "dashboard/index.html", context, status_code=400)
    today = user_today(user)
    no_contact.check_in(db, user.id, day=today, today=today, **result.data.model_dump())
    return RedirectResponse("/dashboard#checkin", status_code=303)


@router.post("/dashboard/habits/{habit_id}/done", dependencies=[Depends(require_csrf)])
def habit_done(habit_id: int, user: CurrentUser, db: SessionDep) -> Response:
    """One tap from the dashboard: today's habit done, and back to the dashboard (a 404 for
    anyone else's habit)."""
    today = user_today(user)
    new_you.mark_day(db, user.id, habit_id, today, DayStatus.DONE, today=today)
    return RedirectResponse("/dashboard#today-habits", status_code=303)
