"""Step 1 through the API: the no-contact period, contacts, urges, the vault, check-ins."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path
from pydantic import Field, StrictBool, StrictInt, StrictStr

from anew.db import utcnow
from anew.method.looking_back import service as looking_back
from anew.method.looking_back.service import LookingBackSetting
from anew.method.no_contact import service
from anew.method.no_contact.rules import MAX_TARGET
from anew.method.no_contact.service import (
    CheckInOut,
    ContactOut,
    PeriodState,
    ReflectionOut,
    UrgeOut,
)
from anew.method.no_contact.vocabulary import Channel, Initiator
from anew.web.api.schemas import (
    BAD_BODY,
    ERROR_RESPONSES,
    KEY_REUSED,
    ApiModel,
    IsoDate,
    IsoDateTime,
    Problem,
)
from anew.web.http.deps import ApiUser, IdempotencyKey, SessionDep, user_today
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["no contact"], mounted_at=API_PREFIX)
RESPONSES = {**ERROR_RESPONSES, **BAD_BODY}
NO_PERIOD: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No no-contact period is running"}
}


class PeriodIn(ApiModel):
    started_on: IsoDate | None = Field(
        default=None, description="Defaults to today; may be in the past"
    )
    target_days: int = Field(
        ge=1, le=MAX_TARGET, description="21, 30, 45, 60 or any number of days"
    )
    breakup_on: IsoDate | None = None
    his_name: StrictStr = Field(default="", max_length=100)


class ContactIn(ApiModel):
    at: IsoDateTime = Field(description="When; a time without a zone is taken as UTC")
    initiator: Initiator
    channel: Channel = Channel.TEXT
    logistics: StrictBool = False
    note: StrictStr = Field(default="", max_length=5000)


class UrgeIn(ApiModel):
    intensity: StrictInt = Field(ge=1, le=10)
    trigger: StrictStr = Field(default="", max_length=500)
    instead: StrictStr = Field(default="", max_length=500)
    message: StrictStr | None = Field(
        default=None, max_length=20000, description="Kept in the vault"
    )


class CheckInIn(ApiModel):
    mood: StrictInt = Field(ge=1, le=10)
    note: StrictStr = Field(default="", max_length=5000)


class LookingBackIn(ApiModel):
    enabled: StrictBool = Field(description="true to let your vault look back, false to stop")


class PauseIn(ApiModel):
    reason: StrictStr = Field(default="", max_length=200)


class ReflectionIn(ApiModel):
    change_mine: StrictStr = Field(default="", max_length=5000, description="On her side")
    change_his: StrictStr = Field(default="", max_length=5000, description="On his side")


@router.post(
    "/nocontact",
    status_code=201,
    response_model=PeriodState,
    summary="Start a no-contact period",
    responses={**RESPONSES, 409: {"model": Problem, "description": "A period is already running"}},
)
def start_nocontact(body: PeriodIn, user: ApiUser, db: SessionDep) -> PeriodState:
    return service.start(db, user.id, today=user_today(user), **body.model_dump())


@router.get(
    "/nocontact",
    response_model=PeriodState,
    summary="Your no-contact period",
    responses={**ERROR_RESPONSES, **NO_PERIOD},
)
def read_nocontact(user: ApiUser, db: SessionDep) -> PeriodState:
    """Days done (today minus the start, in your time zone), days left, restarts, milestones."""
    return service.period(db, user.id, today=user_today(user))


@router.post(
    "/nocontact/pause",
    response_model=PeriodState,
    summary="Pause the period on purpose",
    responses={**RESPONSES, **NO_PERIOD},
)
def pause_nocontact(body: PauseIn, user: ApiUser, db: SessionDep) -> PeriodState:
    return service.pause(db, user.id, today=user_today(user), reason=body.reason)


@router.post(
    "/nocontact/resume",
    response_model=PeriodState,
    summary="Resume a paused period",
    responses={**ERROR_RESPONSES, **NO_PERIOD},
)
def resume_nocontact(user: ApiUser, db: SessionDep) -> PeriodState:
    return service.resume(db, user.id, today=user_today(user))


@router.post(
    "/contacts",
    status_code=201,
    response_model=ContactOut,
    summary="Log a contact",
    responses=RESPONSES,
)
def create_contact(body: ContactIn, user: ApiUser, db: SessionDep) -> ContactOut:
    """A contact you start that isn't logistics ends the period at once and restarts the count."""
    return service.log_contact(
        db,
        user.id,
        at=body.at,  # always aware: a time without a zone was taken as UTC
        time_zone=user.time_zone,
        today=user_today(user),
        safety_mode=user.safety_mode,
        initiator=body.initiator,
        channel=body.channel,
        logistics=body.logistics,
        note=body.note,
    )


@router.get(
    "/contacts", response_model=list[ContactOut], summary="Your contacts", responses=ERROR_RESPONSES
)
def read_contacts(user: ApiUser, db: SessionDep) -> list[ContactOut]:
    return service.contacts(db, user.id)


@router.post(
    "/urges",
    status_code=201,
    response_model=UrgeOut,
    summary="Log an urge",
    responses={**RESPONSES, **KEY_REUSED},
)
def create_urge(
    body: UrgeIn, user: ApiUser, db: SessionDep, idempotency_key: IdempotencyKey = None
) -> UrgeOut:
    """A message written here goes to your vault, not to him. Sent again with the same
    Idempotency-Key, it is stored once and the first answer comes back."""
    return service.log_urge(db, user.id, **body.model_dump(), key=idempotency_key)


@router.get("/urges", response_model=list[UrgeOut], summary="Your urges", responses=ERROR_RESPONSES)
def read_urges(user: ApiUser, db: SessionDep) -> list[UrgeOut]:
    return service.urges(db, user.id)


@router.get(
    "/vault",
    response_model=list[UrgeOut],
    summary="Your unsent messages",
    responses=ERROR_RESPONSES,
)
def read_vault(user: ApiUser, db: SessionDep) -> list[UrgeOut]:
    return service.urges(db, user.id, vault_only=True)


@router.get(
    "/vault/looking-back",
    response_model=LookingBackSetting,
    summary="Whether your vault looks back",
    responses=ERROR_RESPONSES,
)
def read_looking_back(user: ApiUser, db: SessionDep) -> LookingBackSetting:
    """Off until you turn it on. When on, on days 7, 30 and 90 of your path (and the two days
    after each) `GET /api/v1/today` brings back one message from your vault as `looking_back`;
    never in safety mode, never in a notification."""
    return looking_back.setting(db, user.id)


@router.put(
    "/vault/looking-back",
    response_model=LookingBackSetting,
    summary="Let your vault look back, or stop it",
    responses=RESPONSES,
)
def put_looking_back(body: LookingBackIn, user: ApiUser, db: SessionDep) -> LookingBackSetting:
    """`{"enabled": true}` turns it on, `false` off (a JSON true or false: "yes" or 1 is a 422)."""
    return looking_back.choose(db, user.id, enabled=body.enabled)


@router.put(
    "/checkins/{day}",
    response_model=CheckInOut,
    summary="Check in for a day",
    responses={**RESPONSES, **KEY_REUSED},
)
def put_checkin(
    day: Annotated[IsoDate, Path(description="YYYY-MM-DD")],
    body: CheckInIn,
    user: ApiUser,
    db: SessionDep,
    idempotency_key: IdempotencyKey = None,
) -> CheckInOut:
    """One check-in a day; sending it again for the same day updates it. A resend with the same
    Idempotency-Key changes nothing (a later edit is never undone by an old copy)."""
    today = user_today(user)
    return service.check_in(
        db, user.id, day=day, today=today, mood=body.mood, note=body.note, key=idempotency_key
    )


@router.get(
    "/checkins",
    response_model=list[CheckInOut],
    summary="Your check-ins",
    responses=ERROR_RESPONSES,
)
def read_checkins(user: ApiUser, db: SessionDep) -> list[CheckInOut]:
    return service.checkins(db, user.id)


@router.get(
    "/nocontact/reflection",
    response_model=ReflectionOut,
    summary='"Will he change too?": her reflection',
    responses={**ERROR_RESPONSES, **NO_PERIOD},
)
def read_reflection(user: ApiUser, db: SessionDep) -> ReflectionOut:
    """What she wrote must be different this time, kept with her running period."""
    return service.reflection(db, user.id)


@router.put(
    "/nocontact/reflection",
    response_model=ReflectionOut,
    summary='Write "will he change too?"',
    responses={**RESPONSES, **NO_PERIOD},
)
def write_reflection(body: ReflectionIn, user: ApiUser, db: SessionDep) -> ReflectionOut:
    """Shown again when the period is completed and she moves on to reconnecting."""
    return service.reflect(db, user.id, mine=body.change_mine, his=body.change_his, now=utcnow())
