"""The vault looking back, for both faces: her choice (off until she turns it on) and the message
that comes back on Today. Her day and her path day are passed in; nothing here reads the clock."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from anew.accounts.clock import local_date
from anew.accounts.models import User
from anew.db import transaction
from anew.errors import NotFound
from anew.method.looking_back import rules
from anew.method.looking_back.rules import LookBackDay
from anew.method.no_contact.models import CheckIn, Urge


class LookingBackSetting(BaseModel):
    """Whether her vault may bring a message back on days 7, 30 and 90 of her path."""

    enabled: bool = Field(description="Off until she turns it on")


class VaultEntryOut(BaseModel):
    """A message from her vault: `written_on` is the day she wrote it, in her time zone."""

    id: int
    text: str
    written_on: date


class LookingBackOut(BaseModel):
    """A vault message come back on Today. `day` is the look-back (7, 30 or 90: it shows on that
    path day and the two after it); `mood_then` is her check-in mood on the day she wrote it and
    `mood_now` today's, each null where she has not checked in."""

    day: LookBackDay
    entry: VaultEntryOut
    mood_then: int | None
    mood_now: int | None
    question: str


def _user(db: Session, user_id: int) -> User:
    user = db.get(User, user_id)
    if user is None:
        raise NotFound
    return user


def setting(db: Session, user_id: int) -> LookingBackSetting:
    """Her choice, as it stands."""
    return LookingBackSetting(enabled=_user(db, user_id).vault_looks_back)


def choose(db: Session, user_id: int, *, enabled: bool) -> LookingBackSetting:
    """Turn the look back on or off; only she does, and turning it off hides it at once."""
    with transaction(db):
        _user(db, user_id).vault_looks_back = enabled
    return setting(db, user_id)


def _written(db: Session, user_id: int, time_zone: str) -> list[rules.Written]:
    """Her vault messages as the rule needs them: ids and the local days they were written on
    (not their text: only the one that comes back is read whole)."""
    query = select(Urge.id, Urge.at).where(
        Urge.user_id == user_id, Urge.message.is_not(None), Urge.message != ""
    )
    return [rules.Written(row.id, local_date(row.at, time_zone)) for row in db.execute(query)]


def _moods(db: Session, user_id: int) -> dict[date, int]:
    """Her check-in moods by day (two small columns: read only on a look-back day)."""
    query = select(CheckIn.day, CheckIn.mood).where(CheckIn.user_id == user_id)
    return {row.day: row.mood for row in db.execute(query)}


def on_today(
    db: Session, user_id: int, *, path_day: int | None, today: date, safety_mode: bool
) -> LookingBackOut | None:
    """The vault message that comes back today, or None: when she has not turned it on, in safety
    mode, off days 7, 30 and 90 (and the two after each), or with nothing old enough to return.
    Off those days her vault is not read at all."""
    if safety_mode or rules.look_back_day(path_day) is None:
        return None
    row = db.execute(
        select(User.time_zone, User.vault_looks_back).where(User.id == user_id)
    ).one_or_none()
    if row is None or not row.vault_looks_back:
        return None
    written = _written(db, user_id, row.time_zone)
    picked = rules.returning(path_day, today, written, _moods(db, user_id) if written else {})
    if picked is None:
        return None
    text = db.scalar(
        select(Urge.message).where(Urge.user_id == user_id, Urge.id == picked.entry.id)
    )
    entry = picked.entry
    return LookingBackOut(
        day=picked.day,
        entry=VaultEntryOut(id=entry.id, text=text or "", written_on=entry.written_on),
        mood_then=picked.mood_then,
        mood_now=picked.mood_now,
        question=rules.QUESTION,
    )


def how_long_ago(shown: LookingBackOut, today: date) -> str:
    """How long ago she wrote it, in words, for the page ("a week ago", "12 days ago")."""
    return rules.how_long_ago(shown.entry.written_on, today)
