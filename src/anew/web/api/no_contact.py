"""Step 1 through the API: the no-contact period, contacts, urges, the vault, check-ins, stage."""

from __future__ import annotations

import re
from collections.abc import Hashable
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Literal

from fastapi import HTTPException, Path, Request, Response
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
)
from sqlalchemy.orm import Session

from anew.accounts.clock import local_date
from anew.accounts.models import User
from anew.accounts.sessions import Caller
from anew.db import utcnow
from anew.method.no_contact import service as progress
from anew.method.no_contact.rules import MAX_TARGET
from anew.safety.service import latest_check
from anew.web.api.schemas import BAD_BODY, ERROR_RESPONSES, ApiModel, Problem
from anew.web.http.deps import ApiUser, BearerToken, SessionDep, user_today
from anew.web.http.read_cache import json_body, kept_api_read
from anew.web.http.segment_router import API_PREFIX, SegmentRouter

router = SegmentRouter(tags=["no contact"], mounted_at=API_PREFIX)
Channel = Literal["text", "call", "social_media", "in_person", "through_friends", "other"]
RESPONSES = {**ERROR_RESPONSES, **BAD_BODY}


def _iso_day(value: object) -> object:
    """A day is written 2026-11-26; pydantic alone would also read 0 or "0" as a timestamp."""
    if isinstance(value, date) or (isinstance(value, str) and ISO_DAY.fullmatch(value)):
        return value
    raise ValueError("must be a date written as YYYY-MM-DD, e.g. 2026-11-26")


def _text_only(value: object) -> object:
    """A moment is ISO 8601 text; a bare number is not taken as a timestamp."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError("must be a date and time written as text, e.g. 2026-11-26T21:30:00Z")
    return value


def _plausible(value: datetime) -> datetime:
    """A contact happened after 1970 and not in the future (a day's slack for time zones)."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    if not EARLIEST <= aware <= utcnow() + timedelta(days=1):
        raise ValueError("must be a real moment, not in the future")
    return aware


# No silent coercion: 0 is not a date, "7" is not a number, "yes" is not true. Wrong types are 422.
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
IsoDate = Annotated[date, BeforeValidator(_iso_day)]
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
IsoDateTime = Annotated[datetime, BeforeValidator(_text_only), AfterValidator(_plausible)]


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
    initiator: Literal["me", "him"]
    channel: Channel = "text"
    logistics: StrictBool = False
    note: StrictStr = Field(default="", max_length=5000)


class ContactOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    initiator: str
    channel: str
    logistics: bool
    note: str
    broke_period: bool
    advice: str = ""


class UrgeIn(ApiModel):
    intensity: StrictInt = Field(ge=1, le=10)
    trigger: StrictStr = Field(default="", max_length=500)
    instead: StrictStr = Field(default="", max_length=500)
    message: StrictStr | None = Field(
        default=None, max_length=20000, description="Kept in the vault"
    )


class UrgeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    intensity: int
    trigger: str
    instead: str
    message: str | None


class CheckInIn(ApiModel):
    mood: StrictInt = Field(ge=1, le=10)
    note: StrictStr = Field(default="", max_length=5000)


class CheckInOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    day: date
    mood: int
    note: str


class PauseIn(ApiModel):
    reason: StrictStr = Field(default="", max_length=200)


def _state(db: SessionDep, user: User) -> dict[str, Any]:
    found = progress.state(db, user.id, user_today(user))
    if found is None:
        raise HTTPException(status_code=404, detail="You haven't started a no-contact period yet.")
    return found


@router.post(
    "/nocontact",
    status_code=201,
    summary="Start a no-contact period",
    responses={**RESPONSES, 409: {"model": Problem, "description": "A period is already running"}},
)
def start_nocontact(body: PeriodIn, user: ApiUser, db: SessionDep) -> dict[str, Any]:
    started_on = body.started_on or user_today(user)
    if started_on > user_today(user):
        problem = {
            "loc": ["body", "started_on"],
            "msg": "can't be in the future",
            "type": "value_error",
        }
        raise HTTPException(status_code=422, detail=[problem])
    try:
        progress.start_period(
            db,
            user.id,
            started_on=started_on,
            target_days=body.target_days,
            breakup_on=body.breakup_on,
            his_name=body.his_name,
        )
    except progress.AlreadyRunning:
        raise HTTPException(
            status_code=409, detail="A no-contact period is already running."
        ) from None
    db.commit()
    return _state(db, user)


@router.get(
    "/nocontact",
    summary="Your no-contact period",
    responses={**ERROR_RESPONSES, 404: {"model": Problem, "description": "None started yet"}},
)
def read_nocontact(user: ApiUser, db: SessionDep) -> dict[str, Any]:
    """Days done (today minus the start, in your time zone), days left, restarts, milestones."""
    return _state(db, user)


@router.post(
    "/nocontact/pause",
    summary="Pause the period on purpose",
    responses={**RESPONSES, 404: {"model": Problem, "description": "None running"}},
)
def pause_nocontact(body: PauseIn, user: ApiUser, db: SessionDep) -> dict[str, Any]:
    try:
        progress.pause(db, user.id, today=user_today(user), reason=body.reason)
    except progress.NothingRunning:
        raise HTTPException(status_code=404, detail="There is no period to pause.") from None
    db.commit()
    return _state(db, user)


@router.post(
    "/nocontact/resume",
    summary="Resume a paused period",
    responses={**ERROR_RESPONSES, 404: {"model": Problem, "description": "None running"}},
)
def resume_nocontact(user: ApiUser, db: SessionDep) -> dict[str, Any]:
    try:
        progress.resume(db, user.id, today=user_today(user))
    except progress.NothingRunning:
        raise HTTPException(status_code=404, detail="There is no period to resume.") from None
    db.commit()
    return _state(db, user)


@router.post(
    "/contacts",
    status_code=201,
    response_model=ContactOut,
    summary="Log a contact",
    responses=RESPONSES,
)
def create_contact(body: ContactIn, user: ApiUser, db: SessionDep) -> ContactOut:
    """A contact you start that isn't logistics ends the period at once and restarts the count."""
    at = body.at  # always aware: _plausible took a time without a zone as UTC
    contact, _broke, advice = progress.log_contact(
        db,
        user.id,
        at=at,
        day=local_date(at, user.time_zone),
        today=user_today(user),
        safety_mode=user.safety_mode,
        initiator=body.initiator,
        channel=body.channel,
        logistics=body.logistics,
        note=body.note,
    )
    db.commit()
    return ContactOut.model_validate(contact).model_copy(update={"advice": advice})


@router.get(
    "/contacts", response_model=list[ContactOut], summary="Your contacts", responses=ERROR_RESPONSES
)
def read_contacts(user: ApiUser, db: SessionDep) -> list[ContactOut]:
    return [ContactOut.model_validate(c) for c in progress.list_contacts(db, user.id)]


@router.post(
    "/urges", status_code=201, response_model=UrgeOut, summary="Log an urge", responses=RESPONSES
)
def create_urge(body: UrgeIn, user: ApiUser, db: SessionDep) -> UrgeOut:
    """A message written here goes to your vault, not to him."""
    urge = progress.add_urge(db, user.id, **body.model_dump())
    db.commit()
    return UrgeOut.model_validate(urge)


@router.get("/urges", response_model=list[UrgeOut], summary="Your urges", responses=ERROR_RESPONSES)
def read_urges(user: ApiUser, db: SessionDep) -> list[UrgeOut]:
    return [UrgeOut.model_validate(u) for u in progress.list_urges(db, user.id)]


@router.get(
    "/vault",
    response_model=list[UrgeOut],
    summary="Your unsent messages",
    responses=ERROR_RESPONSES,
)
def read_vault(user: ApiUser, db: SessionDep) -> list[UrgeOut]:
    return [UrgeOut.model_validate(u) for u in progress.list_urges(db, user.id, vault_only=True)]


@router.put(
    "/checkins/{day}", response_model=CheckInOut, summary="Check in for a day", responses=RESPONSES
)
def put_checkin(
    day: Annotated[IsoDate, Path(description="YYYY-MM-DD")],
    body: CheckInIn,
    user: ApiUser,
    db: SessionDep,
) -> CheckInOut:
    """One check-in a day; sending it again for the same day updates it."""
    if day > user_today(user):
        problem = {"loc": ["path", "day"], "msg": "can't be in the future", "type": "value_error"}
        raise HTTPException(status_code=422, detail=[problem])
    checkin = progress.save_checkin(db, user.id, day=day, mood=body.mood, note=body.note)
    db.commit()
    return CheckInOut.model_validate(checkin)


@router.get(
    "/checkins",
    response_model=list[CheckInOut],
    summary="Your check-ins",
    responses=ERROR_RESPONSES,
)
def read_checkins(user: ApiUser, db: SessionDep) -> list[CheckInOut]:
    return [CheckInOut.model_validate(c) for c in progress.list_checkins(db, user.id)]


@router.get(
    "/program",
    response_model=dict[str, Any],
    summary="Where you are in the method",
    responses=ERROR_RESPONSES,
)
async def read_program(request: Request, credentials: BearerToken) -> Response:
    """`stage` is not-started, no-contact, reconnecting once the target is reached, or safety
    while safety mode is on. `safety_check` is the newest check's result, or not-taken."""

    def make(caller: Caller) -> bytes:
        with request.app.state.sessionmaker() as db:
            return json_body(program(db, caller, user_today(caller)))

    def key(caller: Caller) -> tuple[Hashable, ...]:
        return ("program", caller.user_id, caller.data_version, user_today(caller))

    body = await kept_api_read(request, credentials, key, make)
    return Response(body, media_type="application/json")


def program(db: Session, caller: Caller, today: date) -> dict[str, Any]:
    """Her place in the method, as `GET /api/v1/program` tells it."""
    state = progress.state(db, caller.user_id, today)
    latest = latest_check(db, caller.user_id)
    return {
        "stage": "safety" if caller.safety_mode else progress.stage_of(state),
        "today": today.isoformat(),
        "nocontact": state,
        "safety_mode": caller.safety_mode,
        "safety_check": latest.result if latest else "not-taken",
    }


class ReflectionIn(ApiModel):
    change_mine: StrictStr = Field(default="", max_length=5000, description="On her side")
    change_his: StrictStr = Field(default="", max_length=5000, description="On his side")


class ReflectionOut(BaseModel):
    change_mine: str
    change_his: str
    reflected_at: datetime | None


NO_PERIOD: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No no-contact period is running"}
}


def _running(db: SessionDep, user: User) -> Any:
    row = progress.current_row(db, user.id)
    if row is None:
        raise HTTPException(status_code=404, detail="You haven't started a no-contact period yet.")
    return row


@router.get(
    "/nocontact/reflection",
    response_model=ReflectionOut,
    summary='"Will he change too?": her reflection',
    responses={**ERROR_RESPONSES, **NO_PERIOD},
)
def read_reflection(user: ApiUser, db: SessionDep) -> ReflectionOut:
    """What she wrote must be different this time, kept with her running period."""
    row = _running(db, user)
    return ReflectionOut(
        change_mine=row.change_mine, change_his=row.change_his, reflected_at=row.reflected_at
    )


@router.put(
    "/nocontact/reflection",
    response_model=ReflectionOut,
    summary='Write "will he change too?"',
    responses={**RESPONSES, **NO_PERIOD},
)
def write_reflection(body: ReflectionIn, user: ApiUser, db: SessionDep) -> ReflectionOut:
    """Shown again when the period is completed and she moves on to reconnecting."""
    _running(db, user)
    progress.save_reflection(db, user.id, mine=body.change_mine, his=body.change_his, now=utcnow())
    db.commit()
    return read_reflection(user, db)
