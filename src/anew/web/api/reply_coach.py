"""Step 2 through the API: ask the reply coach about his message."""

from __future__ import annotations

from pydantic import Field, StrictBool, StrictStr

from anew.db import utcnow
from anew.method.reply_coach import service
from anew.method.reply_coach.service import Advice
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, ApiModel, IsoDateTime, Problem
from anew.web.http.deps import SessionDep
from anew.web.http.safety_gate import WinBackApiUser
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["reply coach"], mounted_at=API_PREFIX)


class CoachIn(ApiModel):
    his_message: StrictStr = Field(min_length=1, max_length=20000)
    received_at: IsoDateTime | None = Field(default=None, description="Defaults to now")
    logistics: StrictBool = False


@router.post(
    "/replies/coach",
    response_model=Advice,
    summary="When and how to answer his message",
    responses={
        **ERROR_RESPONSES,
        **BAD_BODY,
        403: {"model": Problem, "description": "Safety mode is on: the reply coach is closed"},
    },
)
def ask_coach(body: CoachIn, user: WinBackApiUser, db: SessionDep) -> Advice:
    """Uses your stage and, once you've imported a chat and said who you are, his usual pace."""
    now = utcnow()
    return service.coach(
        db,
        user.id,
        time_zone=user.time_zone,
        his_message=body.his_message,
        received_at=body.received_at or now,
        now=now,
        logistics=body.logistics,
    )
