"""The program dashboard: where she is in the method and what comes next.

The most visited page, so it is answered from anew.web.http.read_cache: the page made for her data
as it stands is kept until her data version moves (a coach's or an admin's page carries the
moderation badge, which moves with other people's data, and is made afresh every time).
"""

from __future__ import annotations

import secrets
from collections.abc import Hashable

from fastapi import Request
from sqlalchemy.orm import Session
from starlette.responses import HTMLResponse, Response

from anew.accounts.models import SessionKind, User
from anew.accounts.roles import STAFF
from anew.accounts.sessions import Caller
from anew.chats.store import latest_import
from anew.method.no_contact import service as progress
from anew.method.program import next_actions
from anew.safety.resources import Resources
from anew.safety.service import has_taken_check
from anew.web.http.csrf import request_csrf_token
from anew.web.http.deps import LoginRequired, user_today
from anew.web.http.read_cache import kept_read
from anew.web.http.security import SESSION_COOKIE
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
# Stands in the kept page where each request's CSRF token goes: random, so that nothing she wrote
# can happen to match it.
CSRF_MARK = secrets.token_hex(24).encode()


@router.get("/dashboard")
async def dashboard(request: Request) -> Response:
    welcome = bool(request.query_params.get("welcome"))
    left_safety_mode = bool(request.query_params.get("left_safety_mode"))

    def key(caller: Caller) -> tuple[Hashable, ...] | None:
        if caller.role in STAFF:
            return None
        flags = (welcome, left_safety_mode)
        return ("dashboard", caller.user_id, caller.data_version, user_today(caller), flags)

    def make(caller: Caller) -> bytes:
        with request.app.state.sessionmaker() as db:
            user = db.get(User, caller.user_id)
            if user is None:  # her account went between the lookup and now
                raise LoginRequired("/dashboard")
            request.state.user, request.state.safety_mode = user, user.safety_mode
            return page(request, db, user, welcome=welcome, left_safety_mode=left_safety_mode)

    token = request.cookies.get(SESSION_COOKIE)
    found = await kept_read(request.app, token, SessionKind.WEB, key, make)
    if found is None:
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(path)
    # Each browser's own CSRF token goes into the forms of the page kept for all of hers.
    return HTMLResponse(found[1].replace(CSRF_MARK, request_csrf_token(request).encode()))


def page(
    request: Request, db: Session, user: User, *, welcome: bool, left_safety_mode: bool
) -> bytes:
    """The dashboard's HTML for her data as it stands, with CSRF_MARK for the CSRF token."""
    today = user_today(user)
    state = progress.state(db, user.id, today)
    stage = progress.stage_of(state)
    today_checkin = progress.checkin_on(db, user.id, today)
    latest_chat = latest_import(db, user.id)
    actions = next_actions(
        "safety" if user.safety_mode else stage,
        checked_in_today=today_checkin is not None,
        has_chats=latest_chat is not None,
        days_left=state["days_left"] if state else None,
        safety_checked=has_taken_check(db, user.id),
    )
    resources: Resources = request.app.state.resources
    context = {
        "welcome": welcome,
        "stage": stage,
        "state": state,
        "actions": actions,
        "today_checkin": today_checkin,
        "latest_chat": latest_chat,
        "vault_size": progress.vault_size(db, user.id),
        "help": resources.for_country(user.country) if user.safety_mode else [],
        "left_safety_mode": left_safety_mode,
        "reflection": progress.current_row(db, user.id) if stage == "reconnecting" else None,
        "csrf_token": CSRF_MARK.decode(),
    }
    return bytes(render(request, "dashboard/index.html", context).body)
