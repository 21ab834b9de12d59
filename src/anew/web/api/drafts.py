"""Step 3 through the API: check a draft before sending it."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StrictBool, StrictStr

from anew.accounts.clock import zone
from anew.db import utcnow
from anew.method.drafts import service
from anew.method.drafts.coach import MAX_CHARS, readable
from anew.method.drafts.service import DraftCheck
from anew.method.no_contact.vocabulary import Initiator
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, ApiModel, LocalIsoDateTime
from anew.web.http.deps import ApiUser, SessionDep
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["before you send"], mounted_at=API_PREFIX)


class DraftIn(ApiModel):
    text: Annotated[StrictStr, BeforeValidator(readable)] = Field(
        min_length=1,
        max_length=MAX_CHARS,
        description="The draft; an empty one, or one over 20,000 characters, is refused (422)",
    )
    stage: Literal["no-contact", "reconnecting"] | None = Field(
        default=None, description="Defaults to your own stage; ignored in safety mode"
    )
    his_last: StrictStr | None = Field(
        default=None,
        max_length=MAX_CHARS,
        description="His last message; given, he wrote last unless last_from says otherwise",
    )
    at: LocalIsoDateTime | None = Field(
        default=None,
        description="When you'd send it, ISO 8601; without an offset it is your own local time "
        "(your account's time zone); defaults to now",
    )
    last_from: Initiator | None = Field(
        default=None, description="Who wrote last; defaults to your latest logged contact"
    )
    logistics: StrictBool = False


@router.post(
    "/drafts/check",
    response_model=DraftCheck,
    summary="Check a draft before you send it",
    responses={**ERROR_RESPONSES, **BAD_BODY},
)
def check(body: DraftIn, user: ApiUser, db: SessionDep) -> DraftCheck:
    """Anything you leave out comes from your own state: stage, the time, who wrote last."""
    return service.check(
        db,
        user.id,
        text=body.text,
        at=_local(body.at or utcnow(), user.time_zone),
        safety_mode=user.safety_mode,
        stage=body.stage,
        his_last=body.his_last,
        last_from=body.last_from,
        logistics=body.logistics,
    )


def _local(moment: datetime, time_zone: str) -> datetime:
    """Her local time of sending: a moment without an offset is already hers."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone(time_zone))
    return moment.astimezone(zone(time_zone))
