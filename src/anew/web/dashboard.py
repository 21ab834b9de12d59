"""The program dashboard: where she is in the method and what comes next."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from anew.chats.store import latest_import
from anew.method import progress
from anew.method.program import next_actions
from anew.safety.resources import Resources
from anew.safety.service import has_taken_check
from anew.web.deps import CurrentUser, SessionDep, user_today
from anew.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/dashboard")
def dashboard(request: Request, user: CurrentUser, db: SessionDep) -> Response:
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
        "welcome": bool(request.query_params.get("welcome")),
        "stage": stage,
        "state": state,
        "actions": actions,
        "today_checkin": today_checkin,
        "latest_chat": latest_chat,
        "vault_size": progress.vault_size(db, user.id),
        "help": resources.for_country(user.country) if user.safety_mode else [],
        "left_safety_mode": bool(request.query_params.get("left_safety_mode")),
        "reflection": progress.current_row(db, user.id) if stage == "reconnecting" else None,
    }
    return render(request, "dashboard/index.html", context)
