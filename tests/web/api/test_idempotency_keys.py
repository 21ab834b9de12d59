"""Writes made offline carry an Idempotency-Key: sent again, the vault message or the check-in is
stored once, and another person's identical key neither collides with hers nor reads it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from anew.method.no_contact.models import CheckIn, Urge
from anew.sent_once.models import SentKey
from tests.isolation import assert_isolated
from tests.people import Person, api_token

NOW = datetime(2026, 12, 3, 20, 0, tzinfo=UTC)
KEY = "6f1d0c1e-4b7a-4c55-9a39-0d2c3f1b7a10"
VAULT = {"intensity": 7, "message": "I still think of the lake house"}


@pytest.fixture(autouse=True)
def frozen() -> Iterator[object]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _api(app: FastAPI, factory: sessionmaker[Session], person: Person) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        client.headers["Authorization"] = f"Bearer {api_token(factory, person)}"
        yield client


@pytest.fixture
def alice_api(app: FastAPI, factory: sessionmaker[Session], alice: Person) -> Iterator[TestClient]:
    yield from _api(app, factory, alice)


@pytest.fixture
def bob_api(app: FastAPI, factory: sessionmaker[Session], bob: Person) -> Iterator[TestClient]:
    yield from _api(app, factory, bob)


def _count(factory: sessionmaker[Session], model: type[Urge | CheckIn], user_id: int) -> int:
    with factory() as db:
        return int(db.scalar(select(func.count()).where(model.user_id == user_id)) or 0)


def test_it_stores_a_resent_vault_message_once(
    alice_api: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    first = alice_api.post("/api/v1/urges", json=VAULT, headers={"Idempotency-Key": KEY})
    again = alice_api.post("/api/v1/urges", json=VAULT, headers={"Idempotency-Key": KEY})
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert _count(factory, Urge, alice.id) == 1


def test_it_stores_two_writes_with_two_keys_twice(
    alice_api: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    for key in ("key-one", "key-two"):
        alice_api.post("/api/v1/urges", json=VAULT, headers={"Idempotency-Key": key})
    alice_api.post("/api/v1/urges", json=VAULT)  # no key: every send is a new one
    assert _count(factory, Urge, alice.id) == 3


def test_a_resent_check_in_never_undoes_a_later_edit(
    alice_api: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    queued = {"mood": 3, "note": "written on the train"}
    alice_api.put("/api/v1/checkins/2026-12-03", json=queued, headers={"Idempotency-Key": KEY})
    alice_api.put("/api/v1/checkins/2026-12-03", json={"mood": 6, "note": "better tonight"})
    again = alice_api.put(
        "/api/v1/checkins/2026-12-03", json=queued, headers={"Idempotency-Key": KEY}
    )
    assert again.status_code == 200
    assert again.json()["mood"] == 6
    with factory() as db:
        rows = db.scalars(select(CheckIn).where(CheckIn.user_id == alice.id)).all()
    assert [(row.mood, row.note) for row in rows] == [(6, "better tonight")]


def test_a_key_used_for_one_kind_of_write_is_refused_for_another(alice_api: TestClient) -> None:
    alice_api.post("/api/v1/urges", json=VAULT, headers={"Idempotency-Key": KEY})
    clash = alice_api.put(
        "/api/v1/checkins/2026-12-03", json={"mood": 5}, headers={"Idempotency-Key": KEY}
    )
    assert clash.status_code == 409
    assert "Idempotency-Key" in clash.json()["detail"]


@pytest.mark.parametrize("key", ["", "has space", "x" * 101, "semi;colon"])
def test_a_malformed_key_is_refused_saying_where(
    alice_api: TestClient, factory: sessionmaker[Session], alice: Person, key: str
) -> None:
    answer = alice_api.post("/api/v1/urges", json=VAULT, headers={"Idempotency-Key": key})
    assert answer.status_code == 422
    assert "Idempotency-Key" in answer.text
    assert _count(factory, Urge, alice.id) == 0


def test_bobs_identical_key_is_his_own_and_never_reads_hers(
    app: FastAPI,
    alice_api: TestClient,
    bob_api: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
    bob: Person,
) -> None:
    hers = alice_api.post("/api/v1/urges", json=VAULT, headers={"Idempotency-Key": KEY}).json()
    assert_isolated(
        app.state.engine,
        bob_api,
        alice,
        "POST",
        "/api/v1/urges",
        expect_status=(201,),
        json={"intensity": 2, "message": "his own words"},
        headers={"Idempotency-Key": KEY},
        secrets=(VAULT["message"],),
    )
    his = bob_api.get("/api/v1/vault").json()
    assert [urge["message"] for urge in his] == ["his own words"]
    assert his[0]["id"] != hers["id"]
    with factory() as db:
        keys = db.scalars(select(SentKey).where(SentKey.key == KEY)).all()
    assert sorted(row.user_id for row in keys) == sorted([alice.id, bob.id])
    assert _count(factory, Urge, bob.id) == 1


def test_bob_sending_her_check_in_key_gets_his_own_check_in(
    app: FastAPI, alice_api: TestClient, bob_api: TestClient, alice: Person
) -> None:
    alice_api.put("/api/v1/checkins/2026-12-03", json={"mood": 2}, headers={"Idempotency-Key": KEY})
    answer = assert_isolated(
        app.state.engine,
        bob_api,
        alice,
        "PUT",
        "/api/v1/checkins/2026-12-03",
        expect_status=(200,),
        json={"mood": 9},
        headers={"Idempotency-Key": KEY},
    )
    assert answer.json()["mood"] == 9
