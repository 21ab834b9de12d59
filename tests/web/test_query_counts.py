"""The pages under load read a fixed number of statements, however much data she has (no N+1)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from tests.people import Person, api_token, sign_in

CHAT = "".join(
    f"13/03/24, 09:{minute:02d} - {'Ana' if minute % 2 else 'Sam'}: hello {minute}\n"
    for minute in range(40)
)
MOST_STATEMENTS = 8  # what one page may read, whatever she has stored


@contextmanager
def statements(app: FastAPI) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(str(args[2]))

    event.listen(app.state.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(app.state.engine, "before_cursor_execute", record)


def _add_days(api: TestClient, first: date, days: int) -> None:
    for offset in range(days):
        day = first + timedelta(days=offset)
        assert api.put(f"/api/v1/checkins/{day}", json={"mood": 5}).status_code == 200
        urge = {"intensity": 4, "message": f"I miss you ({offset})"}
        assert api.post("/api/v1/urges", json=urge).status_code == 201
        # The dashboard lists today's habits: more habits must not mean more statements.
        assert api.post("/api/v1/habits", json={"title": f"Walk {offset}"}).status_code == 201


def _counts(app: FastAPI, page: TestClient, api: TestClient, chat_id: int) -> dict[str, int]:
    counts = {}
    for name, client, path in (
        ("dashboard", page, "/dashboard"),
        ("program", api, "/api/v1/program"),
        ("metrics", api, f"/api/v1/chats/{chat_id}/metrics"),
    ):
        with statements(app) as seen:
            assert client.get(path).status_code == 200
        counts[name] = len(seen)
    return counts


def test_the_dashboard_program_and_metrics_read_the_same_few_statements_for_a_year_of_data(
    app: FastAPI, factory: sessionmaker[Session], alice: Person
) -> None:
    with TestClient(app) as page, TestClient(app) as api:
        sign_in(page, alice)
        api.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
        first = date.today() - timedelta(days=60)
        started = {"started_on": str(first), "target_days": 90}
        assert api.post("/api/v1/nocontact", json=started).status_code == 201
        chat = api.post("/api/v1/chats", files={"file": ("chat.txt", CHAT.encode())})
        chat_id = chat.json()["id"]
        _add_days(api, first, 2)
        few = _counts(app, page, api, chat_id)
        _add_days(api, first + timedelta(days=2), 40)
        many = _counts(app, page, api, chat_id)
        dashboard = page.get("/dashboard").text
    assert "42 unsent messages" in dashboard  # the count is right, not just cheap
    assert many == few, f"more data, more statements: {few} -> {many}"
    assert max(many.values()) <= MOST_STATEMENTS, many
