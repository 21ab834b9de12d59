"""Her notification choices through the API: read and replaced whole, channels masked and kept by
id, a test that reaches a channel, and nobody else's choices in sight."""

from __future__ import annotations

import json

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from anew.config import Settings
from anew.notifications.models import NotificationChannel
from tests.isolation import assert_isolated
from tests.people import Person, api_token
from tests.push_service import PushService, loopback

DEFAULTS = {
    "checkin_at": None,
    "habits": False,
    "milestones": False,
    "hard_hours": False,
    "quiet_from": "22:00",
    "quiet_to": "08:00",
    "plain_wording": False,
    "channels": [],
}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return loopback(settings)


def test_choices_start_off_and_are_replaced_whole(alice_api: TestClient) -> None:
    assert alice_api.get("/api/v1/notifications").json() == DEFAULTS
    wanted = {**DEFAULTS, "checkin_at": "21:30", "habits": True, "quiet_from": "23:00"}
    answer = alice_api.put("/api/v1/notifications", json=wanted)
    assert answer.status_code == 200, answer.text
    assert answer.json() == wanted
    assert alice_api.put("/api/v1/notifications", json={}).json() == DEFAULTS  # whole


def test_a_channel_is_shown_masked_and_kept_by_its_id(alice_api: TestClient, db: Session) -> None:
    url = "ntfys://alice:hunter22@ntfy.example.org/alice-private-topic"
    put = alice_api.put("/api/v1/notifications", json={"channels": [{"url": url}]})
    (channel,) = put.json()["channels"]
    assert channel["url"] == "ntfys://alice:••••@ntfy.example.org/••••"
    assert "hunter22" not in put.text
    assert "alice-private-topic" not in alice_api.get("/api/v1/notifications").text
    channel["enabled"] = False  # sent back as read: the stored URL stays
    kept = alice_api.put("/api/v1/notifications", json={"channels": [channel]}).json()
    assert kept["channels"] == [{**channel, "enabled": False}]
    assert db.scalar(select(NotificationChannel.url)) == url
    assert alice_api.put("/api/v1/notifications", json={"channels": []}).json()["channels"] == []
    assert db.scalar(select(NotificationChannel.url)) is None


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://example.org/hook", "must start with one of ntfy://"),
        ("gotify://", "not complete"),
        ("mailto:not-an-address", "is not an email address"),
    ],
)
def test_a_channel_that_cant_work_is_refused_and_nothing_changes(
    alice_api: TestClient, url: str, why: str
) -> None:
    alice_api.put("/api/v1/notifications", json={"checkin_at": "09:00"})
    body = {"checkin_at": "10:00", "channels": [{"url": url}]}
    refused = alice_api.put("/api/v1/notifications", json=body)
    assert refused.status_code == 422
    (problem,) = refused.json()["detail"]
    assert problem["loc"] == ["body", "channels"]
    assert why in problem["msg"]
    assert alice_api.get("/api/v1/notifications").json()["checkin_at"] == "09:00"


def test_bad_times_are_named(alice_api: TestClient) -> None:
    refused = alice_api.put("/api/v1/notifications", json={"quiet_to": "25:00"})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "quiet_to"]


def test_the_test_reaches_her_channel(alice_api: TestClient, stand_in: PushService) -> None:
    port = stand_in.base.rsplit(":", 1)[1]
    url = f"ntfy://127.0.0.1:{port}/alice-topic"
    alice_api.put("/api/v1/notifications", json={"channels": [{"url": url}]})
    (answer,) = alice_api.post("/api/v1/notifications/test").json()["answers"]
    assert answer["kind"] == "channel"
    assert answer["label"] == f"ntfy://127.0.0.1:{port}/••••"
    assert (answer["status"], answer["detail"]) == ("sent", "delivered to 127.0.0.1")
    (received,) = stand_in.received
    said = json.loads(received.body)
    assert said["topic"] == "alice-topic"
    assert said["message"] == "A test from Anew: notifications reach this device."


def test_a_channel_in_her_private_network_is_not_reached_unless_allowed(
    app: FastAPI, alice_api: TestClient
) -> None:
    alice_api.put("/api/v1/notifications", json={"channels": [{"url": "gotify://10.1.2.3/tok"}]})
    (answer,) = alice_api.post("/api/v1/notifications/test").json()["answers"]
    assert answer["status"] == "failed"
    assert "10.1.2.3 leads to 10.1.2.3, a private or loopback address" in answer["detail"]


def test_bob_never_sees_or_changes_alices_choices(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    alices = TestClient(app)
    alices.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    url = "ntfys://ntfy.example.org/alice-secret-topic"
    alices.put("/api/v1/notifications", json={"checkin_at": "07:45", "channels": [{"url": url}]})
    channel_id = alices.get("/api/v1/notifications").json()["channels"][0]["id"]
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    engine, secrets = app.state.engine, ["alice-secret-topic", "07:45"]
    read = assert_isolated(
        engine,
        client,
        alice,
        "GET",
        "/api/v1/notifications",
        headers=headers,
        expect_status=[200],
        secrets=secrets,
    )
    assert read.json() == DEFAULTS
    taken = {"channels": [{"id": channel_id, "url": "ntfys://ntfy.example.org/••••"}]}
    refused = assert_isolated(
        engine,
        client,
        alice,
        "PUT",
        "/api/v1/notifications",
        headers=headers,
        json=taken,
        expect_status=[422],
        secrets=secrets,
    )
    assert "there is no channel" in refused.text
    assert_isolated(
        engine,
        client,
        alice,
        "PUT",
        "/api/v1/notifications",
        headers=headers,
        json={"checkin_at": "20:00"},
        expect_status=[200],
        secrets=secrets,
    )
