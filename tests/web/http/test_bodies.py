"""Limits on request bodies come before any reading, for every route, chunked or not."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from starlette.types import Message, Receive, Scope, Send

from anew.chats.models import ChatImport
from anew.config import Settings
from anew.web.app import create_app
from anew.web.http.bodies import BodyGate, BodyLimits, MemoryBudget, Spool
from tests.people import Person, csrf_token, page_text, sign_in

MB = 1024 * 1024
BOUNDARY = "anew-test-boundary"


def _multipart(size: int, chunk: int = 256 * 1024) -> Iterator[bytes]:
    """A multipart upload of `size` bytes of chat, sent in chunks with no Content-Length."""
    yield (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
        f'filename="chat.txt"\r\nContent-Type: text/plain\r\n\r\n'
    ).encode()
    line = b"13/03/24, 09:00 - Ana: morning!\n"
    sent = 0
    while sent < size:
        yield line * (chunk // len(line))
        sent += chunk
    yield f"\r\n--{BOUNDARY}--\r\n".encode()


def _field(name: str, value: str) -> str:
    return f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'


def _spooled(settings: Settings) -> list[Path]:
    folder = Path(settings.data_dir) / "tmp"
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def test_a_visitor_cannot_send_a_large_body_to_any_route(
    app: FastAPI, client: TestClient, settings: Settings
) -> None:
    reached: list[str] = []

    @app.post("/api/v1/probe")
    async def probe() -> dict[str, str]:
        reached.append("probe")
        return {}

    big = b"{" + b" " * (settings.max_visitor_body_kb * 1024 + 1) + b"}"
    for path in ("/api/v1/auth/token", "/api/v1/import", "/login", "/api/v1/probe"):
        answer = client.post(path, content=big, headers={"content-type": "application/json"})
        assert answer.status_code == 413, path
    assert reached == []
    assert "please log in first" in client.post("/api/v1/probe", content=big).json()["detail"]
    small = client.post("/api/v1/auth/token", json={"email": "a@example.org", "password": "x"})
    assert small.status_code == 401  # within the limit, the route answers as ever


def test_a_visitors_chunked_upload_is_refused_before_it_is_stored(
    client: TestClient, settings: Settings
) -> None:
    answer = client.post(
        "/api/v1/import",
        content=_multipart(3 * MB),
        headers={"content-type": f"multipart/form-data; boundary={BOUNDARY}"},
    )
    assert answer.status_code == 413
    assert _spooled(settings) == []


def test_a_chunked_upload_over_her_limit_is_refused(
    settings: Settings, alice: Person, db: Session
) -> None:
    small = create_app(settings.model_copy(update={"max_upload_mb": 1}))
    with TestClient(small) as client:
        sign_in(client, alice)
        token = csrf_token(client, "/chats")
        head = _field("csrf_token", token)
        answer = client.post(
            "/chats",
            content=iter([head.encode(), *_multipart(4 * MB)]),
            headers={"content-type": f"multipart/form-data; boundary={BOUNDARY}"},
        )
        assert answer.status_code == 413
        assert "larger than 1 MB" in page_text(answer.text)
    small.state.engine.dispose()
    assert db.scalar(select(func.count()).select_from(ChatImport)) == 0
    assert _spooled(settings) == []


def test_a_chunked_upload_within_her_limit_is_taken(
    settings: Settings, alice: Person, db: Session
) -> None:
    with TestClient(create_app(settings)) as client:
        sign_in(client, alice)
        token = csrf_token(client, "/chats")
        head = _field("csrf_token", token)
        answer = client.post(
            "/chats",
            content=iter([head.encode(), *_multipart(2 * MB)]),
            headers={"content-type": f"multipart/form-data; boundary={BOUNDARY}"},
            follow_redirects=False,
        )
        assert answer.status_code == 303, answer.text[:300]
        client.app.state.engine.dispose()  # type: ignore[attr-defined]
    assert db.scalar(select(func.count()).select_from(ChatImport)) == 1
    assert _spooled(settings) == []  # the spool went with the request


def test_the_gate_stops_reading_at_the_limit_and_never_calls_the_app(tmp_path: Path) -> None:
    """Straight on the gate (the test client reads a whole body before the app sees it)."""
    called: list[str] = []
    sent: list[dict[str, object]] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        called.append(scope["path"])

    chunks = 0

    async def receive() -> Message:
        nonlocal chunks
        chunks += 1
        return {"type": "http.request", "body": b"x" * 65536, "more_body": chunks < 1000}

    async def send(message: Message) -> None:
        sent.append(message)

    async def member(_scope: Scope) -> bool:
        return True

    limits = BodyLimits(1024, 2 * MB, 1, idle_s=5, min_rate=1024)
    gate = BodyGate(app, limits=limits, spool_dir=tmp_path, signed_in_check=member)
    scope = {"type": "http", "method": "POST", "path": "/api/v1/chats", "headers": []}
    asyncio.run(gate(scope, receive, send))
    assert called == []
    assert sent[0]["status"] == 413
    assert chunks == 2 * MB // 65536 + 1  # one chunk past the limit, not the thousand sent
    assert list(tmp_path.iterdir()) == []  # the spool went with the refusal


def _run_gate(gate: BodyGate, body_chunks: int, declared: int | None = None) -> list[Message]:
    """What the gate sends for a POST of `body_chunks` pieces of 64 KB."""
    sent: list[Message] = []
    chunks = 0

    async def receive() -> Message:
        nonlocal chunks
        chunks += 1
        more = chunks < body_chunks
        return {"type": "http.request", "body": b"x" * 65536, "more_body": more}

    async def send(message: Message) -> None:
        sent.append(message)

    headers = [] if declared is None else [(b"content-length", str(declared).encode())]
    scope = {"type": "http", "method": "POST", "path": "/api/v1/chats", "headers": headers}
    asyncio.run(gate(scope, receive, send))
    return sent


def test_a_full_disk_is_a_kind_503_and_nothing_is_taken(tmp_path: Path) -> None:
    reached: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        reached.append("app")

    async def member(_scope: Scope) -> bool:
        return True

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the spool folder should be")
    limits = BodyLimits(1024, 8 * MB, 8, idle_s=5, min_rate=1024)
    gate = BodyGate(app, limits=limits, spool_dir=blocked / "tmp", signed_in_check=member)
    sent = _run_gate(gate, body_chunks=40)  # 2.5 MB: past what is kept in memory
    assert reached == []
    assert sent[0]["status"] == 503
    assert b"nothing was saved" in b"".join(m.get("body", b"") for m in sent)


def test_a_session_lookup_that_fails_counts_as_a_visitors_body(tmp_path: Path) -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        raise AssertionError("the app must not be reached")

    async def failing(_scope: Scope) -> bool:
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    limits = BodyLimits(1024, 8 * MB, 8, idle_s=5, min_rate=1024)
    gate = BodyGate(app, limits=limits, spool_dir=tmp_path, signed_in_check=failing)
    sent = _run_gate(gate, body_chunks=2, declared=2 * 65536)
    assert sent[0]["status"] == 413


def test_bodies_past_the_memory_budget_wait_on_disk_and_give_it_back(tmp_path: Path) -> None:
    """Many connections each sending a visitor's 256 KB can't fill the memory: once the bodies
    being received hold the budget, the next waits in a private file."""

    async def receive_two() -> tuple[Spool, Spool, int, int]:
        budget = MemoryBudget(300 * 1024)
        first, second = Spool(tmp_path, budget), Spool(tmp_path, budget)
        await first.write(b"a" * 200 * 1024)
        await second.write(b"b" * 200 * 1024)  # over the budget: to a file
        held = budget.held
        replay = await second.replayed(_nothing_more)
        body = b""
        while True:
            message = await replay()
            body += message["body"]
            if not message["more_body"]:
                break
        assert body == b"b" * 200 * 1024
        first.close()
        second.close()
        return first, second, held, budget.held

    first, second, held, left = asyncio.run(receive_two())
    assert first.file is None
    assert second.file is not None
    assert held == 200 * 1024  # the first body's, in memory
    assert left == 0  # and given back when both ended


async def _nothing_more() -> Message:
    return {"type": "http.disconnect"}
