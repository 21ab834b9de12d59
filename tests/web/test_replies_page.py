from __future__ import annotations

from datetime import UTC, datetime

import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.isolation import assert_isolated
from tests.people import Person, csrf_token, page_text, take_safety_check

NOW = datetime(2026, 11, 26, 21, 30, tzinfo=UTC)


def test_the_coach_answers_kindly_and_keeps_his_message(alice_client: TestClient) -> None:
    take_safety_check(alice_client)
    with time_machine.travel(NOW, tick=False):
        token = csrf_token(alice_client, "/steps/reply-coach")
        response = alice_client.post(
            "/steps/reply-coach", data={"csrf_token": token, "his_message": "hey you, long time"}
        )
    text = page_text(response.text)
    assert "Take your time before you answer." in text
    assert "Not before Friday 07:00" in text  # 23:30 falls in the quiet hours
    assert "about 4 words" in text
    assert "hey you, long time" in response.text


def test_an_empty_message_is_explained(alice_client: TestClient) -> None:
    take_safety_check(alice_client)
    token = csrf_token(alice_client, "/steps/reply-coach")
    response = alice_client.post(
        "/steps/reply-coach", data={"csrf_token": token, "his_message": " "}
    )
    assert response.status_code == 400
    assert "Please fill this in." in page_text(response.text)


def test_bob_gets_the_coach_from_his_own_data(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person
) -> None:
    token = csrf_token(alice_client, "/steps/no-contact")
    alice_client.post("/steps/no-contact/start", data={"csrf_token": token, "target_days": "30"})
    take_safety_check(alice_client, afraid=True)  # her safety mode must not close bob's coach
    take_safety_check(bob_client)
    engine = app.state.engine
    assert_isolated(engine, bob_client, alice, "GET", "/steps/reply-coach", expect_status=[200])
    response = assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/steps/reply-coach",
        form={"his_message": "hi"},
        expect_status=[200],
    )
    assert "There's no need to answer." not in page_text(response.text)
    assert "Take your time before you answer." in page_text(response.text)
