"""The vault looking back through the API: the choice (off by default, a JSON true or false, 422
naming the field otherwise), the `looking_back` field of Today and its shape, nothing in safety
mode, and bob never seeing alice's vault or changing her choice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from tests.isolation import assert_isolated
from tests.people import Person, api_token

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)  # day 7 of a path begun on 20 November
ROUTE = "/api/v1/vault/looking-back"
MESSAGE = "Please, can we talk one more time?"


@pytest.fixture(autouse=True)
def frozen() -> Iterator[Any]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def keep_a_week_ago(api: TestClient, frozen: Any, message: str = MESSAGE) -> None:
    """Her path begins on 19 November and that evening she keeps a message instead of sending it,
    checking in at 3; today, 26 November, is day 8 of her path."""
    started = api.post("/api/v1/nocontact", json={"started_on": "2026-11-19", "target_days": 30})
    assert started.status_code == 201, started.text
    frozen.move_to(datetime(2026, 11, 19, 21, 0, tzinfo=UTC))
    assert api.post("/api/v1/urges", json={"intensity": 8, "message": message}).status_code == 201
    assert api.put("/api/v1/checkins/2026-11-19", json={"mood": 3}).status_code == 200
    frozen.move_to(NOW)


def test_it_is_off_until_she_turns_it_on(alice_api: TestClient) -> None:
    assert alice_api.get(ROUTE).json() == {"enabled": False}
    turned = alice_api.put(ROUTE, json={"enabled": True})
    assert (turned.status_code, turned.json()) == (200, {"enabled": True})
    assert alice_api.get(ROUTE).json() == {"enabled": True}
    assert alice_api.put(ROUTE, json={"enabled": False}).json() == {"enabled": False}
    assert alice_api.get(ROUTE).json() == {"enabled": False}


@pytest.mark.parametrize(
    "body", [{"enabled": "yes"}, {"enabled": 1}, {"enabled": None}, {}, {"on": True}]
)
def test_anything_but_true_or_false_is_a_422_naming_the_field(
    alice_api: TestClient, body: dict[str, Any]
) -> None:
    alice_api.put(ROUTE, json={"enabled": True})
    refused = alice_api.put(ROUTE, json=body)
    assert refused.status_code == 422
    assert ["body", "enabled"] in [problem["loc"] for problem in refused.json()["detail"]]
    assert alice_api.get(ROUTE).json() == {"enabled": True}


def test_today_brings_back_her_message_once_she_turns_it_on(
    alice_api: TestClient, frozen: Any
) -> None:
    keep_a_week_ago(alice_api, frozen)
    assert alice_api.get("/api/v1/today").json()["looking_back"] is None  # off by default
    alice_api.put(ROUTE, json={"enabled": True})
    body = alice_api.get("/api/v1/today").json()
    assert body["day"] == 8
    vault_id = alice_api.get("/api/v1/vault").json()[0]["id"]
    assert body["looking_back"] == {
        "day": 7,
        "entry": {"id": vault_id, "text": MESSAGE, "written_on": "2026-11-19"},
        "mood_then": 3,
        "mood_now": None,
        "question": "How does this read to you now?",
    }
    alice_api.put("/api/v1/checkins/2026-11-26", json={"mood": 6})
    assert alice_api.get("/api/v1/today").json()["looking_back"]["mood_now"] == 6


def test_after_the_grace_days_today_is_quiet_again(alice_api: TestClient, frozen: Any) -> None:
    keep_a_week_ago(alice_api, frozen)
    alice_api.put(ROUTE, json={"enabled": True})
    frozen.move_to(datetime(2026, 11, 27, 12, 0, tzinfo=UTC))  # day 9: the last grace day
    assert alice_api.get("/api/v1/today").json()["looking_back"]["day"] == 7
    frozen.move_to(datetime(2026, 11, 28, 12, 0, tzinfo=UTC))  # day 10
    assert alice_api.get("/api/v1/today").json()["looking_back"] is None


def test_safety_mode_brings_nothing_back(
    alice_api: TestClient, frozen: Any, factory: sessionmaker[Session], alice: Person
) -> None:
    keep_a_week_ago(alice_api, frozen)
    alice_api.put(ROUTE, json={"enabled": True})
    with factory() as db:
        db.execute(update(User).where(User.id == alice.id).values(safety_mode=True))
        db.commit()
    body = alice_api.get("/api/v1/today").json()
    assert (body["stage"], body["looking_back"]) == ("safety", None)
    assert MESSAGE not in str(body)


def test_bob_never_sees_alices_vault_or_changes_her_choice(
    app: FastAPI,
    client: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
    bob: Person,
    frozen: Any,
) -> None:
    alices = TestClient(app)
    alices.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    keep_a_week_ago(alices, frozen, "alice-vault-words")
    alices.put(ROUTE, json={"enabled": True})
    bobs = TestClient(app)
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    bobs.headers.update(headers)
    bobs.post("/api/v1/nocontact", json={"started_on": "2026-11-19", "target_days": 30})
    bobs.put(ROUTE, json={"enabled": True})  # his own vault is empty
    engine = app.state.engine
    secrets = ["alice-vault-words"]
    seen = assert_isolated(
        engine,
        client,
        alice,
        "GET",
        "/api/v1/vault/looking-back",
        headers=headers,
        expect_status=[200],
        secrets=secrets,
    )
    assert seen.json() == {"enabled": True}  # his own choice
    turned = assert_isolated(
        engine,
        client,
        alice,
        "PUT",
        "/api/v1/vault/looking-back",
        headers=headers,
        json={"enabled": False},
        expect_status=[200],
        secrets=secrets,
    )
    assert turned.json() == {"enabled": False}
    today = assert_isolated(
        engine,
        client,
        alice,
        "GET",
        "/api/v1/today",
        headers=headers,
        expect_status=[200],
        secrets=secrets,
    )
    assert today.json()["looking_back"] is None
    assert alices.get(ROUTE).json() == {"enabled": True}
    assert alices.get("/api/v1/today").json()["looking_back"]["entry"]["text"] == (
        "alice-vault-words"
    )
