"""The journal for both faces: write, read, search, change and delete her entries. Each function
is one request's work for her, in one transaction, answering typed results."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from anew.db import transaction
from anew.errors import Invalid
from anew.journal import rules
from anew.journal.models import JournalEntry
from anew.method.no_contact.models import NoContactPeriod
from anew.method.owned import mine
from anew.method.path import rules as path_rules


class EntryOut(BaseModel):
    """One entry as she reads it back."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    text: str
    mood: int | None
    day: int | None
    written_on: date
    created_at: datetime
    updated_at: datetime | None


def path_day(db: Session, user_id: int, *, today: date) -> int | None:
    """Today's day on her path (anew.method.path.rules.path_day: a slip never sends it back to
    day 1), or None before her first period."""
    first = db.scalar(
        select(func.min(NoContactPeriod.started_on)).where(NoContactPeriod.user_id == user_id)
    )
    return None if first is None or today < first else path_rules.path_day(first, today)


def _text(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise Invalid("text", "Please write something first.")
    if len(text) > rules.MAX_TEXT:
        raise Invalid(
            "text",
            f"An entry can hold up to {rules.MAX_TEXT:,} characters; this one has "
            f"{len(text):,}. Perhaps split it into two entries?",
        )
    return text


def _checked(changes: dict[str, Any]) -> dict[str, Any]:
    """Her fields, refused one by one in words when one can't be kept."""
    clean = dict(changes)
    if "text" in clean:
        clean["text"] = _text(clean["text"])
    mood = clean.get("mood")
    if mood is not None and mood not in rules.MOODS:
        raise Invalid("mood", "Mood is a number from 1 to 10, or none.")
    day = clean.get("day")
    if day is not None and not 1 <= day <= rules.MAX_DAY:
        raise Invalid("day", f"A path day is a number from 1 to {rules.MAX_DAY:,}, or none.")
    return clean


class Found(BaseModel):
    """A page of her entries, newest first, and how many there are in all."""

    entries: list[EntryOut]
    total: int


NEWEST_FIRST = (JournalEntry.written_on.desc(), JournalEntry.id.desc())
BY_ID = 1000  # ids asked for in one query, well under any database's limit on parameters


def _matching_ids(db: Session, user_id: int, words: list[str]) -> list[int]:
    """Her entries holding every word, newest first: only ids and text are read to look."""
    rows = db.execute(
        select(JournalEntry.id, JournalEntry.text)
        .where(JournalEntry.user_id == user_id)
        .order_by(*NEWEST_FIRST),
        execution_options={"yield_per": BY_ID},
    )
    return [entry_id for entry_id, text in rows if rules.matches(text, words)]


def _by_ids(db: Session, ids: list[int]) -> list[EntryOut]:
    found: dict[int, EntryOut] = {}
    for start in range(0, len(ids), BY_ID):
        chunk = ids[start : start + BY_ID]
        for row in db.scalars(select(JournalEntry).where(JournalEntry.id.in_(chunk))):
            found[row.id] = EntryOut.model_validate(row)
    return [found[entry_id] for entry_id in ids]


def search(db: Session, user_id: int, *, query: str = "", limit: int | None = None) -> Found:
    """Her entries, newest first, the first `limit` of them; with a query, only those holding
    every word of it (any case, any alphabet, "%" and "_" as themselves; see rules)."""
    if len(query) > rules.MAX_QUERY:
        raise Invalid("q", f"A search can be up to {rules.MAX_QUERY} characters long.")
    words = rules.search_words(query)
    if words:
        ids = _matching_ids(db, user_id, words)
        return Found(entries=_by_ids(db, ids[:limit]), total=len(ids))
    mine_only = JournalEntry.user_id == user_id
    total = db.scalar(select(func.count()).select_from(JournalEntry).where(mine_only)) or 0
    rows = db.scalars(select(JournalEntry).where(mine_only).order_by(*NEWEST_FIRST).limit(limit))
    return Found(entries=[EntryOut.model_validate(row) for row in rows], total=total)


def entries(db: Session, user_id: int, *, query: str = "") -> list[EntryOut]:
    """All her entries, newest first, or all those a search finds."""
    return search(db, user_id, query=query).entries


def entry(db: Session, user_id: int, entry_id: int) -> EntryOut:
    return EntryOut.model_validate(mine(db, JournalEntry, user_id, entry_id, "journal entry"))


def _by_key(db: Session, user_id: int, key: str) -> JournalEntry | None:
    return db.scalar(
        select(JournalEntry).where(
            JournalEntry.user_id == user_id, JournalEntry.idempotency_key == key
        )
    )


def write(
    db: Session,
    user_id: int,
    *,
    today: date,
    now: datetime,
    text: str,
    mood: int | None = None,
    day: int | None = None,
    idempotency_key: str | None = None,
) -> tuple[EntryOut, bool]:
    """A new entry dated `today` (her day); with a key already used, the entry that key first
    stored and nothing new. Answers the entry and whether it was made now."""
    if idempotency_key is not None and not rules.KEY.fullmatch(idempotency_key):
        raise Invalid(
            "Idempotency-Key",
            f"An Idempotency-Key is 1 to {rules.LONGEST_KEY} visible ASCII characters.",
        )
    fields = _checked({"text": text, "mood": mood, "day": day})
    if idempotency_key is not None and (kept := _by_key(db, user_id, idempotency_key)):
        return EntryOut.model_validate(kept), False
    row = JournalEntry(
        user_id=user_id, written_on=today, created_at=now, idempotency_key=idempotency_key, **fields
    )
    try:
        with transaction(db):
            db.add(row)
            db.flush()
            return EntryOut.model_validate(row), True
    except IntegrityError:  # the same key, sent twice at once: the other request stored it
        kept = _by_key(db, user_id, idempotency_key) if idempotency_key else None
        if kept is None:
            raise
        return EntryOut.model_validate(kept), False


def change(
    db: Session, user_id: int, entry_id: int, changes: dict[str, Any], *, now: datetime
) -> EntryOut:
    """Only the fields given change; a mood or day given as None is cleared."""
    with transaction(db):
        row = mine(db, JournalEntry, user_id, entry_id, "journal entry")
        for name, value in _checked(changes).items():
            setattr(row, name, value)
        row.updated_at = now
        return EntryOut.model_validate(row)


def delete(db: Session, user_id: int, entry_id: int) -> None:
    with transaction(db):
        db.delete(mine(db, JournalEntry, user_id, entry_id, "journal entry"))
