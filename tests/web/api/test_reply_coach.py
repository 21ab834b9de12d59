from __future__ import annotations

from datetime import UTC, datetime

import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.isolation import assert_isolated
from tests.people import Person, api_token

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
CHAT = "13/03/24, 09:00 - Ana: hi\n13/03/24, 12:00 - Sam: hey there\n13/03/24, 12:30 - Ana: ok\n"


def test_the_coach_uses_his_pace_from_her_imported_chat(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    with time_machine.travel(NOW, tick=False):
        default = client.post(
            "/api/v1/replies/coach", json={"his_message": "hey, how are you doing?"}
        ).json()
        assert default["verdict"] == "wait"
        assert default["earliest"] == "2026-11-26T14:00:00Z"
        assert default["max_words"] == 5
        client.post("/api/v1/chats", files={"file": ("c.txt", CHAT.encode())}, data={"me": "Ana"})
        paced = client.post("/api/v1/replies/coach", json={"his_message": "hey"}).json()
        assert paced["earliest"] == "2026-11-26T15:00:00Z"  # Sam took three hours to answer her
        client.post("/api/v1/nocontact", json={"target_days": 30})
        held = client.post("/api/v1/replies/coach", json={"his_message": "hey"}).json()
        assert held["verdict"] == "dont_reply"


def test_bob_gets_advice_from_his_own_data_only(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    alices = TestClient(app)
    alices.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    alices.post("/api/v1/nocontact", json={"target_days": 30})
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    response = assert_isolated(
        app.state.engine,
        client,
        alice,
        "POST",
        "/api/v1/replies/coach",
        headers=headers,
        json={"his_message": "hi"},
        expect_status=[200],
    )
    assert response.json()["verdict"] != "dont_reply"  # alice's no-contact is not bob's
