from __future__ import annotations

import re
from datetime import UTC, date, datetime

import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from icalendar import Calendar
from sqlalchemy.orm import Session, sessionmaker

from tests.isolation import assert_isolated
from tests.people import Person, api_token, csrf_token, page_text

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def events(feed: bytes) -> dict[str, object]:
    """The feed parsed back the way a phone calendar would, by summary."""
    calendar = Calendar.from_ical(feed)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def test_the_feed_is_opt_in_and_parses_back_with_every_kind_of_date(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    with time_machine.travel(NOW, tick=False):
        assert client.get("/api/v1/calendar").json() == {
            "enabled": False,
            "reminder_time": None,
            "url": None,
        }
        client.post("/api/v1/nocontact", json={"target_days": 21, "started_on": "2026-11-20"})
        client.post(
            "/api/v1/goals",
            json={"area": "career", "title": "Finish the course", "target_on": "2027-02-01"},
        )
        client.post("/api/v1/habits", json={"title": "Walk"})
        client.post("/api/v1/habits", json={"title": "Gym", "per_week": 3})
        client.post(
            "/api/v1/makeover",
            json={"category": "hair", "title": "New cut", "planned_on": "2026-12-05"},
        )
        started = client.post("/api/v1/calendar", json={"reminder_time": "07:30"}).json()
        url = started["url"]
        path = url.removeprefix("http://testserver")
        feed = client.get(path)
    assert feed.headers["content-type"].startswith("text/calendar")
    found = events(feed.content)
    target = found["Your no-contact target: day 21. You did this for you."]
    assert target["dtstart"].dt == date(2026, 12, 11)  # from the 20th, 21 full days on the 11th
    assert found["Goal: Finish the course"]["dtstart"].dt == date(2027, 2, 1)
    assert found["New look: New cut"]["dtstart"].dt == date(2026, 12, 5)
    walk = found["Habit: Walk"]
    assert walk["rrule"]["FREQ"] == ["DAILY"]
    assert (walk["dtstart"].dt.hour, walk["dtstart"].dt.minute) == (7, 30)
    assert found["Habit: Gym"]["rrule"]["FREQ"] == ["WEEKLY"]
    assert not any("him" in summary.lower() for summary in found)


def test_renewing_or_revoking_the_address_stops_the_old_one(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    first = client.post("/api/v1/calendar", json={}).json()["url"].removeprefix("http://testserver")
    second = (
        client.post("/api/v1/calendar", json={}).json()["url"].removeprefix("http://testserver")
    )
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    assert client.delete("/api/v1/calendar").status_code == 204
    assert client.get(second).status_code == 404
    assert client.post("/api/v1/calendar", json={"reminder_time": "25:00"}).status_code == 422


def test_the_account_page_switches_it_on_and_off(alice_client: TestClient) -> None:
    token = csrf_token(alice_client, "/account/calendar")
    assert "Your calendar is off." in page_text(alice_client.get("/account/calendar").text)
    shown = alice_client.post(
        "/account/calendar", data={"csrf_token": token, "reminder_time": "08:15"}
    )
    # The post redirects (issue 21); the new address comes to the page after it, once.
    assert shown.history[0].status_code == 303
    assert "/calendar/" not in str(shown.url)
    url = re.search(r"<code>http://testserver(/calendar/[\w-]+\.ics)</code>", shown.text)
    assert url
    assert alice_client.get(url.group(1)).status_code == 200
    again = alice_client.get("/account/calendar")
    assert url.group(1) not in again.text  # shown only once
    assert alice_client.get(url.group(1)).status_code == 200  # and a reload renewed nothing
    bad = alice_client.post("/account/calendar", data={"csrf_token": token, "reminder_time": "x"})
    assert bad.status_code == 400
    alice_client.post("/account/calendar", data={"csrf_token": token, "action": "revoke"})
    assert alice_client.get(url.group(1)).status_code == 404


def test_bob_never_sees_or_changes_alices_calendar(
    app: FastAPI,
    client: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
    bob: Person,
    bob_client: TestClient,
) -> None:
    alices = TestClient(app)
    alices.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    alices.post(
        "/api/v1/goals", json={"area": "health", "title": "alice-goal", "target_on": "2027-01-01"}
    )
    alices.post("/api/v1/calendar", json={})
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    engine, secrets = app.state.engine, ["alice-goal"]
    seen = assert_isolated(
        engine, client, alice, "GET", "/api/v1/calendar", headers=headers, expect_status=[200]
    )
    assert seen.json()["enabled"] is False
    made = assert_isolated(
        engine,
        client,
        alice,
        "POST",
        "/api/v1/calendar",
        headers=headers,
        json={},
        expect_status=[200],
    )
    bobs = made.json()["url"].removeprefix("http://testserver")
    assert_isolated(engine, client, alice, "GET", bobs, expect_status=[200], secrets=secrets)
    assert_isolated(
        engine, client, alice, "DELETE", "/api/v1/calendar", headers=headers, expect_status=[204]
    )
    assert_isolated(engine, bob_client, alice, "GET", "/account/calendar", expect_status=[200])
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/account/calendar",
        form={"action": "revoke"},
        expect_status=[303],
    )
    assert_isolated(
        engine, client, alice, "GET", "/calendar/not-a-real-token.ics", expect_status=[404]
    )
