from __future__ import annotations

import re
from datetime import UTC, datetime

import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.isolation import assert_isolated
from tests.people import Person, api_token, csrf_token, page_text, take_safety_check

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
    assert "Not before tomorrow at 07:00" in text  # 23:30 falls in the quiet hours
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


CHAT = (
    "01/03/24, 09:00 - Ana: hi\n01/03/24, 12:00 - Sam: hey there\n01/03/24, 12:30 - Ana: ok\n"
    "20/05/24, 09:00 - Sam: hello?\n20/05/24, 12:00 - Ana: busy day, talk soon\n"
)


def test_her_adherence_shows_before_and_after_the_breakup(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    take_safety_check(alice_client)
    token = csrf_token(alice_client, "/steps/no-contact")
    alice_client.post(
        "/steps/no-contact/start",
        data={
            "csrf_token": token,
            "target_days": "30",
            "breakup_on": "2024-04-01",
            "started_on": "2026-11-01",
        },
    )
    alice_client.post(
        "/steps/no-contact/contact",
        data={
            "csrf_token": token,
            "initiator": "him",
            "day": "2026-11-10",
            "time_of_day": "10:00",
            "channel": "text",
        },
    )
    upload = alice_client.post(
        "/api/v1/chats",
        data={"me": "Ana"},
        files={"file": ("chat.txt", CHAT.encode())},
        headers={"Authorization": f"Bearer {api_token(factory, alice)}"},
    )
    assert upload.status_code == 201, upload.text
    html = alice_client.get("/steps/reply-coach").text
    assert "Logged contacts, by who reached out" in html
    assert "Median reply time in hours, by month" in html
    table = page_text(html.split('id="before-after"')[1].split("</table>")[0])
    # Measures down, before and after across (it was the other way, and too wide for a phone).
    assert "Before After" in table
    assert "Conversations 1 1" in table
    assert "3.0 h" in table.split("Your median reply")[1]  # three hours to answer after the breakup


def test_she_can_pick_his_message_from_a_chat_she_kept_the_text_of(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    take_safety_check(alice_client)
    headers = {"Authorization": f"Bearer {api_token(factory, alice)}"}
    alice_client.post(
        "/api/v1/chats",
        data={"me": "Ana", "keep_text": "true"},
        files={"file": ("chat.txt", CHAT.encode())},
        headers=headers,
    )
    page = alice_client.get("/steps/reply-coach").text
    section = page_text(page.split('id="from-chat"')[1].split("</section>")[0])
    assert "hello?" in section
    assert "hey there" in section
    assert "busy day" not in section  # her own messages are not offered
    answer = alice_client.post(
        "/steps/reply-coach",
        data={
            "csrf_token": csrf_token(alice_client, "/steps/reply-coach"),
            "his_message": "hello?",
        },
    )
    assert "hello?" in answer.text  # his message came through as asked
    assert "Keep it to about" in page_text(answer.text)


def test_the_import_hint_goes_once_she_has_a_chat(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    take_safety_check(alice_client)
    before = alice_client.get("/steps/reply-coach").text
    assert "Import a chat and choose which participant you are" in page_text(before)
    headers = {"Authorization": f"Bearer {api_token(factory, alice)}"}
    alice_client.post("/api/v1/chats", files={"file": ("chat.txt", CHAT.encode())}, headers=headers)
    unchosen = page_text(alice_client.get("/steps/reply-coach").text)
    assert "Import a chat" not in unchosen
    assert "say which one is you" in unchosen
    alice_client.post(
        "/api/v1/chats",
        data={"me": "Ana"},
        files={"file": ("c.txt", CHAT.encode())},
        headers=headers,
    )
    chosen = alice_client.get("/steps/reply-coach").text
    assert 'id="import-hint"' not in chosen


def test_a_wait_that_ends_today_says_today(alice_client: TestClient) -> None:
    take_safety_check(alice_client)
    morning = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # a Thursday
    with time_machine.travel(morning, tick=False):
        token = csrf_token(alice_client, "/steps/reply-coach")
        response = alice_client.post(
            "/steps/reply-coach", data={"csrf_token": token, "his_message": "hey"}
        )
    text = page_text(response.text)
    assert re.search(r"Not before today at \d\d:\d\d", text), text
    assert "Thursday" not in text
