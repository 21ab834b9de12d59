from __future__ import annotations

from datetime import UTC, date, datetime

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from anew.chats.models import ChatImport, ChatMessage
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
    assert body == {
        "mood": [],
        "urges_by_weekday_hour": [[0] * 24] * 7,
        "hard_hours": [],
        "talk_by_weekday_hour": None,
    }


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


def their_chat(factory: sessionmaker[Session], person: Person) -> None:
    """An imported chat, its times as the phone wrote them: six messages on Sunday evenings
    around 21:00 (the hour of her hard hour in Berlin), two on a Tuesday morning."""
    moments = [datetime(2025, 6, day, 21, minute) for day in (1, 8, 15) for minute in (5, 50)]
    moments += [datetime(2025, 6, 3, 8, 15), datetime(2025, 6, 3, 8, 20)]
    with factory() as db:
        chat = ChatImport(
            user_id=person.id,
            name="chat.txt",
            format="whatsapp",
            participants=["Me", "Sam"],
            me="Me",
            message_count=len(moments),
            report={},
        )
        db.add(chat)
        db.flush()
        for position, at in enumerate(moments):
            sender = "Me" if position % 2 else "Sam"
            db.add(
                ChatMessage(
                    import_id=chat.id,
                    position=position,
                    timestamp=at,
                    sender=sender,
                    kind="text",
                    chars=5,
                    words=1,
                )
            )
        db.commit()


def test_the_hours_they_used_to_talk_come_from_her_imported_chats(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    her_days(factory, alice, "Europe/Berlin")
    their_chat(factory, alice)
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    body = client.get("/api/v1/insights").json()
    talk = body["talk_by_weekday_hour"]
    assert talk[6][21] == 6  # Sundays, on the phone's own clock
    assert talk[1][8] == 2  # a Tuesday morning
    assert sum(map(sum, talk)) == 8
    (hard,) = body["hard_hours"]
    assert hard["why"] == (
        "Sunday evenings around 21:00 have been hard: 4 urges and 1 slip. "
        "It is also when you two used to write most."
    )


def test_in_safety_mode_no_chat_is_shown(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    her_days(factory, alice, "Europe/Berlin")
    their_chat(factory, alice)
    with factory() as db:
        db.execute(update(User).where(User.id == alice.id).values(safety_mode=True))
        db.commit()
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    body = client.get("/api/v1/insights").json()
    assert body["talk_by_weekday_hour"] is None
    assert body["hard_hours"][0]["why"].endswith("4 urges and 1 slip.")


def test_her_plan_for_hard_hours_is_kept_replaced_and_cleared(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    assert client.get("/api/v1/insights/plan").json() == {"text": "", "updated_at": None}
    kept = client.put("/api/v1/insights/plan", json={"text": "  Tea, then call Jo.\n"})
    assert kept.status_code == 200
    assert kept.json()["text"] == "Tea, then call Jo."
    assert client.get("/api/v1/insights/plan").json()["text"] == "Tea, then call Jo."
    client.put("/api/v1/insights/plan", json={"text": "A walk round the park."})
    assert client.get("/api/v1/insights/plan").json()["text"] == "A walk round the park."
    cleared = client.put("/api/v1/insights/plan", json={"text": "   "})
    assert cleared.json() == {"text": "", "updated_at": None}


def test_a_plan_that_cant_be_kept_is_refused_on_its_field(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    client.put("/api/v1/insights/plan", json={"text": "Tea."})
    for bad in ({"text": "x" * 2001}, {"text": 7}, {"text": "a\x00b"}, {}):
        refused = client.put("/api/v1/insights/plan", json=bad)
        assert refused.status_code == 422, bad
        assert "text" in refused.text
    assert client.get("/api/v1/insights/plan").json()["text"] == "Tea."


def test_bob_never_sees_or_changes_alices_plan(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    client.put("/api/v1/insights/plan", json={"text": "Ring my sister."})
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    seen = assert_isolated(
        app.state.engine,
        client,
        alice,
        "GET",
        "/api/v1/insights/plan",
        headers=headers,
        expect_status=[200],
        secrets=["Ring my sister."],
    )
    assert seen.json()["text"] == ""
    written = assert_isolated(
        app.state.engine,
        client,
        alice,
        "PUT",
        "/api/v1/insights/plan",
        headers=headers,
        json={"text": "Bob's own plan"},
        expect_status=[200],
    )
    assert written.json()["text"] == "Bob's own plan"
