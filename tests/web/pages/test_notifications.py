"""Her notifications page: choices kept (and what she typed kept when refused), channels masked,
devices added by the page's script and removed, a test sent, and nobody else's in sight."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from anew.config import Settings
from anew.notifications.models import NotificationChannel, NotificationPreferences
from anew.push.models import PushSubscription
from tests.isolation import assert_isolated
from tests.people import Person, csrf_token, page_text
from tests.push_service import Browser, PushService, loopback

PAGE = "/account/notifications"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return loopback(settings)


def post(client: TestClient, path: str, **form: str | list[str]) -> object:
    data = {"csrf_token": csrf_token(client, PAGE), **form}
    return client.post(path, data=data, follow_redirects=False)


def test_choices_are_saved_and_shown_again(alice_client: TestClient, db: Session) -> None:
    saved = post(
        alice_client,
        PAGE,
        checkin_at="21:15",
        habits="on",
        quiet_from="23:00",
        quiet_to="07:30",
        plain_wording="on",
    )
    assert saved.status_code == 303  # type: ignore[attr-defined]
    row = db.scalar(select(NotificationPreferences))
    assert row is not None
    assert (row.checkin_at, row.habits, row.quiet_from, row.quiet_to) == (
        "21:15",
        True,
        "23:00",
        "07:30",
    )
    assert row.plain_wording is True
    soup = BeautifulSoup(alice_client.get(PAGE).text, "html.parser")
    assert soup.select_one("#checkin_at")["value"] == "21:15"  # type: ignore[index]
    assert soup.select_one("#habits").has_attr("checked")  # type: ignore[union-attr]


def test_a_bad_time_is_named_and_what_she_typed_stays(
    alice_client: TestClient, db: Session
) -> None:
    refused = post(alice_client, PAGE, checkin_at="9pm", new_channel="ntfys://ntfy.example.org/t")
    assert refused.status_code == 400  # type: ignore[attr-defined]
    text = page_text(refused.text)  # type: ignore[attr-defined]
    assert "Please give the check-in time as a time like 21:30." in text
    soup = BeautifulSoup(refused.text, "html.parser")  # type: ignore[attr-defined]
    assert soup.select_one("#checkin_at")["value"] == "9pm"  # type: ignore[index]
    assert soup.select_one("#new_channel")["value"] == "ntfys://ntfy.example.org/t"  # type: ignore[index]
    assert db.scalar(select(NotificationChannel)) is None


def test_a_channel_is_added_masked_switched_off_and_removed(
    alice_client: TestClient, db: Session
) -> None:
    url = "ntfys://alice:hunter22@ntfy.example.org/alice-topic"
    post(alice_client, PAGE, new_channel=url)
    page = alice_client.get(PAGE).text
    assert "ntfys://alice:••••@ntfy.example.org/••••" in page
    assert "hunter22" not in page
    channel = db.scalar(select(NotificationChannel))
    assert channel is not None
    post(alice_client, PAGE)  # the box left unticked: switched off, kept
    db.expire_all()
    assert db.scalar(select(NotificationChannel.enabled)) is False
    assert db.scalar(select(NotificationChannel.url)) == url
    post(alice_client, PAGE, remove_channel=str(channel.id))
    db.expire_all()
    assert db.scalar(select(NotificationChannel)) is None
    refused = post(alice_client, PAGE, new_channel="https://example.org/hook")
    assert "a channel must start with one of" in page_text(refused.text)  # type: ignore[attr-defined]


def test_the_page_script_adds_this_device_and_she_can_remove_it(
    alice_client: TestClient, db: Session, stand_in: PushService
) -> None:
    soup = BeautifulSoup(alice_client.get(PAGE).text, "html.parser")
    assert soup.select_one("#push-here")["data-key"]  # type: ignore[index]
    keys = Browser().keys()
    endpoint = f"{stand_in.base}/send/phone"
    added = post(alice_client, f"{PAGE}/devices", endpoint=endpoint, label="Phone", **keys)
    assert added.status_code == 303  # type: ignore[attr-defined]
    device = db.scalar(select(PushSubscription))
    assert device is not None
    assert device.endpoint == endpoint
    assert "Phone" in page_text(alice_client.get(PAGE).text)
    tested = post(alice_client, f"{PAGE}/test")
    assert "Phone : sent (delivered to the push service)" in page_text(tested.text)  # type: ignore[attr-defined]
    assert len(stand_in.received) == 1
    post(alice_client, f"{PAGE}/devices/{device.id}/remove")
    db.expire_all()
    assert db.scalar(select(PushSubscription)) is None


def test_a_broken_subscription_is_refused_kindly(alice_client: TestClient, db: Session) -> None:
    refused = post(
        alice_client, f"{PAGE}/devices", endpoint="http://10.0.0.1/x", p256dh="a", auth="b"
    )
    assert refused.status_code == 400  # type: ignore[attr-defined]
    assert "could not be kept" in page_text(refused.text)  # type: ignore[attr-defined]
    assert db.scalar(select(PushSubscription)) is None


def test_bob_never_sees_or_changes_alices_notifications(
    app: FastAPI,
    alice_client: TestClient,
    bob_client: TestClient,
    alice: Person,
    db: Session,
) -> None:
    post(
        alice_client, PAGE, checkin_at="06:45", new_channel="ntfys://ntfy.example.org/alice-secret"
    )
    keys = Browser().keys()
    post(
        alice_client,
        "/account/notifications/devices",
        endpoint="https://push.example.org/a",
        label="alice-phone",
        **keys,
    )
    device = db.scalar(select(PushSubscription.id))
    engine, secrets = app.state.engine, ["alice-secret", "alice-phone", "06:45"]
    assert_isolated(
        engine,
        bob_client,
        alice,
        "GET",
        "/account/notifications",
        expect_status=[200],
        secrets=secrets,
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/account/notifications",
        form={"checkin_at": "20:00"},
        expect_status=[303],
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        f"/account/notifications/devices/{device}/remove",
        form={},
        expect_status=[404],
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/account/notifications/devices",
        form={"endpoint": "https://push.example.org/b", **keys},
        expect_status=[303],
    )
    tested = assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/account/notifications/test",
        form={},
        expect_status=[200],
        secrets=secrets,
    )
    assert "alice" not in tested.text.lower().replace("alice@", "")
