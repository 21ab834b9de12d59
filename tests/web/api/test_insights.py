from __future__ import annotations

from datetime import UTC, date, datetime

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from anew.method.no_contact.models import CheckIn, Contact, Urge
from tests.isolation import assert_isolated
from tests.people import Person, api_token


def her_days(factory: sessionmaker[Session], person: Person, time_zone: str = "UTC") -> None:
    """Fixed moments: four urges and a slip on Sunday evenings in Berlin (20:xx UTC in winter),
    a contact that kept her count, and three check-ins given out of order."""
    with factory() as db:
        db.execute(update(User).where(User.id == person.id).values(time_zone=time_zone))
        for day in (4, 11, 18, 25):  # Sundays in January 2026
            db.add(
                Urge(user_id=person.id, at=datetime(2026, 1, day, 20, 10, tzinfo=UTC), intensity=7)
            )
        db.add(
            Contact(
                user_id=person.id,
                at=datetime(2026, 1, 25, 20, 40, tzinfo=UTC),
                initiator="me",
                channel="text",
                broke_period=True,
            )
        )
        db.add(
            Contact(
                user_id=person.id,
                at=datetime(2026, 1, 6, 9, 0, tzinfo=UTC),
                initiator="him",
                channel="call",
                logistics=True,
            )
        )
        for day, mood in ((date(2026, 1, 20), 6), (date(2026, 1, 5), 3), (date(2026, 1, 12), 4)):
            db.add(CheckIn(user_id=person.id, day=day, mood=mood))
        db.commit()


def test_her_insights_follow_her_time_zone(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    her_days(factory, alice, "Europe/Berlin")
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    found = client.get("/api/v1/insights")
    assert found.status_code == 200
    body = found.json()
    assert body["mood"] == [
        {"day": "2026-01-05", "mood": 3},
        {"day": "2026-01-12", "mood": 4},
        {"day": "2026-01-20", "mood": 6},
    ]
    grid = body["urges_by_weekday_hour"]
    assert len(grid) == 7
    assert all(len(row) == 24 for row in grid)
    assert grid[6][21] == 5  # 20:xx UTC is 21:xx in Berlin: four urges and the slip
    assert sum(map(sum, grid)) == 5  # the contact that kept her count is not counted
    assert body["hard_hours"] == [
        {
            "weekday": 6,
            "hour": 21,
            "why": "Sunday evenings around 21:00 have been hard: 4 urges and 1 slip.",
        }
    ]


def test_the_same_moments_in_utc_fall_an_hour_earlier(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    her_days(factory, alice, "UTC")
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    body = client.get("/api/v1/insights").json()
    assert body["urges_by_weekday_hour"][6][20] == 5
    assert [(h["weekday"], h["hour"]) for h in body["hard_hours"]] == [(6, 20)]


def test_no_data_yet_is_empty_not_an_error(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    body = client.get("/api/v1/insights").json()
    assert body == {"mood": [], "urges_by_weekday_hour": [[0] * 24] * 7, "hard_hours": []}


def test_bob_never_sees_alices_insights(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    her_days(factory, alice)
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    seen = assert_isolated(
        app.state.engine,
        client,
        alice,
        "GET",
        "/api/v1/insights",
        headers=headers,
        expect_status=[200],
    )
    assert seen.json()["mood"] == []
    assert seen.json()["hard_hours"] == []
    assert sum(map(sum, seen.json()["urges_by_weekday_hour"])) == 0
