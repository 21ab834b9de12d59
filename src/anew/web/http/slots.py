"""A cap on the requests one server process works on at once, below its database connections.

A sync route's request keeps its session's connection from its first query until the session
closes, and in between FastAPI hops to the thread pool more than once (the route itself, then the
check of its answer). Were more requests at work than there are connections, every pool thread
could end up waiting for a connection that a request waiting for a thread holds: the process
would hang (tests/test_processes.py floods a server to prove it no longer does). With at most
REQUEST_SLOTS requests at work, and at most two connections each (the request's and a short one of
its own for import progress or a page's badge), no request ever waits for a connection; the rest
wait their turn in the event loop, holding nothing.
"""

from __future__ import annotations

import asyncio
from weakref import WeakKeyDictionary

from starlette.types import ASGIApp, Receive, Scope, Send

from anew.db import POOL_OVERFLOW, POOL_SIZE

REQUEST_SLOTS = (POOL_SIZE + POOL_OVERFLOW) // 2
# Answered whatever else is going on: the quick exit needs no database, no thread and no place.
# (The health check keeps to a place like any request: it needs a connection, and a flood of
# health checks outside the places could take every one of them.)
ALWAYS_ANSWERED = frozenset({"/exit"})


class RequestSlots:
    """Lets REQUEST_SLOTS http requests into the app at once (one gate per event loop); the
    quick exit passes by. Bodies are already in (anew.web.http.bodies)."""

    def __init__(self, app: ASGIApp, slots: int = REQUEST_SLOTS) -> None:
        self.app = app
        self.slots = slots
        self.gates: WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            WeakKeyDictionary()
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in ALWAYS_ANSWERED:
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        gate = self.gates.get(loop)
        if gate is None:
            gate = self.gates[loop] = asyncio.Semaphore(self.slots)
        async with gate:
            await self.app(scope, receive, send)
