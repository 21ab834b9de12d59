from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from anew.ratelimit import (
    RateLimit,
    RateLimitCounter,
    clear,
    current_count,
    is_limited,
    record_hit,
)

NOW = datetime(2026, 11, 26, 12, 0, 30, tzinfo=UTC)
RULE = RateLimit("test", limit=3, window_seconds=60)


def test_it_counts_hits_until_the_limit(db: Session) -> None:
    assert [record_hit(db, RULE, "10.0.0.1", NOW) for _ in range(3)] == [1, 2, 3]
    assert is_limited(db, RULE, "10.0.0.1", NOW)
    assert not is_limited(db, RULE, "10.0.0.2", NOW)


def test_a_new_window_starts_from_zero_and_drops_the_old_counter(db: Session) -> None:
    for _ in range(3):
        record_hit(db, RULE, "a", NOW)
    later = NOW + timedelta(seconds=60)
    assert not is_limited(db, RULE, "a", later)
    assert record_hit(db, RULE, "a", later) == 1
    assert db.scalar(select(func.count()).select_from(RateLimitCounter)) == 1


def test_it_keeps_subjects_out_of_the_table(db: Session) -> None:
    record_hit(db, RULE, "alice@example.org", NOW)
    keys = db.scalars(select(RateLimitCounter.key)).all()
    assert keys
    assert all("alice" not in key for key in keys)


def test_clear_forgets_a_subject(db: Session) -> None:
    record_hit(db, RULE, "a", NOW)
    clear(db, RULE, "a")
    assert current_count(db, RULE, "a", NOW) == 0


def test_retry_after_counts_down_to_the_window_end() -> None:
    assert RULE.retry_after(NOW) == 30
    assert RULE.window_start(NOW) == datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
