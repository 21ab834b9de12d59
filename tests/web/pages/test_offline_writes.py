"""The vault (on the no-contact page and the drafts page) and check-in forms, sent by a phone
that queued them offline: once per key, on the day she wrote them, and bob's identical key never
touches hers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from anew.method.no_contact.models import CheckIn, Urge
from tests.isolation import assert_isolated
from tests.people import Person, csrf_token

NOW = datetime(2026, 12, 3, 20, 0, tzinfo=UTC)
KEY = "3c9e2d1a-77aa-4f00-8e11-5a5a5a5a5a5a"


@pytest.fixture(autouse=True)
def frozen() -> Iterator[object]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _post(client: TestClient, path: str, form: dict[str, str], key: str = KEY) -> int:
    data = {"csrf_token": csrf_token(client, "/steps/no-contact"), **form}
    answer = client.post(path, data=data, headers={"Idempotency-Key": key}, follow_redirects=False)
    return answer.status_code


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("/steps/no-contact/urge", {"intensity": "8", "message": "Written on the night bus"}),
        ("/steps/before-you-send/vault", {"intensity": "8", "text": "Written on the night bus"}),
    ],
    ids=["no-contact", "before-you-send"],
)
def test_a_vault_message_sent_twice_is_kept_once(
    alice_client: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
    path: str,
    form: dict[str, str],
) -> None:
    assert _post(alice_client, path, form) == 303
    assert _post(alice_client, path, form) == 303
    with factory() as db:
        kept = db.scalars(select(Urge.message).where(Urge.user_id == alice.id)).all()
    assert kept == ["Written on the night bus"]


def test_a_check_in_written_offline_keeps_the_day_she_wrote_it(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    form = {"mood": "4", "day": "2026-12-02"}
    assert _post(alice_client, "/steps/no-contact/checkin", form) == 303
    with factory() as db:
        days = db.scalars(select(CheckIn.day).where(CheckIn.user_id == alice.id)).all()
    assert days == [date(2026, 12, 2)]


def test_a_check_in_for_a_day_still_to_come_is_refused(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    form = {"mood": "4", "day": "2026-12-09"}
    assert _post(alice_client, "/steps/no-contact/checkin", form) == 400
    with factory() as db:
        assert db.scalars(select(CheckIn).where(CheckIn.user_id == alice.id)).all() == []


@pytest.mark.parametrize(
    ("path", "field"),
    [("/steps/no-contact/urge", "message"), ("/steps/before-you-send/vault", "text")],
    ids=["no-contact", "before-you-send"],
)
def test_bobs_identical_key_stores_his_own_message_and_leaves_hers(
    app: FastAPI,
    alice_client: TestClient,
    bob_client: TestClient,
    alice: Person,
    path: str,
    field: str,
) -> None:
    _post(alice_client, path, {"intensity": "6", field: "hers alone"})
    assert_isolated(
        app.state.engine,
        bob_client,
        alice,
        "POST",
        path,
        expect_status=(303,),
        form={"intensity": "2", field: "his"},
        headers={"Idempotency-Key": KEY},
        secrets=("hers alone",),
    )
