"""Request bodies are received in full before a request may take one of the server's places.

A body that arrives slowly (one byte every few seconds) or never ends must not hold what other
requests need: the places of RequestSlots, database connections, threads. So the gate, outside
RequestSlots, receives each body into a private spool first, under an idle timeout and a slowest
pace, then hands it on. Limits come before any reading: someone not signed in may send at most
ANEW_MAX_VISITOR_BODY_KB; more than that is read only after her session or token has been found
to be live, and never more than the upload limit, whatever the Content-Length says or, for a
chunked body, leaves unsaid.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from anew.accounts.vocabulary import SessionKind
from anew.config import Settings
from anew.web.http.security import SESSION_COOKIE, read_cookie
from anew.web.http.signed_in import signed_in
from anew.web.http.templating import render

KB = 1024
MB = 1024 * KB
IN_MEMORY = MB  # a body larger than this is spooled to a private file in the data directory
CHUNK = 64 * KB  # how much of a spooled body each replayed message carries
MULTIPART_SLACK = MB  # a form's boundaries and other fields around an upload of the full size
WITHOUT_BODY = frozenset({"GET", "HEAD", "OPTIONS"})
LOOKUP_TIMEOUT_S = 5.0
NO_ROOM = "Anew has no room to take this just now, and nothing was saved. Please try again later."


class BodyRefused(Exception):
    """The body is over its limit (413) or too slow (408); the message says so kindly."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class BodyLimits:
    """What a body may weigh and how fast it must come, from the settings."""

    visitor_bytes: int
    member_bytes: int
    member_mb: int
    idle_s: float
    min_rate: float  # bytes per second, once the head start of idle_s is spent
    memory_bytes: int = 64 * MB  # all bodies in memory together, in one process

    @classmethod
    def of(cls, settings: Settings) -> BodyLimits:
        return cls(
            visitor_bytes=settings.max_visitor_body_kb * KB,
            member_bytes=settings.max_upload_mb * MB + MULTIPART_SLACK,
            member_mb=settings.max_upload_mb,
            idle_s=float(settings.body_timeout_s),
            min_rate=float(settings.body_min_rate_kb_s * KB),
            memory_bytes=settings.body_memory_mb * MB,
        )


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def declared_length(scope: Scope) -> int | None:
    """The Content-Length the client declared, when it declared a sane one."""
    value = _header(scope, b"content-length")
    return int(value) if value is not None and value.isdigit() else None


def _bearer(scope: Scope) -> str | None:
    value = _header(scope, b"authorization") or ""
    scheme, _, token = value.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def is_signed_in(scope: Scope) -> bool:
    """Whether the request carries a live session cookie or API token (looked up, not guessed)."""
    app = scope["app"]
    cookie = read_cookie(scope, SESSION_COOKIE)
    if cookie and await signed_in(app, cookie, SessionKind.WEB) is not None:
        return True
    token = _bearer(scope)
    return bool(token) and await signed_in(app, token, SessionKind.API) is not None


@dataclass
class MemoryBudget:
    """What all the bodies a process is receiving may hold in memory together: past it, a body
    waits in a private file instead, so thousands of connections can't fill the memory."""

    limit: int
    held: int = 0

    def take(self, size: int) -> bool:
        if self.held + size > self.limit:
            return False
        self.held += size
        return True

    def give(self, size: int) -> None:
        self.held -= size


class Spool:
    """The body as it arrives: in memory while small and the budget allows, else in a private
    temporary file."""

    def __init__(self, folder: Path, budget: MemoryBudget) -> None:
        self.folder = folder
        self.budget = budget
        self.memory = bytearray()
        self.file: IO[bytes] | None = None
        self.size = 0

    async def write(self, data: bytes) -> None:
        self.size += len(data)
        if self.file is None and self.size <= IN_MEMORY and self.budget.take(len(data)):
            self.memory += data
            return
        if self.file is None:
            self.file = await run_in_threadpool(self._open_file)
            data = bytes(self.memory) + data
            self.budget.give(len(self.memory))
            self.memory = bytearray()
        await run_in_threadpool(self.file.write, data)

    def _open_file(self) -> IO[bytes]:
        self.folder.mkdir(parents=True, exist_ok=True)
        return tempfile.TemporaryFile(dir=self.folder)

    async def replayed(self, receive: Receive) -> Receive:
        """A `receive` that gives the app the whole body, then whatever the client sends next
        (its disconnect)."""
        if self.file is None:
            messages = [{"type": "http.request", "body": bytes(self.memory), "more_body": False}]
        else:
            await run_in_threadpool(self.file.seek, 0)
            messages = []
        file, left = self.file, self.size

        async def replay() -> Message:
            nonlocal left
            if messages:
                return messages.pop()
            if file is not None and left > 0:
                chunk = await run_in_threadpool(file.read, min(CHUNK, left))
                left -= len(chunk)
                if not chunk:  # the spool is shorter than written: end the body here
                    left = 0
                return {"type": "http.request", "body": chunk, "more_body": left > 0}
            return await receive()

        return replay

    def close(self) -> None:
        """Give back what the body held: its memory to the budget, its file to the disk."""
        self.budget.give(len(self.memory))
        self.memory = bytearray()
        if self.file is not None:
            self.file.close()


async def receive_body(receive: Receive, spool: Spool, limit: int, limits: BodyLimits) -> bool:
    """Read the whole body into the spool; False when the client went away first. Raises
    BodyRefused past the limit, after `idle_s` without a byte, or below the slowest pace."""
    started = time.monotonic()
    while True:
        try:
            message = await asyncio.wait_for(receive(), timeout=limits.idle_s)
        except TimeoutError:
            raise BodyRefused(408, "The rest of this request never arrived.") from None
        if message["type"] == "http.disconnect":
            return False
        await spool.write(message.get("body", b""))
        if spool.size > limit:
            raise BodyRefused(413, "")
        if not message.get("more_body", False):
            return True
        allowed = limits.idle_s + spool.size / limits.min_rate
        if time.monotonic() - started > allowed:
            raise BodyRefused(408, "This request arrived too slowly to be taken.")


def too_large(limits: BodyLimits, *, member: bool) -> str:
    """The kind words of a 413: what the limit is, and what to do."""
    if member:
        return f"This file is larger than {limits.member_mb} MB, the limit here."
    return (
        f"That is more than {limits.visitor_bytes // KB} KB, the most anyone can send here "
        "without being logged in. If you meant to upload a file, please log in first and "
        "try again."
    )


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
    """Answer as the app answers errors: JSON under /api/, else the error page."""
    headers = {"Connection": "close"}
    response: Response
    if scope.get("path", "").startswith("/api/"):
        response = JSONResponse({"detail": message}, status_code=status, headers=headers)
    else:
        title = {413: "That's too big to take", 408: "That took too long"}.get(
            status, "Just a moment"
        )
        context = {"status": status, "title": title, "detail": message}
        response = render(Request(scope), "errors/error.html", context, status_code=status)
        response.headers.update(headers)
    await response(scope, receive, send)


class BodyGate:
    """Receives each request's body in full, within its limits, before the app sees it."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limits: BodyLimits,
        spool_dir: Path,
        signed_in_check: Callable[[Scope], Awaitable[bool]] = is_signed_in,
    ) -> None:
        self.app = app
        self.limits = limits
        self.spool_dir = spool_dir
        self.signed_in_check = signed_in_check
        self.budget = MemoryBudget(limits.memory_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        declared = declared_length(scope) if scope["type"] == "http" else None
        if scope["type"] != "http" or scope["method"] in WITHOUT_BODY or declared == 0:
            await self.app(scope, receive, send)
            return
        member = False
        limit = self.limits.visitor_bytes
        if declared is None or declared > limit:  # a large or unsized body: who is sending it?
            member = await self._signed_in(scope)
            limit = self.limits.member_bytes if member else limit
        spool = Spool(self.spool_dir, self.budget)
        try:
            try:
                if declared is not None and declared > limit:
                    raise BodyRefused(413, "")
                if not await receive_body(receive, spool, limit, self.limits):
                    return  # she went away: there is no one to answer
                replay = await spool.replayed(receive)
            except BodyRefused as refused:
                message = refused.message or too_large(self.limits, member=member)
                await _refuse(scope, receive, send, refused.status, message)
                return
            except OSError:  # the disk is full, say: nothing was taken, and she is told so
                await _refuse(scope, receive, send, 503, NO_ROOM)
                return
            await self.app(scope, replay, send)
        finally:
            spool.close()

    async def _signed_in(self, scope: Scope) -> bool:
        """Whether a live session sends the body; a lookup that fails (the database busy or
        away) counts as a visitor's, whose smaller limit is the safe side."""
        try:
            return await asyncio.wait_for(self.signed_in_check(scope), LOOKUP_TIMEOUT_S)
        except (TimeoutError, SQLAlchemyError):
            return False


def body_gate_options(settings: Settings) -> dict[str, Any]:
    """The gate's keyword arguments for `app.add_middleware`."""
    return {"limits": BodyLimits.of(settings), "spool_dir": Path(settings.data_dir) / "tmp"}
