"""The outbox: every notification that falls due is a row, made once per (her, key) whichever
process comes first, and sent by the one sender that claims it.

A claim is one UPDATE ... RETURNING over a batch of rows, taken only where nobody holds them (or
a holder's time ran out); SQLite and PostgreSQL each apply one statement atomically, so however
many server processes and `anew notify --once` runs reach for the same rows, each row goes to one
of them. A sent row is never claimed again; a failed one waits longer after each try and is given
up after MAX_ATTEMPTS.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from anew.notifications.due import Due
from anew.notifications.models import ERROR_MAX, NotificationSend
from anew.notifications.vocabulary import SendStatus

CLAIM_FOR = timedelta(minutes=5)  # a sender that died frees its rows after this
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
MAX_ATTEMPTS = len(BACKOFF) + 1
OPEN = (SendStatus.PENDING.value, SendStatus.FAILED.value)
BATCH = 500


def _insert(db: Session) -> Insert:
    """INSERT that skips a (her, key) already there: someone else made that row first."""
    keys = ["user_id", "key"]
    if db.get_bind().dialect.name == "postgresql":
        return postgresql.insert(NotificationSend).on_conflict_do_nothing(index_elements=keys)
    return sqlite.insert(NotificationSend).on_conflict_do_nothing(index_elements=keys)


def enqueue(db: Session, items: Iterable[tuple[int, Due]]) -> int:
    """Make a row for each (her id, item) not made yet; returns how many this call made."""
    rows = [
        {"user_id": user_id, "key": item.key, "kind": item.kind.value}
        | {"due_at": item.at, "next_try_at": item.at, "status": SendStatus.PENDING.value}
        | {"attempts": 0, "last_error": ""}
        for user_id, item in items
    ]
    made = 0
    for start in range(0, len(rows), BATCH):
        made += len(
            db.execute(
                _insert(db).returning(NotificationSend.id), rows[start : start + BATCH]
            ).all()
        )
        db.commit()
    return made


def claim(db: Session, worker: str, now: datetime, limit: int = BATCH) -> list[NotificationSend]:
    """Up to `limit` rows due now that this worker now holds."""
    free = or_(NotificationSend.claimed_until.is_(None), NotificationSend.claimed_until < now)
    due = (
        select(NotificationSend.id)
        .where(NotificationSend.status.in_(OPEN), NotificationSend.next_try_at <= now, free)
        .order_by(NotificationSend.next_try_at, NotificationSend.id)
        .limit(limit)
    )
    held = db.scalars(
        update(NotificationSend)
        .where(
            NotificationSend.id.in_(due.scalar_subquery()), NotificationSend.status.in_(OPEN), free
        )
        .values(claimed_by=worker, claimed_until=now + CLAIM_FOR)
        .returning(NotificationSend.id)
        .execution_options(synchronize_session=False)
    ).all()
    db.commit()
    if not held:
        return []
    return list(
        db.scalars(
            select(NotificationSend)
            .where(NotificationSend.id.in_(held))
            .order_by(NotificationSend.id)
        )
    )


@dataclass(frozen=True)
class Outcome:
    """How one claimed row went: sent, or why not, and whether trying again can help."""

    sent: bool
    error: str = ""
    final: bool = False


def finish(db: Session, results: list[tuple[NotificationSend, Outcome]], now: datetime) -> None:
    """Write down a batch: sent for good, or another try later (given up after MAX_ATTEMPTS, or
    at once when a retry can't help)."""
    for row, outcome in results:
        row.attempts += 1
        row.claimed_by, row.claimed_until = None, None
        if outcome.sent:
            row.status, row.sent_at, row.last_error = SendStatus.SENT.value, now, ""
        elif outcome.final or row.attempts >= MAX_ATTEMPTS:
            row.status, row.last_error = SendStatus.GIVEN_UP.value, outcome.error[:ERROR_MAX]
        else:
            row.status, row.last_error = SendStatus.FAILED.value, outcome.error[:ERROR_MAX]
            row.next_try_at = now + BACKOFF[row.attempts - 1]
    db.commit()
