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


def _as(client: TestClient, factory: sessionmaker[Session], person: Person) -> TestClient:
    client.headers["Authorization"] = f"Bearer {api_token(factory, person)}"
    return client


def test_an_empty_or_over_long_draft_is_refused_on_its_field(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    _as(client, factory, alice)
    for text, words in (("   ", "nothing to look at"), ("x" * 20001, "over 20,000 characters")):
        response = client.post("/api/v1/drafts/check", json={"text": text})
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert detail[0]["loc"][-1] == "text"
        assert words in detail[0]["msg"]
    assert client.post("/api/v1/drafts/check", json={"text": "x" * 20000}).status_code == 200


@pytest.mark.parametrize(
    ("text", "verdict", "flags", "suggestion"),
    [
        # a calmer version, and every phrase of each flag
        (
            "Sorry, could you move the van?",
            "rewrite",
            [("apology", [(0, 5)])],
            "Could you move the van?",
        ),
        # a draft not in English is answered plainly
        ("Ich vermisse dich so sehr, bitte ruf mich an", "unread", [("not_english", [])], None),
    ],
    ids=["calmer-version", "not-english"],
)
def test_the_answer_says_the_verdict_each_flag_with_its_phrases_and_any_calmer_version(
    client: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
    text: str,
    verdict: str,
    flags: list[tuple[str, list[tuple[int, int]]]],
    suggestion: str | None,
) -> None:
    _as(client, factory, alice)
    with time_machine.travel(NOW, tick=False):
        body = client.post("/api/v1/drafts/check", json={"text": text, "last_from": "him"}).json()
    assert body["verdict"] == verdict
    assert [
        (flag["code"], [(span["start"], span["end"]) for span in flag["spans"]])
        for flag in body["flags"]
    ] == flags
    assert all(flag["why"] for flag in body["flags"])
    assert body["suggestion"] == suggestion


def _late_in(
    client: TestClient, factory: sessionmaker[Session], alice: Person, time_zone: str, at: str
) -> bool:
    with factory() as db:
        db.execute(update(User).where(User.id == alice.id).values(time_zone=time_zone))
        db.commit()
    with time_machine.travel(NOW, tick=False):
        body = client.post(
            "/api/v1/drafts/check", json={"text": "Ok.", "at": at, "last_from": "him"}
        ).json()
    return "late_night" in [flag["code"] for flag in body["flags"]]


def test_a_time_without_an_offset_is_her_own_local_time(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    _as(client, factory, alice)
    # 23:30 where she lives is late, whatever UTC says (in New York that is 04:30 UTC).
    assert _late_in(client, factory, alice, "America/New_York", "2026-11-25T23:30:00")
    assert not _late_in(client, factory, alice, "America/New_York", "2026-11-25T14:00:00")
    # With an offset or Z, the moment is turned into her zone: 14:00 UTC is 09:00 in New York,
    # 04:00 UTC is 23:00 there.
    assert not _late_in(client, factory, alice, "America/New_York", "2026-11-25T14:00:00Z")
    assert _late_in(client, factory, alice, "America/New_York", "2026-11-26T04:00:00Z")
    assert _late_in(client, factory, alice, "Asia/Tokyo", "2026-11-25T15:30:00+01:00")


def test_his_last_message_given_means_he_wrote_last(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    _as(client, factory, alice)
    with time_machine.travel(NOW, tick=False):
        client.post(
            "/api/v1/contacts",
            json={"at": "2026-11-26T10:00:00Z", "initiator": "me", "logistics": True},
        )
        check = {"text": "Sounds good.", "his_last": "See you at 5?"}
        assert client.post("/api/v1/drafts/check", json=check).json()["verdict"] == "send"
        mine = client.post("/api/v1/drafts/check", json={**check, "last_from": "me"}).json()
        assert mine["verdict"] == "wait"


def test_during_no_contact_her_words_are_read_beside_dont_send(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    _as(client, factory, alice)
    with time_machine.travel(NOW, tick=False):
        client.post("/api/v1/nocontact", json={"target_days": 30})
        body = client.post("/api/v1/drafts/check", json={"text": "I miss you"}).json()
    assert body["verdict"] == "dont_send"
    assert [flag["code"] for flag in body["flags"]] == ["no_contact", "needy"]
    assert body["suggestion"] is None
