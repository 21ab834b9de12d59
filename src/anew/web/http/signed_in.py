"""Who is signed in: the one way every request, page or API, finds the live session behind a
cookie or a bearer token.

One query (anew.accounts.sessions.find_callers) answers it, whichever path asks. On SQLite, a
local file read in WAL mode that never waits for a writer, it runs in the event loop: the hop to
the thread pool and back cost more than the query. On PostgreSQL it goes to the thread pool, so
that a slow or unreachable server never stalls the loop, in rounds (anew.web.http.session_rounds:
one query for every request waiting). The once-a-minute touch of the session is written once per
process however many requests find it due together, in the thread pool.
"""

from __future__ import annotations

import threading
from typing import Any

from cachetools import TTLCache
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from anew.accounts.sessions import TOUCH_INTERVAL, Caller, find_caller, touch_session
from anew.accounts.vocabulary import SessionKind
from anew.db import utcnow
from anew.web.http.session_rounds import SessionRounds

# Per process: sessions touched within the last minute.
ENTRIES = 2048


class RecentTouches:
    """The sessions this process touched within the last TOUCH_INTERVAL. Requests that find a
    touch due at the same moment (every request in one lookup round shares its answer) would each
    write the same row; the first one claims the touch and the others leave it to her."""

    def __init__(self, entries: int = ENTRIES) -> None:
        ttl = TOUCH_INTERVAL.total_seconds()
        self._touched: TTLCache[int, bool] = TTLCache(maxsize=entries, ttl=ttl)
        self._lock = threading.Lock()

    def claim(self, session_id: int) -> bool:
        """True for the first request in the interval to ask: that one touches the session."""
        with self._lock:
            if session_id in self._touched:
                return False
            self._touched[session_id] = True
            return True

    def release(self, session_id: int) -> None:
        """The claimed touch failed: let the next request try."""
        with self._lock:
            self._touched.pop(session_id, None)


def _lookup(engine: Engine, token: str, kind: SessionKind) -> Caller | None:
    with engine.connect() as connection:
        return find_caller(connection, token, kind, utcnow())


def _touch(engine: Engine, caller: Caller, kind: SessionKind) -> None:
    with engine.connect() as connection:
        touch_session(connection, caller, kind, utcnow())


async def signed_in(app: Any, token: str | None, kind: SessionKind) -> Caller | None:
    """The live session's caller for the token; None when the token is missing, unknown, revoked
    or expired."""
    if not token:
        return None
    engine: Engine = app.state.engine
    if engine.dialect.name == "sqlite":
        caller = _lookup(engine, token, kind)
    else:
        rounds: SessionRounds = app.state.session_rounds
        caller = await rounds.find(token, kind)
    if caller is None:
        return None
    touches: RecentTouches = app.state.recent_touches
    if caller.touch_due and touches.claim(caller.session_id):
        try:
            await run_in_threadpool(_touch, engine, caller, kind)
        except BaseException:
            touches.release(caller.session_id)
            raise
    return caller
