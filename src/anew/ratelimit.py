"""Rate limits with their counters in the database, shared by every server process.

Hits are counted per fixed window (two rows per subject at most), and a subject's use is read as a
sliding window: this window's hits plus the share of the last window's that still falls within the
last `window_seconds`. Plain fixed windows would let a subject spend its allowance twice across an
edge (ten logins at 12:14:59 and ten more at 12:15:00).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Integer, String, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from anew.db import Base, UTCDateTime


class RateLimitCounter(Base):
    """How many times a subject hit a rule within one window. Subjects are stored hashed."""

    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` hits per `window_seconds` for one subject (an address, an account)."""

    name: str
    limit: int
    window_seconds: int

    def key(self, subject: str) -> str:
        """The counter key; hashing keeps addresses and emails out of the table."""
        return hashlib.sha256(f"{self.name}\0{subject}".encode()).hexdigest()

    def window_start(self, now: datetime) -> datetime:
        """The start of the window that `now` falls in."""
        epoch = int(now.timestamp())
        return datetime.fromtimestamp(epoch - epoch % self.window_seconds, UTC)

    def previous_window_start(self, now: datetime) -> datetime:
        """The start of the window before the one `now` falls in."""
        return self.window_start(now) - timedelta(seconds=self.window_seconds)

    def retry_after(self, now: datetime) -> int:
        """Seconds until the current window ends. A subject refused now is let in then, or a
        second later at most: it holds no more than the limit in this window (a refused hit is
        not recorded), and those hits count for less with every second of the next one."""
        epoch = int(now.timestamp())
        return self.window_seconds - epoch % self.window_seconds


def current_count(db: Session, rule: RateLimit, subject: str, now: datetime) -> float:
    """Hits in the last `window_seconds`, read as a sliding window from the two counters."""
    window, last = rule.window_start(now), rule.previous_window_start(now)
    counts = dict(
        db.execute(
            select(RateLimitCounter.window_start, RateLimitCounter.count).where(
                RateLimitCounter.key == rule.key(subject),
                RateLimitCounter.window_start.in_([window, last]),
            )
        ).all()
    )
    still_counted = 1 - (now - window).total_seconds() / rule.window_seconds
    return counts.get(window, 0) + counts.get(last, 0) * still_counted


def is_limited(db: Session, rule: RateLimit, subject: str, now: datetime) -> bool:
    """True when the subject has used up the rule's allowance for the last window's length."""
    return current_count(db, rule, subject, now) >= rule.limit


def record_hit(db: Session, rule: RateLimit, subject: str, now: datetime) -> int:
    """Count one hit atomically (an upsert, safe across processes) and return the new total."""
    key, window = rule.key(subject), rule.window_start(now)
    dialect = db.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    upsert = (
        insert(RateLimitCounter)
        .values(key=key, window_start=window, count=1)
        .on_conflict_do_update(
            index_elements=[RateLimitCounter.key, RateLimitCounter.window_start],
            set_={"count": RateLimitCounter.count + 1},
        )
        .returning(RateLimitCounter.count)
    )
    total: int = db.execute(upsert).scalar_one()
    db.execute(
        delete(RateLimitCounter).where(
            RateLimitCounter.key == key,
            RateLimitCounter.window_start < rule.previous_window_start(now),
        )
    )
    return total


def clear(db: Session, rule: RateLimit, subject: str) -> None:
    """Forget the subject's hits, e.g. an account's failed logins after a successful one."""
    db.execute(delete(RateLimitCounter).where(RateLimitCounter.key == rule.key(subject)))
