from __future__ import annotations

from datetime import UTC, datetime

import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.isolation import assert_isolated
from tests.people import Person, api_token

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)  # a Friday


def as_alice(client: TestClient, factory: sessionmaker[Session], alice: Person) -> TestClient:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    return client


def test_a_daily_habit_streak_follows_the_contract(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    as_alice(client, factory, alice)
    with time_machine.travel(NOW, tick=False):
        habit = client.post("/api/v1/habits", json={"title": "Walk", "per_week": 7}).json()
        hid = habit["id"]
        assert habit["current_streak"] == 0
        for day in ("2026-11-24", "2026-11-25", "2026-11-26"):
            put = client.put(f"/api/v1/habits/{hid}/days/{day}", json={"status": "done"})
            assert put.status_code == 200
        got = client.get(f"/api/v1/habits/{hid}").json()
        assert (got["current_streak"], got["best_streak"]) == (3, 3)  # today still open
        client.put(f"/api/v1/habits/{hid}/days/2026-11-25", json={"status": "skipped"})
        got = client.get(f"/api/v1/habits/{hid}").json()
        assert got["current_streak"] == 2  # skipped keeps it alive but doesn't add
        assert client.delete(f"/api/v1/habits/{hid}/days/2026-11-25").status_code == 204
        got = client.get(f"/api/v1/habits/{hid}").json()
        assert (got["current_streak"], got["best_streak"]) == (1, 1)


def test_a_weekly_habit_counts_weeks_monday_to_sunday(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    as_alice(client, factory, alice)
    with time_machine.travel(NOW, tick=False):
        hid = client.post(
            "/api/v1/habits", json={"title": "Gym", "per_week": 2, "started_on": "2026-11-09"}
        ).json()["id"]
        for day in ("2026-11-10", "2026-11-15", "2026-11-16", "2026-11-22"):
            client.put(f"/api/v1/habits/{hid}/days/{day}", json={"status": "done"})
        got = client.get(f"/api/v1/habits/{hid}").json()
    assert got["streak_unit"] == "weeks"
    assert (got["current_streak"], got["best_streak"]) == (2, 2)


def test_days_are_her_days_around_midnight(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    as_alice(client, factory, alice)
    with factory() as db:
        from anew.accounts.models import User

        user = db.get(User, alice.id)
        assert user is not None
        user.time_zone = "Pacific/Auckland"
        db.commit()
    # 11:30 UTC on the 27th is already 00:30 on the 28th in Auckland.
    with time_machine.travel(datetime(2026, 11, 27, 11, 30, tzinfo=UTC), tick=False):
        hid = client.post("/api/v1/habits", json={"title": "Journal"}).json()["id"]
        ok = client.put(f"/api/v1/habits/{hid}/days/2026-11-28", json={"status": "done"})
        assert ok.json()["today"] == "done"
        future = client.put(f"/api/v1/habits/{hid}/days/2026-11-29", json={"status": "done"})
        assert future.status_code == 422
        assert future.json()["detail"][0]["loc"] == ["path", "day"]


def test_bad_input_is_named(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    as_alice(client, factory, alice)
    assert client.post("/api/v1/habits", json={"title": "x", "per_week": 8}).status_code == 422
    bad_goal = client.post("/api/v1/habits", json={"title": "x", "goal_id": 99})
    assert bad_goal.json()["detail"][0]["loc"] == ["body", "goal_id"]
    hid = client.post("/api/v1/habits", json={"title": "x"}).json()["id"]
    wrong = client.put(f"/api/v1/habits/{hid}/days/2026-11-20", json={"status": "half"})
    assert wrong.status_code == 422


def test_bob_never_sees_or_changes_alices_habits(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    alices = as_alice(TestClient(app), factory, alice)
    hid = alices.post("/api/v1/habits", json={"title": "alice-secret-habit"}).json()["id"]
    alices.put(f"/api/v1/habits/{hid}/days/2026-11-20", json={"status": "done"})
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    engine, secrets = app.state.engine, ["alice-secret-habit"]
    listed = assert_isolated(
        engine,
        client,
        alice,
        "GET",
        "/api/v1/habits",
        headers=headers,
        expect_status=[200],
        secrets=secrets,
    )
    assert listed.json() == []
    assert_isolated(
        engine,
        client,
        alice,
        "POST",
        "/api/v1/habits",
        headers=headers,
        json={"title": "his"},
        expect_status=[201],
    )
    for method, body in (("GET", None), ("PATCH", {"title": "x"}), ("DELETE", None)):
        assert_isolated(
            engine,
            client,
            alice,
            method,
            f"/api/v1/habits/{hid}",
            headers=headers,
            json=body,
            expect_status=[404],
            secrets=secrets,
        )
    assert_isolated(
        engine,
        client,
        alice,
        "PUT",
        f"/api/v1/habits/{hid}/days/2026-11-21",
        headers=headers,
        json={"status": "done"},
        expect_status=[404],
    )
    assert_isolated(
        engine,
        client,
        alice,
        "DELETE",
        f"/api/v1/habits/{hid}/days/2026-11-20",
        headers=headers,
        expect_status=[404],
    )


def test_days_stay_hers_across_a_clock_change(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    as_alice(client, factory, alice)
    with factory() as db:
        from anew.accounts.models import User

        user = db.get(User, alice.id)
        assert user is not None
        user.time_zone = "Europe/London"
        db.commit()
    # British Summer Time begins at 01:00 UTC on 29 March 2026; 23:30 UTC the night before is
    # 23:30 in London (still the 28th), and 00:30 UTC is 01:30 BST on the 29th.
    with time_machine.travel(datetime(2026, 3, 28, 23, 30, tzinfo=UTC), tick=False):
        hid = client.post("/api/v1/habits", json={"title": "Read"}).json()["id"]
        client.put(f"/api/v1/habits/{hid}/days/2026-03-28", json={"status": "done"})
        early = client.put(f"/api/v1/habits/{hid}/days/2026-03-29", json={"status": "done"})
        assert early.status_code == 422
    with time_machine.travel(datetime(2026, 3, 29, 0, 30, tzinfo=UTC), tick=False):
        done = client.put(f"/api/v1/habits/{hid}/days/2026-03-29", json={"status": "done"})
        assert done.json()["current_streak"] == 2
        assert done.json()["today"] == "done"


def test_a_habit_has_its_own_reminder_time_set_changed_and_cleared(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    as_alice(client, factory, alice)
    with time_machine.travel(NOW, tick=False):
        made = client.post("/api/v1/habits", json={"title": "Walk", "remind_at": "07:30"})
        assert made.status_code == 201
        hid = made.json()["id"]
        assert made.json()["remind_at"] == "07:30"
        changed = client.patch(f"/api/v1/habits/{hid}", json={"remind_at": "18:05"})
        assert changed.json()["remind_at"] == "18:05"
        kept = client.patch(f"/api/v1/habits/{hid}", json={"title": "Long walk"})
        assert kept.json()["remind_at"] == "18:05"  # left out: unchanged
        cleared = client.patch(f"/api/v1/habits/{hid}", json={"remind_at": None})
        assert cleared.json()["remind_at"] is None
        plain = client.post("/api/v1/habits", json={"title": "Read"}).json()
    assert plain["remind_at"] is None


def test_a_reminder_time_that_is_not_a_time_of_day_is_refused(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    as_alice(client, factory, alice)
    with time_machine.travel(NOW, tick=False):
        hid = client.post("/api/v1/habits", json={"title": "Walk"}).json()["id"]
        for bad in ("24:00", "7:30", "07:60", "07:30:00", 730, ""):
            refused = client.patch(f"/api/v1/habits/{hid}", json={"remind_at": bad})
            assert refused.status_code == 422, bad
            assert "remind_at" in refused.text
            made = client.post("/api/v1/habits", json={"title": "Run", "remind_at": bad})
            assert made.status_code == 422, bad
        assert client.get(f"/api/v1/habits/{hid}").json()["remind_at"] is None
        assert len(client.get("/api/v1/habits").json()) == 1
