from __future__ import annotations

from datetime import UTC, datetime

import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.isolation import assert_isolated
from tests.people import Person, api_token

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def test_the_check_takes_her_own_state_when_not_given(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    with time_machine.travel(NOW, tick=False):
        fine = client.post(
            "/api/v1/drafts/check", json={"text": "Sounds good, see you then."}
        ).json()
        assert fine == {"verdict": "send", "flags": [], "suggestion": None}
        needy = client.post("/api/v1/drafts/check", json={"text": "I miss you"}).json()
        assert needy["verdict"] == "rewrite"
        assert needy["flags"][0] == {
            "code": "needy",
            "message": needy["flags"][0]["message"],
            "start": 0,
            "end": 10,
            "why": needy["flags"][0]["why"],
            "spans": [{"start": 0, "end": 10}],
        }
        client.post(
            "/api/v1/contacts",
            json={"at": "2026-11-26T10:00:00Z", "initiator": "me", "logistics": True},
        )
        assert client.post("/api/v1/drafts/check", json={"text": "Ok."}).json()["verdict"] == "wait"
        client.post("/api/v1/nocontact", json={"target_days": 30})
        assert (
            client.post("/api/v1/drafts/check", json={"text": "Ok."}).json()["verdict"]
            == "dont_send"
        )
        given = client.post(
            "/api/v1/drafts/check",
            json={"text": "Ok.", "stage": "reconnecting", "last_from": "him"},
        )
        assert given.json()["verdict"] == "send"


def test_bob_is_checked_against_his_own_state(
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
        "/api/v1/drafts/check",
        headers=headers,
        json={"text": "Ok."},
        expect_status=[200],
    )
    assert response.json()["verdict"] != "dont_send"
