from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from tests.isolation import assert_isolated
from tests.people import Person, api_token

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen() -> object:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def test_no_period_is_a_404_and_stage_not_started(alice_api: TestClient) -> None:
    assert alice_api.get("/api/v1/nocontact").status_code == 404
    assert alice_api.get("/api/v1/program").json()["stage"] == "not-started"


def test_start_and_read_the_contract_fields(alice_api: TestClient) -> None:
    started = alice_api.post(
        "/api/v1/nocontact", json={"started_on": "2026-11-16", "target_days": 30}
    )
    assert started.status_code == 201
    body = alice_api.get("/api/v1/nocontact").json()
    assert {
        k: body[k]
        for k in ("started_on", "target_days", "days_done", "days_left", "breaks", "status")
    } == {
        "started_on": "2026-11-16",
        "target_days": 30,
        "days_done": 10,
        "days_left": 20,
        "breaks": 0,
        "status": "active",
    }
    assert alice_api.get("/api/v1/program").json()["stage"] == "no-contact"
    again = alice_api.post("/api/v1/nocontact", json={"target_days": 21})
    assert again.status_code == 409


def test_days_follow_her_time_zone_around_midnight(
    alice_api: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
    frozen: time_machine.Traveller,
) -> None:
    with factory() as db:
        db.execute(update(User).where(User.id == alice.id).values(time_zone="Pacific/Auckland"))
        db.commit()
    frozen.move_to(datetime(2026, 11, 26, 10, 30, tzinfo=UTC))  # 23:30 in Auckland (UTC+13)
    alice_api.post("/api/v1/nocontact", json={"target_days": 21})
    assert alice_api.get("/api/v1/nocontact").json()["started_on"] == "2026-11-26"
    frozen.move_to(datetime(2026, 11, 26, 11, 30, tzinfo=UTC))  # 00:30 the next day there
    assert alice_api.get("/api/v1/nocontact").json()["days_done"] == 1


def test_a_contact_she_starts_restarts_the_count_from_that_day(alice_api: TestClient) -> None:
    alice_api.post("/api/v1/nocontact", json={"started_on": "2026-11-01", "target_days": 30})
    logistics = alice_api.post(
        "/api/v1/contacts",
        json={"at": "2026-11-10T09:00:00Z", "initiator": "me", "logistics": True},
    )
    assert logistics.json()["broke_period"] is False
    slip = alice_api.post(
        "/api/v1/contacts",
        json={
            "at": "2026-11-20T21:00:00Z",
            "initiator": "me",
            "channel": "call",
            "note": "I missed him",
        },
    )
    assert slip.status_code == 201
    assert slip.json()["broke_period"] is True
    body = alice_api.get("/api/v1/nocontact").json()
    assert body["started_on"] == "2026-11-20"
    assert body["breaks"] == 1
    assert body["days_done"] == 6
    assert body["best_streak"] == 19
    assert body["total_days"] == 19 + 6


def test_a_contact_he_starts_never_breaks_it_and_brings_advice(alice_api: TestClient) -> None:
    alice_api.post("/api/v1/nocontact", json={"started_on": "2026-11-20", "target_days": 30})
    contact = alice_api.post(
        "/api/v1/contacts", json={"at": "2026-11-26T08:00:00Z", "initiator": "him"}
    ).json()
    assert contact["broke_period"] is False
    assert "24 days of your no-contact remain" in contact["advice"]
    assert [c["initiator"] for c in alice_api.get("/api/v1/contacts").json()] == ["him"]


def test_a_pause_protects_the_period(alice_api: TestClient) -> None:
    alice_api.post("/api/v1/nocontact", json={"started_on": "2026-11-20", "target_days": 30})
    assert (
        alice_api.post("/api/v1/nocontact/pause", json={"reason": "court date"}).json()["status"]
        == "paused"
    )
    slip = alice_api.post(
        "/api/v1/contacts", json={"at": "2026-11-26T13:00:00Z", "initiator": "me"}
    )
    assert slip.json()["broke_period"] is False
    assert alice_api.post("/api/v1/nocontact/resume").json()["status"] == "active"


def test_urges_the_vault_and_checkins(alice_api: TestClient) -> None:
    alice_api.post("/api/v1/urges", json={"intensity": 7, "trigger": "our song"})
    kept = alice_api.post("/api/v1/urges", json={"intensity": 9, "message": "I still think of you"})
    assert kept.status_code == 201
    assert [u["message"] for u in alice_api.get("/api/v1/vault").json()] == ["I still think of you"]
    assert len(alice_api.get("/api/v1/urges").json()) == 2
    assert alice_api.put("/api/v1/checkins/2026-11-26", json={"mood": 4}).status_code == 200
    assert (
        alice_api.put("/api/v1/checkins/2026-11-26", json={"mood": 6, "note": "better"}).json()[
            "mood"
        ]
        == 6
    )
    assert alice_api.get("/api/v1/checkins").json() == [
        {"day": "2026-11-26", "mood": 6, "note": "better"}
    ]
    assert alice_api.put("/api/v1/checkins/2026-11-27", json={"mood": 6}).status_code == 422
    bad = alice_api.post("/api/v1/urges", json={"intensity": 11})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "intensity"]


def test_bob_never_sees_or_changes_alices_step_one(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    alices = TestClient(app)
    alices.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    alices.post(
        "/api/v1/nocontact",
        json={"started_on": "2026-11-01", "target_days": 30, "his_name": "Marco-secret"},
    )
    alices.post(
        "/api/v1/contacts",
        json={"at": "2026-11-02T10:00:00Z", "initiator": "him", "note": "alice-note"},
    )
    alices.post("/api/v1/urges", json={"intensity": 5, "message": "alice-vault-text"})
    alices.put("/api/v1/checkins/2026-11-25", json={"mood": 3, "note": "alice-mood"})
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    secrets = ["Marco-secret", "alice-note", "alice-vault-text", "alice-mood"]
    engine = app.state.engine
    for path in (
        "/api/v1/contacts",
        "/api/v1/urges",
        "/api/v1/vault",
        "/api/v1/checkins",
        "/api/v1/program",
    ):
        assert_isolated(
            engine,
            client,
            alice,
            "GET",
            path,
            headers=headers,
            expect_status=[200],
            secrets=secrets,
        )
    assert_isolated(
        engine, client, alice, "GET", "/api/v1/nocontact", headers=headers, secrets=secrets
    )
    assert_isolated(
        engine, client, alice, "POST", "/api/v1/nocontact/pause", headers=headers, json={}
    )
    assert_isolated(engine, client, alice, "POST", "/api/v1/nocontact/resume", headers=headers)
    for method, path, body in (
        ("POST", "/api/v1/nocontact", {"target_days": 21}),
        ("POST", "/api/v1/contacts", {"at": "2026-11-03T10:00:00Z", "initiator": "me"}),
        ("POST", "/api/v1/urges", {"intensity": 2}),
        ("PUT", "/api/v1/checkins/2026-11-25", {"mood": 9}),
    ):
        assert_isolated(
            engine,
            client,
            alice,
            method,
            path,
            headers=headers,
            json=body,
            expect_status=[200, 201],
            secrets=secrets,
        )


def test_text_with_a_nul_character_is_a_422_not_a_crash(alice_api: TestClient) -> None:
    response = alice_api.post(
        "/api/v1/nocontact", json={"target_days": 21, "his_name": "Ma\u0000rco"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "his_name"]
    token = alice_api.post("/api/v1/auth/token", json={"email": "a\u0000@x.org", "password": "x"})
    assert token.status_code == 422
    assert alice_api.get("/api/v1/checkins").status_code == 200
    assert alice_api.put("/api/v1/checkins/0", json={"mood": 5}).status_code == 422


def test_a_contact_at_an_impossible_moment_is_a_422(alice_api: TestClient) -> None:
    for moment in ("0001-01-01T00:00:00+01:01", "2030-01-01T00:00:00Z"):
        response = alice_api.post("/api/v1/contacts", json={"initiator": "him", "at": moment})
        assert response.status_code == 422, moment
        assert response.json()["detail"][0]["loc"] == ["body", "at"]
