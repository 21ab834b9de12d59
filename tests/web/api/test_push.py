"""Her devices for push notifications: the key, subscriptions, and a test that arrives encrypted
for her browser alone (read back here with the browser's own keys, through a loopback stand-in)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from anew.config import Settings
from anew.push.models import PushSubscription
from tests.isolation import assert_isolated
from tests.people import Person, api_token
from tests.push_service import Browser, PushService, loopback


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return loopback(settings)


def test_a_subscribed_device_gets_a_test_only_it_can_read(
    alice_api: TestClient, stand_in: PushService, db: Session
) -> None:
    key = alice_api.get("/api/v1/push/key").json()["public_key"]
    assert len(key) == 87
    assert key == alice_api.get("/api/v1/push/key").json()["public_key"]
    browser = Browser()
    body = {**browser.subscription(f"{stand_in.base}/send/abc"), "label": "my phone"}
    created = alice_api.post("/api/v1/push/subscriptions", json=body)
    assert created.status_code == 201, created.text
    device = created.json()
    assert device["label"] == "my phone"
    assert device["carrier"] == "the push service at 127.0.0.1"
    answer = alice_api.post("/api/v1/notifications/test").json()
    assert answer["answers"] == [
        {
            "kind": "device",
            "id": device["id"],
            "label": "my phone",
            "status": "sent",
            "detail": "delivered to the push service",
        }
    ]
    (received,) = stand_in.received
    assert received.path == "/send/abc"
    assert received.headers["content-encoding"] == "aes128gcm"
    assert received.headers["authorization"].startswith("vapid t=")
    assert f"k={key}" in received.headers["authorization"]
    assert b"A test from Anew" not in received.body  # the push service sees only ciphertext
    assert browser.read(received.body) == {
        "title": "Anew",
        "body": "A test from Anew: notifications reach this device.",
        "url": "/account",
        "tag": "anew-test",
    }
    sent_at = db.scalar(select(PushSubscription.last_sent_at))
    assert sent_at is not None


def test_the_same_browser_again_renews_rather_than_doubles(
    alice_api: TestClient, stand_in: PushService
) -> None:
    endpoint = f"{stand_in.base}/send/same"
    first = alice_api.post("/api/v1/push/subscriptions", json=Browser().subscription(endpoint))
    again = alice_api.post("/api/v1/push/subscriptions", json=Browser().subscription(endpoint))
    assert first.json()["id"] == again.json()["id"]
    listed = alice_api.get("/api/v1/push/subscriptions").json()
    assert [d["id"] for d in listed] == [first.json()["id"]]
    assert listed[0]["label"] == "A device"


def test_a_device_its_push_service_forgot_is_dropped(
    alice_api: TestClient, stand_in: PushService
) -> None:
    alice_api.post(
        "/api/v1/push/subscriptions", json=Browser().subscription(f"{stand_in.base}/gone/1")
    )
    alice_api.post(
        "/api/v1/push/subscriptions", json=Browser().subscription(f"{stand_in.base}/down/2")
    )
    answers = alice_api.post("/api/v1/notifications/test").json()["answers"]
    assert [a["status"] for a in answers] == ["gone", "failed"]
    assert answers[1]["detail"] == "the push service answered 503"
    remaining = alice_api.get("/api/v1/push/subscriptions").json()
    assert len(remaining) == 1
    assert remaining[0]["id"] == answers[1]["id"]


def test_without_a_device_or_a_sender_it_says_why(app: FastAPI, alice_api: TestClient) -> None:
    nothing = alice_api.post("/api/v1/notifications/test").json()
    assert nothing["answers"] == []
    assert nothing["note"] == "No device or channel of yours has notifications turned on yet."
    device = Browser().subscription("https://push.example.org/her-phone")
    assert alice_api.post("/api/v1/push/subscriptions", json=device).status_code == 201
    app.state.settings = app.state.settings.model_copy(update={"vapid_subject": None})
    unsent = alice_api.post("/api/v1/notifications/test").json()
    assert unsent["answers"] == []
    assert unsent["note"].startswith("Push notifications are not set up on this server yet")


@pytest.mark.parametrize(
    ("endpoint", "why"),
    [
        ("http://push.example.org/x", "must be an https:// address"),
        ("https://10.0.0.7/x", "10.0.0.7 is a private or loopback address"),
        ("https://[::1]/x", "::1 is a private or loopback address"),
        ("https:///nohost", "has no host name"),
    ],
)
def test_an_endpoint_the_server_must_not_reach_is_refused(
    app: FastAPI,
    client: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
    endpoint: str,
    why: str,
) -> None:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    app.state.settings = app.state.settings.model_copy(update={"push_allow_loopback": False})
    response = client.post("/api/v1/push/subscriptions", json=Browser().subscription(endpoint))
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["body", "endpoint"]
    assert why in problem["msg"]


def test_a_loopback_push_service_is_refused_when_sending_unless_allowed(
    app: FastAPI, alice_api: TestClient, stand_in: PushService
) -> None:
    alice_api.post(
        "/api/v1/push/subscriptions",
        json=Browser().subscription(f"https://localhost:{stand_in.base.rsplit(':', 1)[1]}/x"),
    )
    app.state.settings = app.state.settings.model_copy(update={"push_allow_loopback": False})
    (answer,) = alice_api.post("/api/v1/notifications/test").json()["answers"]
    assert answer["status"] == "failed"
    assert "private or loopback address" in answer["detail"]
    assert stand_in.received == []


@pytest.mark.parametrize(
    ("keys", "why"),
    [
        ({"p256dh": "not base64!", "auth": "AAAAAAAAAAAAAAAAAAAAAA"}, "base64url"),
        ({"p256dh": "AAAA", "auth": "AAAAAAAAAAAAAAAAAAAAAA"}, "65-byte key"),
        ({"p256dh": Browser().keys()["p256dh"], "auth": "AAAA"}, "16-byte key"),
    ],
)
def test_bad_browser_keys_are_named(alice_api: TestClient, keys: dict[str, str], why: str) -> None:
    body = {"endpoint": "https://push.example.org/x", "keys": keys}
    response = alice_api.post("/api/v1/push/subscriptions", json=body)
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"][:2] == ["body", "keys"]
    assert why in problem["msg"]


def test_bob_never_sees_removes_or_pushes_to_alices_devices(
    app: FastAPI,
    client: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
    bob: Person,
    stand_in: PushService,
) -> None:
    alices = TestClient(app)
    alices.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    body = {**Browser().subscription(f"{stand_in.base}/send/alice"), "label": "alice-secret-phone"}
    sid = alices.post("/api/v1/push/subscriptions", json=body).json()["id"]
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    engine, secrets = app.state.engine, ["alice-secret-phone", "/send/alice"]
    key = assert_isolated(
        engine,
        client,
        alice,
        "GET",
        "/api/v1/push/key",
        headers=headers,
        expect_status=[200],
        secrets=secrets,
    )
    assert key.json() == alices.get("/api/v1/push/key").json()  # the server's, not hers
    listed = assert_isolated(
        engine,
        client,
        alice,
        "GET",
        "/api/v1/push/subscriptions",
        headers=headers,
        expect_status=[200],
        secrets=secrets,
    )
    assert listed.json() == []
    assert_isolated(
        engine,
        client,
        alice,
        "DELETE",
        f"/api/v1/push/subscriptions/{sid}",
        headers=headers,
        secrets=secrets,
    )
    tested = assert_isolated(
        engine,
        client,
        alice,
        "POST",
        "/api/v1/notifications/test",
        headers=headers,
        expect_status=[200],
        secrets=secrets,
    )
    assert tested.json()["answers"] == []
    assert stand_in.received == []
    assert_isolated(
        engine,
        client,
        alice,
        "POST",
        "/api/v1/push/subscriptions",
        headers=headers,
        json=Browser().subscription(f"{stand_in.base}/send/bob"),
        expect_status=[201],
    )
    assert alices.delete(f"/api/v1/push/subscriptions/{sid}").status_code == 204
    assert alices.get("/api/v1/push/subscriptions").json() == []
