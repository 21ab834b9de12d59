"""Real-time rate-limit tests start clear of a window's edge."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from anew.ratelimit import RateLimit


def clear_of_a_window_edge(rule: RateLimit, room: int = 60) -> None:
    """Counting starts afresh at each fixed window's edge (every quarter of an hour for logins):
    attempts that straddle one are counted in two windows and never reach the limit. So wait for
    the next window when fewer than `room` seconds of this one are left."""
    left = rule.retry_after(datetime.now(UTC))
    if left < room:
        time.sleep(left + 1)
