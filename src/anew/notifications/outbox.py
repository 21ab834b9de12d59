"""The outbox: every notification that falls due is a row, made once per (her, key) whichever
process comes first, and sent by the one sender that claims it.

A claim is one conditional UPDATE of one row (taken only where nobody holds it, or a holder's
time ran out), which both SQLite and PostgreSQL apply atomically: however many server processes
and `anew notify --once` runs look at the same row, one of them gets it. A sent row is never
claimed again; a failed one waits longer after each try and is given up after MAX_ATTEMPTS.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from anew.notifications.due import Due
from anew.notifications.models import ERROR_MAX, NotificationSend
from anew.notifications.vocabulary import SendStatus

CLAIM_FOR = timedelta(minutes=5)  # a sender that died frees its rows after this
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
MAX_ATTEMPTS = len(BACKOFF) + 1
OPEN = (SendStatus.PENDING.value, SendStatus.FAILED.value)


def enqueue(db: Session, user_id: int, items: list[Due]) -> int:
    """Make a row for each item not made yet; returns how many this call made."""
    made = 0
    for item in items:
        exists = select(NotificationSend.id).where(
            NotificationSend.user_id == user_id, NotificationSend.key == item.key
        )
        if db.scalar(exists) is not None:
            continue
        try:
            with db.begin_nested():  # another process may make the same row at the same moment
                db.add(
                    NotificationSend(
                        user_id=user_id,
                        key=item.key,
                        kind=item.kind.value,
                        due_at=item.at,
                        next_try_at=item.at,
                    )
                )
            made += 1
        except IntegrityError:
            continue
    db.commit()
    return made


def claim(db: Session, worker: str, now: datetime, limit: int = 500) -> list[NotificationSend]:
    """Rows due now that this worker now holds; any other worker's attempt on them fails."""
    free = or_(NotificationSend.claimed_until.is_(None), NotificationSend.claimed_until < now)
    candidates = db.scalars(
        select(NotificationSend.id)
        .where(NotificationSend.status.in_(OPEN), NotificationSend.next_try_at <= now, free)
        .order_by(NotificationSend.next_try_at, NotificationSend.id)
        .limit(limit)
    ).all()
    held = []
    for row_id in candidates:
        taken = db.execute(
            update(NotificationSend)
            .where(NotificationSend.id == row_id, NotificationSend.status.in_(OPEN), free)
            .values(claimed_by=worker, claimed_until=now + CLAIM_FOR)
            .execution_options(synchronize_session=False)
        )
        db.commit()
        if taken.rowcount == 1:  # type: ignore[attr-defined]
            held.append(row_id)
    if not held:
        return []
    return list(db.scalars(select(NotificationSend).where(NotificationSend.id.in_(held))))


def finish(
    db: Session,
    row: NotificationSend,
    *,
    sent: bool,
    error: str,
    now: datetime,
    final: bool = False,
) -> None:
    """Sent for good, or another try later (given up after MAX_ATTEMPTS, or at once when a
    retry can't help: `final`)."""
    row.attempts += 1
    row.claimed_by, row.claimed_until = None, None
    if sent:
        row.status, row.sent_at, row.last_error = SendStatus.SENT.value, now, ""
    elif final or row.attempts >= MAX_ATTEMPTS:
        row.status, row.last_error = SendStatus.GIVEN_UP.value, error[:ERROR_MAX]
    else:
        row.status, row.last_error = SendStatus.FAILED.value, error[:ERROR_MAX]
        row.next_try_at = now + BACKOFF[row.attempts - 1]
    db.commit()
