"""Step 1 for both faces: each function is one request's work for her, in one transaction, with
her id and her day passed in, answering typed results the pages render and the API sends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import Session

from anew.accounts.clock import local_date
from anew.db import transaction
from anew.errors import Invalid
from anew.method.no_contact import rules, store
from anew.method.no_contact.models import NoContactPeriod
from anew.method.no_contact.store import NothingRunning
from anew.method.no_contact.vocabulary import Channel, Initiator
from anew.sent_once import service as sent_once


class Milestone(BaseModel):
    day: int
    reached: bool
    is_target: bool


class CalendarDay(BaseModel):
    day: str
    state: str


class PeriodState(BaseModel):
    """Her running period: days done (today minus the start, in her time zone), days left,
    restarts, milestones, and the last twelve weeks."""

    started_on: str
    target_days: int
    days_done: int
    days_counted: int
    days_paused: int
    days_left: int
    status: str
    breaks: int
    best_streak: int
    total_days: int
    milestones: list[Milestone]
    his_name: str
    breakup_on: str | None
    calendar: list[CalendarDay]


class ContactOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    initiator: Initiator
    channel: Channel
    logistics: bool
    note: str
    broke_period: bool
    advice: str = ""


class UrgeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    intensity: int
    trigger: str
    instead: str
    message: str | None


class CheckInOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    day: date
    mood: int
    note: str


class ReflectionOut(BaseModel):
    change_mine: str
    change_his: str
    reflected_at: datetime | None


@dataclass(frozen=True)
class Overview:
    """Everything step 1's page shows."""

    state: PeriodState | None
    reflection: ReflectionOut | None
    contacts: list[ContactOut]
    vault: list[UrgeOut]
    checkins: list[CheckInOut]


def stage_of(state: PeriodState | None) -> str:
    """Her place in the method read off her period: not-started, no-contact, then reconnecting
    once the target is reached."""
    if state is None:
        return "not-started"
    return "reconnecting" if state.status == "completed" else "no-contact"


def state(db: Session, user_id: int, *, today: date) -> PeriodState | None:
    """Her running period, or None before she starts one (the dashboard and the program)."""
    return _state(db, user_id, today)


def state_and_periods(
    db: Session, user_id: int, *, today: date
) -> tuple[PeriodState | None, list[rules.Period]]:
    """Her running period (or None) and every period she has had, oldest first, read together
    (Today shows both: the running count, and the path counted from the first period)."""
    found, periods = store.state_and_periods(db, user_id, today)
    return (PeriodState.model_validate(found) if found is not None else None), periods


def _state(db: Session, user_id: int, today: date) -> PeriodState | None:
    found = store.state(db, user_id, today)
    return PeriodState.model_validate(found) if found is not None else None


def period(db: Session, user_id: int, *, today: date) -> PeriodState:
    """Her running period; NothingRunning when she hasn't started one."""
    found = _state(db, user_id, today)
    if found is None:
        raise NothingRunning
    return found


def overview(db: Session, user_id: int, *, today: date) -> Overview:
    """The page: her period, her reflection, her latest contacts, the vault, her check-ins."""
    running = store.current_row(db, user_id)
    return Overview(
        state=_state(db, user_id, today),
        reflection=_reflection_of(running) if running else None,
        contacts=[ContactOut.model_validate(c) for c in store.list_contacts(db, user_id)[:10]],
        vault=[UrgeOut.model_validate(u) for u in store.list_urges(db, user_id, vault_only=True)],
        checkins=[CheckInOut.model_validate(c) for c in store.list_checkins(db, user_id)[-30:]],
    )


def start(
    db: Session,
    user_id: int,
    *,
    today: date,
    target_days: int,
    started_on: date | None = None,
    breakup_on: date | None = None,
    his_name: str = "",
) -> PeriodState:
    """Begin no contact, today or on a day in the past; AlreadyRunning while one runs."""
    first = started_on or today
    if first > today:
        raise Invalid("started_on", "The start can be today or a day in the past.")
    with transaction(db):
        store.start_period(
            db,
            user_id,
            started_on=first,
            target_days=target_days,
            breakup_on=breakup_on,
            his_name=his_name,
        )
    return period(db, user_id, today=today)


def pause(db: Session, user_id: int, *, today: date, reason: str = "") -> PeriodState:
    """Pause the running period from today, on purpose; its days neither count nor break it."""
    with transaction(db):
        store.pause(db, user_id, today=today, reason=reason)
    return period(db, user_id, today=today)


def resume(db: Session, user_id: int, *, today: date) -> PeriodState:
    """End the open pause today."""
    with transaction(db):
        store.resume(db, user_id, today=today)
    return period(db, user_id, today=today)


def needs_confirmation(db: Session, user_id: int, *, initiator: str, logistics: bool) -> bool:
    """Whether logging this contact would end her running period (the page asks first)."""
    ends_it = initiator == Initiator.ME and not logistics
    return ends_it and store.current_row(db, user_id) is not None


def log_contact(
    db: Session,
    user_id: int,
    *,
    at: datetime,
    time_zone: str,
    today: date,
    safety_mode: bool,
    initiator: str,
    channel: str = Channel.TEXT,
    logistics: bool = False,
    note: str = "",
) -> ContactOut:
    """A contact she starts that isn't logistics ends the period and restarts the count from its
    day (in her time zone); one he starts comes back with advice."""
    with transaction(db):
        contact, _broke, advice = store.log_contact(
            db,
            user_id,
            at=at,
            day=local_date(at, time_zone),
            today=today,
            safety_mode=safety_mode,
            initiator=initiator,
            channel=channel,
            logistics=logistics,
            note=note,
        )
        return ContactOut.model_validate(contact).model_copy(update={"advice": advice})


def advice_when_he_reached_out(db: Session, user_id: int, *, today: date, safety_mode: bool) -> str:
    """The advice shown after she logs a contact he started, read again on the page that follows
    (the post redirects, so a reload never logs it twice)."""
    current = store.current_row(db, user_id)
    period = store.as_period(db, current) if current else None
    return rules.contact_advice(period, today, safety_mode=safety_mode)


def contacts(db: Session, user_id: int) -> list[ContactOut]:
    """Her contacts, newest first."""
    return [ContactOut.model_validate(c) for c in store.list_contacts(db, user_id)]


def log_urge(
    db: Session,
    user_id: int,
    *,
    intensity: int,
    trigger: str = "",
    instead: str = "",
    message: str | None = None,
    key: str | None = None,
) -> UrgeOut:
    """An urge; a message written with it goes to her vault, never to him. Sent again with the
    same `key` (a phone resending what it queued offline), it is stored once."""
    with transaction(db):
        sent = sent_once.claim(db, user_id, key, "urge")
        if sent.made_id is not None:
            return UrgeOut.model_validate(store.urge(db, user_id, sent.made_id))
        urge = store.add_urge(
            db,
            user_id,
            intensity=intensity,
            trigger=trigger,
            instead=instead,
            message=message or None,
        )
        sent.made(urge.id)
        return UrgeOut.model_validate(urge)


def urges(db: Session, user_id: int, *, vault_only: bool = False) -> list[UrgeOut]:
    """Her urges (or only those with an unsent message), newest first."""
    return [UrgeOut.model_validate(u) for u in store.list_urges(db, user_id, vault_only=vault_only)]


def check_in(
    db: Session,
    user_id: int,
    *,
    day: date,
    today: date,
    mood: int,
    note: str = "",
    key: str | None = None,
) -> CheckInOut:
    """One check-in a day; another for the same day updates it. Sent again with the same `key`,
    it changes nothing: a resend never undoes what she wrote after it."""
    if day > today:
        raise Invalid("day", "can't be in the future")
    with transaction(db):
        sent = sent_once.claim(db, user_id, key, "checkin")
        if sent.made_id is not None:
            return CheckInOut.model_validate(store.checkin(db, user_id, sent.made_id))
        checkin = store.save_checkin(db, user_id, day=day, mood=mood, note=note)
        sent.made(checkin.id)
        return CheckInOut.model_validate(checkin)


def checkins(db: Session, user_id: int) -> list[CheckInOut]:
    """Her check-ins, oldest first."""
    return [CheckInOut.model_validate(c) for c in store.list_checkins(db, user_id)]


def _reflection_of(row: NoContactPeriod) -> ReflectionOut:
    return ReflectionOut(
        change_mine=row.change_mine, change_his=row.change_his, reflected_at=row.reflected_at
    )


def reflection(db: Session, user_id: int) -> ReflectionOut:
    """ "Will he change too?": what she wrote must be different this time."""
    row = store.current_row(db, user_id)
    if row is None:
        raise NothingRunning
    return _reflection_of(row)


def reflect(db: Session, user_id: int, *, mine: str, his: str, now: datetime) -> ReflectionOut:
    """Keep her reflection with the running period, to read again when it is completed."""
    with transaction(db):
        store.save_reflection(db, user_id, mine=mine, his=his, now=now)
    return reflection(db, user_id)
