"""Step 2 through the API: ask the reply coach about his message."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field, StrictBool, StrictStr

from anew.db import utcnow
from anew.method.reply_coach.service import coach
from anew.web.api.no_contact import IsoDateTime
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, ApiModel, Problem
from anew.web.http.deps import SessionDep
from anew.web.http.safety_gate import WinBackApiUser
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["reply coach"], mounted_at=API_PREFIX)


class CoachIn(ApiModel):
    his_message: StrictStr = Field(min_length=1, max_length=20000)
    received_at: IsoDateTime | None = Field(default=None, description="Defaults to now")
    logistics: StrictBool = False


class CoachOut(BaseModel):
    verdict: str = Field(description="dont_reply, wait or reply_now")
    earliest: datetime | None = Field(description="The earliest sensible time to answer")
    max_words: int
    reasons: list[str]
    closing_lines: list[str]


@router.post(
    "/replies/coach",
    response_model=CoachOut,
    summary="When and how to answer his message",
    responses={
        **ERROR_RESPONSES,
        **BAD_BODY,
        403: {"model": Problem, "description": "Safety mode is on: the reply coach is closed"},
    },
)
def ask_coach(body: CoachIn, user: WinBackApiUser, db: SessionDep) -> CoachOut:
    """Uses your stage and, once you've imported a chat and said who you are, his usual pace."""
    now = utcnow()
    advice = coach(
        db,
        user,
        his_message=body.his_message,
        received_at=body.received_at or now,
        now=now,
        logistics=body.logistics,
    )
    return CoachOut(
        verdict=advice.verdict,
        earliest=advice.earliest,
        max_words=advice.max_words,
        reasons=advice.reasons,
        closing_lines=list(advice.closing_lines),
    )
