"""Today and the path through the API: her home screen's data, and the day's card and every card
before it (a later day is a 404 saying when it opens)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

from anew.method.path import service
from anew.method.path.service import CardOut, PathOut, TodayOut
from anew.web.api.schemas import ERROR_RESPONSES, NOT_FOUND
from anew.web.http.deps import ReaderUser, SessionDep, user_today
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["today and the path"], mounted_at=API_PREFIX)
PathDayNumber = Annotated[
    int, Path(ge=1, le=100_000, description="A day of your path: 1 is the day no contact began")
]


@router.get(
    "/today", response_model=TodayOut, summary="Your Today screen", responses=ERROR_RESPONSES
)
def read_today(user: ReaderUser, db: SessionDep) -> TodayOut:
    """`day` counts calendar days since your first no-contact period began (a slip never sends it
    back to 1); `card` is that day's card; `checkin` today's check-in or null; `milestone` the
    milestone reached today, with your numbers, or null. In safety mode `stage` is "safety" and
    the card comes from the safety path."""
    return service.today(db, user.id, today=user_today(user), safety_mode=user.safety_mode)


@router.get("/path", response_model=PathOut, summary="Your path so far", responses=ERROR_RESPONSES)
def read_path(user: ReaderUser, db: SessionDep) -> PathOut:
    """Every card from day 1 to today, oldest first; `day` is null and `cards` empty before you
    start no contact."""
    return service.path(db, user.id, today=user_today(user), safety_mode=user.safety_mode)


@router.get(
    "/path/{day}",
    response_model=CardOut,
    summary="One card of your path",
    responses={**ERROR_RESPONSES, **NOT_FOUND},
)
def read_card(day: PathDayNumber, user: ReaderUser, db: SessionDep) -> CardOut:
    """Today's card or any before it. A later day answers 404 with the date it opens; so does any
    day before you start no contact."""
    return service.card(db, user.id, day, today=user_today(user), safety_mode=user.safety_mode)
