"""Step 1 in the database: starting, pausing and breaking periods, contacts, urges, check-ins."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from anew.errors import Conflict, NotFound
from anew.method.no_contact import rules
from anew.method.no_contact.models import CheckIn, Contact, NoContactPeriod, Pause, Urge
from anew.method.no_contact.rules import Period, Span


class AlreadyRunning(Conflict):
    """She already has a no-contact period running."""

    def __init__(self) -> None:
        super().__init__("A no-contact period is already running.")


class NothingRunning(NotFound):
    """There is no no-contact period to pause, resume or reflect on."""

    def __init__(self) -> None:
        super().__init__("You haven't started a no-contact period yet.")


def _periods(db: Session, user_id: int) -> list[NoContactPeriod]:
    query = select(NoContactPeriod).where(NoContactPeriod.user_id == user_id)
    return list(db.scalars(query.order_by(NoContactPeriod.started_on, NoContactPeriod.id)))


def _pauses(db: Session, period_id: int) -> list[Pause]:
    return list(db.scalars(select(Pause).where(Pause.period_id == period_id).order_by(Pause.id)))


def as_period(db: Session, row: NoContactPeriod) -> Period:
    """The plain facts of a stored period, for the rules in anew.method.no_contact.rules."""
    spans = tuple(Span(p.starts_on, p.ends_on) for p in _pauses(db, row.id))
    return Period(row.started_on, row.target_days, row.status, row.ended_on, spans)


def _as_periods(db: Session, rows: Sequence[NoContactPeriod]) -> list[Period]:
    """Many stored periods at once, their pauses read in one query rather than one per period."""
    ids = [row.id for row in rows]
    spans: dict[int, list[Span]] = {row_id: [] for row_id in ids}
    query = select(Pause).where(Pause.period_id.in_(ids or [-1])).order_by(Pause.id)
    for pause in db.scalars(query):
        spans[pause.period_id].append(Span(pause.starts_on, pause.ends_on))
    return [
        Period(row.started_on, row.target_days, row.status, row.ended_on, tuple(spans[row.id]))
        for row in rows
    ]


def all_periods(db: Session, user_id: int) -> list[Period]:
    """Every period she has had, oldest first, with their pauses (the path counts from it)."""
    return _as_periods(db, _periods(db, user_id))


def current_row(db: Session, user_id: int) -> NoContactPeriod | None:
    """Her running period, if any."""
    query = select(NoContactPeriod).where(
        NoContactPeriod.user_id == user_id, NoContactPeriod.status == "active"
    )
    return db.scalar(query.order_by(NoContactPeriod.id.desc()))


def start_period(
    db: Session,
    user_id: int,
    *,
    started_on: date,
    target_days: int,
    breakup_on: date | None = None,
    his_name: str = "",
) -> NoContactPeriod:
    """Begin no contact; refuses while another period runs."""
    if current_row(db, user_id) is not None:
        raise AlreadyRunning
    row = NoContactPeriod(
        user_id=user_id,
        started_on=started_on,
        target_days=target_days,
        breakup_on=breakup_on,
        his_name=his_name.strip()[:100],
    )
    db.add(row)
    db.flush()
    return row


def state(db: Session, user_id: int, today: date) -> dict[str, Any] | None:
    """The summary of her no-contact, with progress kept across restarts; None if never started."""
    return state_and_periods(db, user_id, today)[0]


def state_and_periods(
    db: Session, user_id: int, today: date
) -> tuple[dict[str, Any] | None, list[Period]]:
    """The summary (None without a running period) and every period she has had, oldest first,
    read together: Today needs both and reads them once."""
    rows = _periods(db, user_id)
    if not rows:
        return None, []
    periods = _as_periods(db, rows)
    current = next((r for r in reversed(rows) if r.status == "active"), None)
    if current is None:
        return None, periods
    history = [p for r, p in zip(rows, periods, strict=True) if r is not current]
    result = rules.summary(periods[rows.index(current)], history, today)
    result.update(
        his_name=current.his_name,
        breakup_on=current.breakup_on.isoformat() if current.breakup_on else None,
        calendar=rules.calendar(periods, today),
    )
    return result, periods


def last_from(db: Session, user_id: int) -> str | None:
    """Who reached out in her latest logged contact: "me", "him", or None."""
    query = select(Contact.initiator).where(Contact.user_id == user_id)
    return db.scalar(query.order_by(Contact.at.desc(), Contact.id.desc()).limit(1))


def program_stage(db: Session, user_id: int, today: date) -> str:
    """not-started, no-contact or reconnecting."""
    row = current_row(db, user_id)
    return rules.stage(as_period(db, row) if row else None, today)


def log_contact(
    db: Session,
    user_id: int,
    *,
    at: datetime,
    day: date,
    today: date,
    safety_mode: bool = False,
    **fields: Any,
) -> tuple[Contact, bool, str]:
    """Record a contact. One she starts that is not logistics ends the period and restarts the
    count from its day (`day`: the contact's date in her time zone). Returns the contact, whether
    it broke the period, and the advice to show when he was the one who reached out."""
    contact = Contact(user_id=user_id, at=at, **fields)
    row = current_row(db, user_id)
    broke = row is not None and rules.breaks_period(
        as_period(db, row), initiator=contact.initiator, logistics=contact.logistics, day=day
    )
    if row is not None and broke:
        row.status, row.ended_on = "broken", day
        start_period(
            db,
            user_id,
            started_on=day,
            target_days=row.target_days,
            breakup_on=row.breakup_on,
            his_name=row.his_name,
        )
    contact.broke_period = broke
    db.add(contact)
    db.flush()
    current = current_row(db, user_id)
    period = as_period(db, current) if current else None
    advice = rules.contact_advice(period, today, safety_mode=safety_mode)
    return contact, broke, advice if contact.initiator == "him" else ""


def list_contacts(db: Session, user_id: int) -> Sequence[Contact]:
    """Her contacts, newest first."""
    query = (
        select(Contact)
        .where(Contact.user_id == user_id)
        .order_by(Contact.at.desc(), Contact.id.desc())
    )
    return db.scalars(query).all()


def pause(db: Session, user_id: int, *, today: date, reason: str = "") -> Pause:
    """Pause the running period from today on, until she resumes it."""
    row = current_row(db, user_id)
    if row is None:
        raise NothingRunning
    open_pause = next((p for p in _pauses(db, row.id) if p.ends_on is None), None)
    if open_pause is not None:
        return open_pause
    paused = Pause(user_id=user_id, period_id=row.id, starts_on=today, reason=reason.strip()[:200])
    db.add(paused)
    db.flush()
    return paused


def resume(db: Session, user_id: int, *, today: date) -> None:
    """End the open pause today."""
    row = current_row(db, user_id)
    if row is None:
        raise NothingRunning
    for open_pause in (p for p in _pauses(db, row.id) if p.ends_on is None):
        open_pause.ends_on = max(today, open_pause.starts_on)


def add_urge(db: Session, user_id: int, **fields: Any) -> Urge:
    """Log an urge; a message, if she wrote one, goes to the vault instead of to him."""
    urge = Urge(user_id=user_id, **fields)
    db.add(urge)
    db.flush()
    return urge


def urge(db: Session, user_id: int, urge_id: int) -> Urge:
    """One of her urges by id; NotFound when it is gone (or not hers)."""
    found = db.scalar(select(Urge).where(Urge.user_id == user_id, Urge.id == urge_id))
    if found is None:
        raise NotFound("What was sent with this key has since been deleted.")
    return found


def checkin(db: Session, user_id: int, checkin_id: int) -> CheckIn:
    """One of her check-ins by id; NotFound when it is gone (or not hers)."""
    found = db.scalar(select(CheckIn).where(CheckIn.user_id == user_id, CheckIn.id == checkin_id))
    if found is None:
        raise NotFound("What was sent with this key has since been deleted.")
    return found


def list_urges(db: Session, user_id: int, *, vault_only: bool = False) -> Sequence[Urge]:
    """Her urges, newest first; only those with an unsent message for the vault."""
    query = select(Urge).where(Urge.user_id == user_id)
    if vault_only:
        query = query.where(Urge.message.is_not(None), Urge.message != "")
    return db.scalars(query.order_by(Urge.at.desc(), Urge.id.desc())).all()


def save_checkin(db: Session, user_id: int, *, day: date, mood: int, note: str = "") -> CheckIn:
    """One check-in per day: a second one the same day updates the first."""
    checkin = checkin_on(db, user_id, day)
    if checkin is None:
        checkin = CheckIn(user_id=user_id, day=day, mood=mood, note=note)
        db.add(checkin)
    else:
        checkin.mood, checkin.note = mood, note
    db.flush()
    return checkin


def checkin_on(db: Session, user_id: int, day: date) -> CheckIn | None:
    """Her check-in for one day, if she made one."""
    return db.scalar(select(CheckIn).where(CheckIn.user_id == user_id, CheckIn.day == day))


def vault_size(db: Session, user_id: int) -> int:
    """How many unsent messages the vault holds, counted by the database."""
    query = select(func.count(Urge.id)).where(
        Urge.user_id == user_id, Urge.message.is_not(None), Urge.message != ""
    )
    return int(db.scalar(query) or 0)


def list_checkins(db: Session, user_id: int) -> Sequence[CheckIn]:
    """Her check-ins, oldest first (for the mood chart)."""
    return db.scalars(select(CheckIn).where(CheckIn.user_id == user_id).order_by(CheckIn.day)).all()


def save_reflection(db: Session, user_id: int, *, mine: str, his: str, now: datetime) -> None:
    """Keep "will he change too?" on her running period, to show again once it is completed."""
    row = current_row(db, user_id)
    if row is None:
        raise NothingRunning
    row.change_mine, row.change_his, row.reflected_at = mine.strip(), his.strip(), now
    db.flush()
