"""What every step page does before its own work: visitors see the step's description, and the
win-back steps ask for the safety check first (and close in safety mode)."""

from __future__ import annotations

from fastapi import Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from anew.accounts.models import User
from anew.web.safety_gate import WIN_BACK_STEPS, SafetyModeOn, needs_check
from anew.web.steps import STEPS_BY_SLUG
from anew.web.templating import render


def gate(request: Request, db: Session, user: User | None, slug: str) -> Response | None:
    """A page to show instead of the step, or None when she may use it."""
    step = STEPS_BY_SLUG[slug]
    if user is None:
        context = {"step": step, "available": True, "active_step": slug}
        return render(request, "pages/step.html", context)
    if slug in WIN_BACK_STEPS:
        if user.safety_mode:
            raise SafetyModeOn
        if needs_check(db, user):
            return render(request, "safety/invite.html", {"step": step, "active_step": slug})
    return None
