"""The path's pages: every card she has reached, newest first, and one card to re-read."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Request
from starlette.responses import Response

from anew.errors import NotFound
from anew.method.path import service
from anew.web.http.deps import CurrentUser, SessionDep, user_today
from anew.web.http.segment_router import SegmentRouter
from anew.web.http.templating import render

router = SegmentRouter(include_in_schema=False)
PathDayNumber = Annotated[int, Path(ge=1, le=100_000)]


@router.get("/path")
def path_page(request: Request, user: CurrentUser, db: SessionDep) -> Response:
    """Every card she has reached, today's first."""
    shown = service.path(db, user.id, today=user_today(user), safety_mode=user.safety_mode)
    return render(request, "path/index.html", {"path": shown, "cards": shown.cards[::-1]})


@router.get("/path/{day}")
def card_page(day: PathDayNumber, request: Request, user: CurrentUser, db: SessionDep) -> Response:
    """One card to read again; a later day (or any before she starts) says kindly when it opens."""
    today = user_today(user)
    try:
        card = service.card(db, user.id, day, today=today, safety_mode=user.safety_mode)
    except NotFound as waiting:
        context = {"message": waiting.message}
        return render(request, "path/waiting.html", context, status_code=404)
    current = service.current_day(db, user.id, today=today)
    return render(request, "path/card.html", {"card": card, "current": current})
