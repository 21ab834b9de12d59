"""Today and the path through the API: the contract's fields, the day across a slip, a card not
yet reached, safety mode's own path, the milestone with her numbers, and bob never seeing hers."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from anew.method.path.cards import deck
from anew.method.path.service import milestone_on
from tests.isolation import assert_isolated
from tests.people import Person, api_token

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
CARD_FIELDS = {"day", "title", "read", "do", "ask"}


@pytest.fixture
def alice_api(client: TestClient, factory: sessionmaker[Session], alice: Person) -> TestClient:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    return client


@pytest.fixture(autouse=True)
def frozen() -> object:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def start(api: TestClient, on: str, target: int = 30) -> None:
    started = api.post("/api/v1/nocontact", json={"started_on": on, "target_days": target})
    assert started.status_code == 201, started.text


def test_before_she_starts_today_has_no_day_or_card(alice_api: TestClient) -> None:
    body = alice_api.get("/api/v1/today").json()
    assert body == {
        "day": None,
        "stage": "not-started",
        "days_left": None,
        "card": None,
        "checkin": None,
        "habits": [],
        "milestone": None,
        "looking_back": None,
    }
    assert alice_api.get("/api/v1/path").json() == {"day": None, "started_on": None, "cards": []}
    missing = alice_api.get("/api/v1/path/1")
    assert missing.status_code == 404
    assert missing.json()["detail"] == "Your path begins on the day you start no contact."


def test_today_answers_the_contract_fields(alice_api: TestClient) -> None:
    start(alice_api, "2026-11-20")
    alice_api.put("/api/v1/checkins/2026-11-26", json={"mood": 6, "note": "steadier"})
    walk = alice_api.post("/api/v1/habits", json={"title": "Walk"}).json()
    read = alice_api.post("/api/v1/habits", json={"title": "Read"}).json()
    alice_api.put(f"/api/v1/habits/{walk['id']}/days/2026-11-26", json={"status": "done"})
    body = alice_api.get("/api/v1/today").json()
    assert set(body) == {
        "day",
        "stage",
        "days_left",
        "card",
        "checkin",
        "habits",
        "milestone",
        "looking_back",
    }
    assert (body["day"], body["stage"], body["days_left"]) == (7, "no-contact", 24)
    assert set(body["card"]) >= CARD_FIELDS
    assert body["card"]["day"] == 7
    assert body["card"]["title"] == deck().first[6].title
    assert body["card"]["path"] == "first"
    assert body["card"]["link"].startswith("/")
    assert body["checkin"] == {"day": "2026-11-26", "mood": 6, "note": "steadier"}
    assert body["habits"] == [
        {"id": walk["id"], "title": "Walk", "done_today": True},
        {"id": read["id"], "title": "Read", "done_today": False},
    ]
    # Six days without contact today: no milestone falls on day 6.
    assert body["milestone"] is None


def test_the_milestone_of_the_day_comes_with_her_numbers(alice_api: TestClient) -> None:
    start(alice_api, "2026-11-19")  # seven days without contact today
    for _ in range(3):
        alice_api.post("/api/v1/urges", json={"intensity": 6})
    habit = alice_api.post("/api/v1/habits", json={"title": "Stretch"}).json()
    for day in ("2026-11-24", "2026-11-25"):
        alice_api.put(f"/api/v1/habits/{habit['id']}/days/{day}", json={"status": "done"})
    alice_api.put(f"/api/v1/habits/{habit['id']}/days/2026-11-26", json={"status": "skipped"})
    milestone = alice_api.get("/api/v1/today").json()["milestone"]
    assert milestone == {
        "days": 7,
        "is_target": False,
        "title": "One week",
        "text": milestone["text"],
        "path_day": 8,
        "days_without_contact": 7,
        "urges_resisted": 3,
        "habits_kept": 2,
    }
    assert "week" in milestone["text"]


def test_her_target_is_a_milestone_of_its_own(
    alice_api: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    start(alice_api, "2026-11-16", target=10)
    milestone = alice_api.get("/api/v1/today").json()["milestone"]
    assert (milestone["days"], milestone["is_target"]) == (10, True)
    assert milestone["title"] == "You reached your target: 10 days"
    with factory() as db:
        assert milestone_on(db, alice.id, day=date(2026, 11, 23)) is not None  # day 7
        assert milestone_on(db, alice.id, day=date(2026, 11, 22)) is None


def test_a_slip_never_sends_the_path_back_to_day_one(alice_api: TestClient) -> None:
    start(alice_api, "2026-11-01")
    slip = alice_api.post(
        "/api/v1/contacts", json={"at": "2026-11-20T20:00:00Z", "initiator": "me"}
    )
    assert slip.json()["broke_period"] is True
    today = alice_api.get("/api/v1/today").json()
    assert today["day"] == 26
    assert today["card"]["day"] == 26
    assert today["days_left"] == 24  # the no-contact count itself began again on the 20th
    path = alice_api.get("/api/v1/path").json()
    assert path["day"] == 26
    assert path["started_on"] == "2026-11-01"
    assert [c["day"] for c in path["cards"]] == list(range(1, 27))
    assert [c["title"] for c in path["cards"]] == [c.title for c in deck().first[:26]]


def test_past_cards_can_be_read_and_later_ones_wait_for_their_day(alice_api: TestClient) -> None:
    start(alice_api, "2026-11-17")  # day 10 today
    first = alice_api.get("/api/v1/path/1").json()
    assert first["title"] == deck().first[0].title
    assert set(first) >= CARD_FIELDS
    assert alice_api.get("/api/v1/path/10").status_code == 200
    later = alice_api.get("/api/v1/path/12")
    assert later.status_code == 404
    assert later.json()["detail"] == (
        "Day 12 of your path opens on Saturday 28 November 2026; today is day 10. "
        "Each card waits for its day."
    )
    zero = alice_api.get("/api/v1/path/0")
    assert zero.status_code == 422
    assert zero.json()["detail"][0]["loc"] == ["path", "day"]


def test_after_day_sixty_the_after_set_takes_over(alice_api: TestClient) -> None:
    start(alice_api, "2026-09-01", target=30)  # day 87 today
    body = alice_api.get("/api/v1/today").json()
    assert body["day"] == 87
    assert body["stage"] == "reconnecting"
    after = deck().after
    assert body["card"]["title"] == after[(87 - 61) % len(after)].title
    assert body["card"]["path"] == "after"
    assert alice_api.get("/api/v1/path/60").json()["title"] == deck().first[59].title


def test_safety_mode_shows_the_safety_path_for_today_and_every_past_day(
    alice_api: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    start(alice_api, "2026-11-20")
    with factory() as db:
        db.execute(update(User).where(User.id == alice.id).values(safety_mode=True))
        db.commit()
    today = alice_api.get("/api/v1/today").json()
    assert today["stage"] == "safety"
    assert today["card"]["title"] == deck().safety[6].title
    assert today["card"]["path"] == "safety"
    cards = alice_api.get("/api/v1/path").json()["cards"]
    assert {c["path"] for c in cards} == {"safety"}
    assert alice_api.get("/api/v1/path/2").json()["title"] == deck().safety[1].title


def test_bob_never_sees_alices_today_or_path(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    alices = TestClient(app)
    alices.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    start(alices, "2026-11-01")
    alices.put("/api/v1/checkins/2026-11-26", json={"mood": 3, "note": "alice-mood"})
    alices.post("/api/v1/habits", json={"title": "alice-habit"})
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    secrets = ["alice-mood", "alice-habit"]
    engine = app.state.engine
    for path in ("/api/v1/today", "/api/v1/path"):
        seen = assert_isolated(
            engine,
            client,
            alice,
            "GET",
            path,
            headers=headers,
            expect_status=[200],
            secrets=secrets,
        )
        assert seen.json()["day"] is None  # bob has not started: alice's day 26 is not his
    assert_isolated(engine, client, alice, "GET", "/api/v1/path/3", headers=headers)
