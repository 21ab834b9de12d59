"""What every step page does before its own work: visitors see the step's description, and the
win-back steps ask for the safety check first (and close in safety mode)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import HTTPException, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from anew.accounts.sessions import Caller
from anew.method.owned import get_owned
from anew.method.steps import STEPS_BY_SLUG
from anew.web.http.safety_gate import WIN_BACK_STEPS, SafetyModeOn, needs_check
from anew.web.http.templating import render


def gate(request: Request, db: Session, user: Caller | None, slug: str) -> Response | None:
    """A page to show instead of the step, or None when she may use it."""
    step = STEPS_BY_SLUG[slug]
    if user is None:
        context = {"step": step, "available": True, "active_step": slug}
        return render(request, "home/step.html", context)
    if slug in WIN_BACK_STEPS:
        if user.safety_mode:
            raise SafetyModeOn
        if needs_check(db, user):
            return render(request, "safety/invite.html", {"step": step, "active_step": slug})
    return None


def step_page(
    request: Request,
    db: Session,
    user: Caller | None,
    slug: str,
    build: Callable[[Caller], Response],
) -> Response:
    """The gate's page, or the step itself built for her."""
    shown = gate(request, db, user, slug)
    if shown is not None:
        return shown
    if user is None:  # gate() answers visitors itself; this keeps the types honest
        raise HTTPException(status_code=404)
    return build(user)


def mine_or_404(db: Session, model: type[Any], user: Caller, row_id: int) -> Any:
    """Her row with this id; anyone else's (or a nonsense id) is a 404."""
    row = get_owned(db, model, user.id, row_id) if 0 < row_id < 2**31 else None
    if row is None:
        raise HTTPException(status_code=404)
    return row
