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


def test_the_last_window_counts_for_the_share_of_it_still_within_reach(db: Session) -> None:
    for _ in range(3):
        record_hit(db, RULE, "a", NOW)  # 12:00:30
    halfway = NOW + timedelta(seconds=60)  # 12:01:30: half of 12:00-12:01 is still in reach
    assert current_count(db, RULE, "a", halfway) == 1.5
    assert not is_limited(db, RULE, "a", halfway)
    assert record_hit(db, RULE, "a", halfway) == 1  # this window's own counter
    assert current_count(db, RULE, "a", halfway) == 2.5
    assert record_hit(db, RULE, "a", halfway) == 2
    assert is_limited(db, RULE, "a", halfway)  # 2 + 3 * 0.5
    assert not is_limited(db, RULE, "a", NOW + timedelta(seconds=120))  # 12:02:30: 0 + 2 * 0.5


def test_an_allowance_is_not_spent_twice_across_a_window_edge(db: Session) -> None:
    edge = datetime(2026, 11, 26, 12, 1, tzinfo=UTC)
    for _ in range(3):
        record_hit(db, RULE, "b", edge - timedelta(seconds=1))
    after = edge + timedelta(seconds=1)
    assert not is_limited(db, RULE, "b", after)  # 3 * 59/60 = 2.95
    record_hit(db, RULE, "b", after)
    assert is_limited(db, RULE, "b", after)  # a fixed window would allow two more here


def test_counters_older_than_the_last_window_are_dropped(db: Session) -> None:
    record_hit(db, RULE, "c", NOW)
    record_hit(db, RULE, "c", NOW + timedelta(seconds=60))
    assert db.scalar(select(func.count()).select_from(RateLimitCounter)) == 2
    record_hit(db, RULE, "c", NOW + timedelta(seconds=120))
    assert db.scalar(select(func.count()).select_from(RateLimitCounter)) == 2


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
