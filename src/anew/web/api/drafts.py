"""Step 3 through the API: check a draft before sending it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, StrictBool, StrictStr

from anew.accounts.clock import zone
from anew.db import utcnow
from anew.method.drafts.rules import check_draft
from anew.method.no_contact import service as progress
from anew.web.api.no_contact import IsoDateTime
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, ApiModel
from anew.web.http.deps import ApiUser, SessionDep
from anew.web.http.safety_gate import program_stage
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["before you send"], mounted_at=API_PREFIX)


class DraftIn(ApiModel):
    text: StrictStr = Field(min_length=1, max_length=20000)
    stage: Literal["no-contact", "reconnecting"] | None = Field(
        default=None, description="Defaults to your own stage; ignored in safety mode"
    )
    his_last: StrictStr | None = Field(default=None, max_length=20000)
    at: IsoDateTime | None = Field(default=None, description="When you'd send it; defaults to now")
    last_from: Literal["me", "him"] | None = Field(
        default=None, description="Who wrote last; defaults to your latest logged contact"
    )
    logistics: StrictBool = False


class FlagOut(BaseModel):
    code: str
    message: str
    start: int | None
    end: int | None


class DraftOut(BaseModel):
    verdict: str = Field(description="dont_send, rewrite, wait or send")
    flags: list[FlagOut]


@router.post(
    "/drafts/check",
    response_model=DraftOut,
    summary="Check a draft before you send it",
    responses={**ERROR_RESPONSES, **BAD_BODY},
)
def check(body: DraftIn, user: ApiUser, db: SessionDep) -> DraftOut:
    """Anything you leave out comes from your own state: stage, the time, who wrote last."""
    moment = (body.at or utcnow()).astimezone(zone(user.time_zone))
    # In safety mode her own stage outranks whatever the caller says.
    stage = (
        program_stage(db, user, moment.date()) if user.safety_mode or not body.stage else body.stage
    )
    verdict = check_draft(
        body.text,
        stage=stage,
        his_last=body.his_last,
        at=moment,
        last_from=body.last_from or progress.last_from(db, user.id),
        logistics=body.logistics,
    )
    flags = [
        FlagOut(code=f.code, message=f.message, start=f.start, end=f.end) for f in verdict.flags
    ]
    return DraftOut(verdict=verdict.verdict, flags=flags)
