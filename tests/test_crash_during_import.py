"""SIGKILL in the middle of a 1M-message import: after a restart nothing of that import exists,
the database passes its integrity check, and the same import then succeeds."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2
import pytest
from sqlalchemy import create_engine, text

from tests.databases import postgres_database, sqlite_database
from tests.servers import server_processes, signed_up_token

pytestmark = pytest.mark.processes

MESSAGES = 1_000_000
PASSWORD = "a long and gentle phrase"


@pytest.fixture(scope="module")
def million(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A WhatsApp export of a million messages, two people, a minute or so apart."""
    path = tmp_path_factory.mktemp("export") / "chat.txt"
    start = datetime(2020, 1, 1, 8, 0)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(MESSAGES):
            stamp = start + timedelta(seconds=47 * number)
            sender = "Ana" if number % 3 else "Sam"
            handle.write(f"{stamp:%d/%m/%Y, %H:%M} - {sender}: message number {number}\n")
    return path


DATABASES: dict[str, Callable[[Path], AbstractContextManager[str]]] = {
    "sqlite": sqlite_database,
    "postgresql": lambda _folder: postgres_database(),
}


@pytest.fixture(params=sorted(DATABASES))
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    with DATABASES[request.param](tmp_path) as url:
        yield request.param, url


def _upload(base: str, token: str, path: Path, key: str) -> httpx2.Response:
    with path.open("rb") as handle, httpx2.Client(base_url=base, timeout=300) as client:
        return client.post(
            "/api/v1/chats",
            headers={"Authorization": f"Bearer {token}"},
            files={"file": ("chat.txt", handle)},
            data={"progress": key},
        )


def _in_the_middle(kind: str, url: str, progress: dict[str, Any], data_dir: Path) -> bool:
    """The import is writing its rows, uncommitted: PostgreSQL has said how many it stored;
    on SQLite (no row counts while it stores) the write-ahead log is filling up."""
    if progress.get("stage") != "storing":
        return False
    if kind == "postgresql":
        return int(progress["done"]) > 0
    wal = Path(url.removeprefix("sqlite:///") + "-wal")
    return wal.exists() and wal.stat().st_size > 8 * 1024 * 1024


def _integrity_problems(kind: str, url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            if kind == "sqlite":
                checked = connection.execute(text("PRAGMA integrity_check")).scalars().all()
                broken = connection.execute(text("PRAGMA foreign_key_check")).all()
                return [row for row in checked if row != "ok"] + [repr(row) for row in broken]
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS amcheck"))
            indexes = connection.execute(
                text(
                    "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    "JOIN pg_class t ON t.oid = i.indrelid "
                    "WHERE t.relname IN ('chat_imports', 'chat_messages', 'users')"
                )
            ).scalars()
            problems = []
            for index in indexes:
                try:
                    connection.execute(
                        text("SELECT bt_index_check(CAST(:i AS regclass), true)"), {"i": index}
                    )
                except Exception as error:  # every failure is a finding
                    problems.append(f"{index}: {error}")
            connection.commit()
            return problems
    finally:
        engine.dispose()


def _stored(url: str) -> tuple[int, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            imports = connection.execute(text("SELECT count(*) FROM chat_imports")).scalar_one()
            rows = connection.execute(text("SELECT count(*) FROM chat_messages")).scalar_one()
            return int(imports), int(rows)
    finally:
        engine.dispose()


def test_a_killed_import_leaves_nothing_behind_and_then_succeeds(
    database: tuple[str, str], million: Path, tmp_path: Path
) -> None:
    kind, url = database
    with server_processes(url, tmp_path, count=1) as [(base, process)]:
        token = signed_up_token(base, "ann@example.org", PASSWORD)
        outcome: list[object] = []
        upload = threading.Thread(
            target=lambda: outcome.append(
                _safely(lambda: _upload(base, token, million, "crash-01"))
            )
        )
        upload.start()
        seen: dict[str, Any] = {}
        deadline = time.monotonic() + 240
        with httpx2.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as api:
            while not _in_the_middle(kind, url, seen, tmp_path):
                assert time.monotonic() < deadline, f"the import never got to storing: {seen}"
                answer = api.get("/api/v1/chats/progress/crash-01", timeout=10)
                seen = answer.json() if answer.status_code == 200 else {}
                assert seen.get("state") != "done", "the import finished before it was killed"
                time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        upload.join(timeout=60)
    assert outcome
    assert isinstance(outcome[0], httpx2.HTTPError)  # the answer never came
    assert _stored(url) == (0, 0)
    assert _integrity_problems(kind, url) == []

    with server_processes(url, tmp_path, count=1) as [(base, _process)]:
        with httpx2.Client(base_url=base) as client:
            token = client.post(
                "/api/v1/auth/token", json={"email": "ann@example.org", "password": PASSWORD}
            ).json()["access_token"]
        again = _upload(base, token, million, "crash-02")
        assert again.status_code == 201, again.text
        assert again.json()["messages"] == MESSAGES
    assert _stored(url) == (1, MESSAGES)
    assert _integrity_problems(kind, url) == []


def _safely(call: Callable[[], object]) -> object:
    try:
        return call()
    except httpx2.HTTPError as error:
        return error
