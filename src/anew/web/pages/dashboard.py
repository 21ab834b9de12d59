"""The program dashboard: where she is in the method and what comes next.

The most visited page, so it is answered from anew.web.http.read_cache: the page made for her data
as it stands is kept until her data version moves (a coach's or an admin's page carries the
moderation badge, which moves with other people's data, and is made afresh every time).
"""

from __future__ import annotations

import secrets
from collections.abc import Hashable

from fastapi import Request
from starlette.responses import HTMLResponse, Response

from anew.accounts.roles import STAFF
from anew.accounts.sessions import Caller
from anew.accounts.vocabulary import SessionKind
from anew.method.dashboard import service
from anew.safety.resources import Resources
from anew.web.http.csrf import request_csrf_token
from anew.web.http.deps import LoginRequired, SessionDep, user_today
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
    shown = service.dashboard(db, user.id, today=user_today(user), safety_mode=user.safety_mode)
    resources: Resources = request.app.state.resources
    context = {
        "welcome": welcome,
        "stage": shown.stage,
        "state": shown.state,
        "actions": shown.actions,
        "today_checkin": shown.today_checkin,
        "latest_chat": shown.latest_chat,
        "vault_size": shown.vault_size,
        "help": resources.for_country(shown.country) if user.safety_mode else [],
        "left_safety_mode": left_safety_mode,
        "reflection": shown.reflection,
        "csrf_token": CSRF_MARK.decode(),
    }
    return bytes(render(request, "dashboard/index.html", context).body)
