"""Loaded by every Python process bench/web.py starts with this folder on PYTHONPATH (the server
and, through it, each worker): switches off the pieces of machinery named in ANEW_BENCH_WITHOUT,
so that one run measures the server with and without each of them. Benchmark-only; the app
itself has no such switches.

- segment_router: routers no longer turn away a path none of their routes start with.
- read_cache: nothing is kept; every dashboard, program and metrics answer is made afresh.
- session_rounds: each PostgreSQL session lookup goes to the thread pool on its own.
- worker_sockets: the workers share uvicorn's one listening socket instead of one each.
"""

from __future__ import annotations

import os

WITHOUT = {name for name in os.environ.get("ANEW_BENCH_WITHOUT", "").split(",") if name}


def _switch_off() -> None:
    if "segment_router" in WITHOUT:
        from fastapi import APIRouter

        from anew.web.http import segment_router

        for guarded in (segment_router.SegmentRouter, segment_router.PrefixRouter):
            guarded.matches = APIRouter.matches  # type: ignore[method-assign]
    if "read_cache" in WITHOUT:
        from anew.web.http import read_cache

        read_cache.ReadCache.get = lambda self, key: None  # type: ignore[method-assign]
    if "session_rounds" in WITHOUT:
        from starlette.concurrency import run_in_threadpool

        from anew.web.http import session_rounds, signed_in

        async def find(self: session_rounds.SessionRounds, token: str, kind: object) -> object:
            return await run_in_threadpool(signed_in._lookup, self.engine, token, kind)

        session_rounds.SessionRounds.find = find  # type: ignore[method-assign, assignment]
    if "worker_sockets" in WITHOUT:
        from anew.web.http import server

        server.REUSE_PORT = False


if WITHOUT:
    _switch_off()
