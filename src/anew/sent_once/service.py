"""Claiming a key inside the write's own transaction, so the write and its key commit together.

A second request with the same key finds the first one's row and answers with what it made;
two arriving at once race on the unique (user, key) constraint and the loser reads the winner's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from anew.db import utcnow
from anew.errors import Conflict, Invalid
from anew.sent_once.models import SentKey

HEADER = "Idempotency-Key"
KEY_PATTERN = re.compile(r"[A-Za-z0-9._:-]{1,100}")
# Long past any resend: a phone that queued a write sends it within days, not months.
KEPT_FOR = timedelta(days=90)


@dataclass
class Claim:
    """A key claimed for one write; `made_id` is set when an earlier request already made it."""

    row: SentKey | None
    made_id: int | None = None

    @property
    def done_before(self) -> bool:
        return self.made_id is not None

    def made(self, made_id: int) -> None:
        """Note what this write made, committed with it."""
        if self.row is not None:
            self.row.made_id = made_id


def check_key(key: str | None) -> str | None:
    """The key as sent, or Invalid when it isn't 1 to 100 letters, digits, dots, dashes, colons."""
    if key is None:
        return None
    if not KEY_PATTERN.fullmatch(key):
        raise Invalid(
            HEADER, "must be 1 to 100 letters, digits, dots, colons, dashes or underscores"
        )
    return key


def claim(db: Session, user_id: int, key: str | None, action: str) -> Claim:
    """Claim `key` for this write: the first thing the write's transaction does, so that losing a
    race (and rolling back) throws nothing else away. No key: nothing to claim."""
    if check_key(key) is None:
        return Claim(None)
    earlier = _find(db, user_id, key)
    if earlier is None:
        row = SentKey(user_id=user_id, key=key, action=action)
        db.add(row)
        try:
            db.flush()
        except IntegrityError:  # the same key, sent at the same moment, committed first
            db.rollback()
            earlier = _find(db, user_id, key)
            if earlier is None:
                raise
        else:
            _forget_old(db, user_id)
            return Claim(row)
    if earlier.action != action:
        raise Conflict(f"This {HEADER} was already used for a different request.")
    return Claim(earlier, earlier.made_id)


def _find(db: Session, user_id: int, key: str | None) -> SentKey | None:
    return db.scalar(select(SentKey).where(SentKey.user_id == user_id, SentKey.key == key))


def _forget_old(db: Session, user_id: int) -> None:
    """Her keys from long ago can't come back; dropping them keeps the table small."""
    db.execute(
        delete(SentKey).where(SentKey.user_id == user_id, SentKey.created_at < utcnow() - KEPT_FOR)
    )
