"""Answers computed from her data, kept in this process until her data version moves.

The dashboard, `GET /api/v1/program` and a chat's metrics are read far more often than what they
show changes, and building them (a handful of ORM queries, a template) was most of their cost.
Each answer is kept under a key that holds her id and her `data_version` (anew.data_version): any
change to her rows, made by any process, moves the number in the same transaction, so the next
request, in whichever process, asks for a key nothing is kept under. Nothing is served stale and
nothing has to be told to forget; old entries age out of the LRU.

What is left of a kept read is the session lookup (anew.web.http.signed_in, the same one query
as every other request). Making an answer that is not kept runs in the thread pool.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

from cachetools import LRUCache
from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.security import HTTPAuthorizationCredentials
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse

from anew.accounts.sessions import Caller
from anew.accounts.vocabulary import SessionKind
from anew.web.http.deps import no_valid_token
from anew.web.http.signed_in import signed_in

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


def json_body(content: object) -> bytes:
    """The bytes FastAPI would have sent for `content`, made once to be kept."""
    return bytes(JSONResponse(jsonable_encoder(content)).body)


def _made(app: Any, make: Callable[[Session, Caller], T], caller: Caller) -> T:
    with app.state.sessionmaker() as db:
        return make(db, caller)


async def kept_read(
    app: Any,
    token: str | None,
    kind: SessionKind,
    key: Callable[[Caller], tuple[Hashable, ...] | None],
    make: Callable[[Session, Caller], T],
) -> tuple[Caller, T] | None:
    """The answer kept under `key(caller)` for the token's user, or `make(db, caller)`'s (run in
    the thread pool with a session of its own, then kept); None when the token is missing,
    unknown, revoked or expired. Each key must hold her id and her data version, and only ever be
    made by one `make`; a key of None means an answer that depends on more than her data: made
    every time, never kept."""
    caller = await signed_in(app, token, kind)
    if caller is None:
        return None
    cache: ReadCache = app.state.read_cache
    wanted = key(caller)
    kept = cache.get(wanted) if wanted is not None else None
    if kept is None:
        kept = await run_in_threadpool(_made, app, make, caller)
        if wanted is not None:
            cache.put(wanted, kept)
    return caller, cast(T, kept)


async def kept_api_read(
    request: Request,
    credentials: HTTPAuthorizationCredentials | None,
    key: Callable[[Caller], tuple[Hashable, ...] | None],
    make: Callable[[Session, Caller], bytes],
) -> bytes:
    """kept_read for the API: the body kept or made for the bearer token's user, or the API's
    401 for a missing, unknown, revoked or expired token."""
    token = credentials.credentials if credentials else None
    found = await kept_read(request.app, token, SessionKind.API, key, make)
    if found is None:
        raise no_valid_token()
    return found[1]
