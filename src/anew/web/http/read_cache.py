"""Answers computed from her data, kept in this process until her data version moves.

The dashboard, `GET /api/v1/program` and a chat's metrics are read far more often than what they
show changes, and building them (a handful of ORM queries, a template) was most of their cost.
Each answer is kept under a key that holds her id and her `data_version` (anew.data_version): any
change to her rows, made by any process, moves the number in the same transaction, so the next
request, in whichever process, asks for a key nothing is kept under. Nothing is served stale and
nothing has to be told to forget; old entries age out of the LRU.

What is left of a kept read is the session lookup (anew.accounts.sessions.find_caller: one
prepared query on a plain connection, no ORM objects). On SQLite, a local file read in WAL mode
that never waits for a writer, it runs in the event loop: the hop to the thread pool and back cost
more than the query. On PostgreSQL it goes to the thread pool, so that a slow or unreachable server
never stalls the loop, in rounds (anew.web.http.session_rounds: one query for every request
waiting). Writes (the once-a-minute touch of the session, once per process however many requests
find it due together) and making an answer that is not kept always run in the thread pool.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

from cachetools import LRUCache, TTLCache
from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.security import HTTPAuthorizationCredentials
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse

from anew.accounts.models import SessionKind
from anew.accounts.sessions import TOUCH_INTERVAL, Caller, find_caller, touch_session
from anew.db import utcnow
from anew.web.http.deps import no_valid_token
from anew.web.http.session_rounds import SessionRounds

T = TypeVar("T")
# Per process. A dashboard is about 20 kB, so this holds well under 50 MB at worst.
ENTRIES = 2048


class ReadCache:
    """A bounded, thread-safe map from (what, her id, her data version, ...) to an answer."""

    def __init__(self, entries: int = ENTRIES) -> None:
        self._kept: LRUCache[Hashable, object] = LRUCache(maxsize=entries)
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> object | None:
        with self._lock:
            return self._kept.get(key)

    def put(self, key: Hashable, answer: object) -> None:
        with self._lock:
            self._kept[key] = answer


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


def json_body(content: object) -> bytes:
    """The bytes FastAPI would have sent for `content`, made once to be kept."""
    return bytes(JSONResponse(jsonable_encoder(content)).body)


def _lookup(engine: Engine, token: str, kind: SessionKind) -> Caller | None:
    with engine.connect() as connection:
        return find_caller(connection, token, kind, utcnow())


def _touch(engine: Engine, caller: Caller, kind: SessionKind) -> None:
    with engine.connect() as connection:
        touch_session(connection, caller, kind, utcnow())


async def kept_read(
    app: Any,
    token: str | None,
    kind: SessionKind,
    key: Callable[[Caller], tuple[Hashable, ...] | None],
    make: Callable[[Caller], T],
) -> tuple[Caller, T] | None:
    """The answer kept under `key(caller)` for the token's user, or `make(caller)`'s (run in the
    thread pool, then kept); None when the token is missing, unknown, revoked or expired. Each
    key must hold her id and her data version, and only ever be made by one `make`; a key of
    None means an answer that depends on more than her data: made every time, never kept."""
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
    cache: ReadCache = app.state.read_cache
    wanted = key(caller)
    kept = cache.get(wanted) if wanted is not None else None
    if kept is None:
        kept = await run_in_threadpool(make, caller)
        if wanted is not None:
            cache.put(wanted, kept)
    return caller, cast(T, kept)


async def kept_api_read(
    request: Request,
    credentials: HTTPAuthorizationCredentials | None,
    key: Callable[[Caller], tuple[Hashable, ...] | None],
    make: Callable[[Caller], bytes],
) -> bytes:
    """kept_read for the API: the body kept or made for the bearer token's user, or the API's
    401 for a missing, unknown, revoked or expired token."""
    token = credentials.credentials if credentials else None
    found = await kept_read(request.app, token, SessionKind.API, key, make)
    if found is None:
        raise no_valid_token()
    return found[1]
