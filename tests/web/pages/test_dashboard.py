from __future__ import annotations

import re
from datetime import UTC, datetime

import time_machine
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from anew.method.steps import STEPS
from tests.isolation import assert_isolated
from tests.people import Person, api_token, csrf_token, page_text, take_safety_check

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)  # a Thursday
CHAT = (
    "12/03/24, 20:01 - Ana: hi there\n"
    "12/03/24, 20:05 - Sam: hello you\n"
    "13/03/24, 21:00 - Sam: sorry, busy day\n"
)


def post(client: TestClient, path: str, **data: str):  # type: ignore[no-untyped-def]
    token = csrf_token(client, "/steps/no-contact")
    return client.post(path, data={"csrf_token": token, **data}, follow_redirects=False)


def next_actions(client: TestClient) -> list[str]:
    soup = BeautifulSoup(client.get("/dashboard").text, "html.parser")
    return [a.get_text() for a in soup.select(".next-actions a")]


def habit_ids(client: TestClient) -> list[str]:
    return re.findall(r'action="/dashboard/habits/(\d+)/done"', client.get("/dashboard").text)


def test_a_visitor_is_sent_to_log_in(client: TestClient) -> None:
    response = client.get("/dashboard", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/dashboard"


def test_it_shows_the_six_steps_to_a_signed_in_user(alice_client: TestClient) -> None:
    page = alice_client.get("/dashboard")
    assert page.status_code == 200
    text = page_text(page.text)
    assert "Today" in text
    for step in STEPS:
        assert f'href="/steps/{step.slug}"' in page.text
        assert step.title in text


def test_bob_sees_only_his_own_dashboard(
    app: FastAPI, bob_client: TestClient, alice: Person
) -> None:
    assert_isolated(app.state.engine, bob_client, alice, "GET", "/dashboard", expect_status=[200])


def test_next_follows_what_she_has_done_in_her_own_steps(alice_client: TestClient) -> None:
    take_safety_check(alice_client)
    with time_machine.travel(NOW, tick=False):
        post(alice_client, "/dashboard/welcome", answer="start")
        post(alice_client, "/steps/no-contact/checkin", mood="6")
        assert "Plan something for yourself: the new you, step 4" in next_actions(alice_client)
        for title in ("Run", "Read", "Save"):
            post(alice_client, "/steps/new-you/goals", area="health", title=title)
            post(alice_client, "/steps/new-you/habits", title=f"{title} a little")
        assert "Tick off today's habits: 3 still open" in next_actions(alice_client)
        for habit in habit_ids(alice_client):
            post(alice_client, f"/dashboard/habits/{habit}/done")
        actions = next_actions(alice_client)
    assert all("Plan something" not in label for label in actions)
    assert "Name a quality you treasure in yourself: your best self, step 5" in actions


def test_todays_habits_are_done_with_one_tap(alice_client: TestClient) -> None:
    with time_machine.travel(NOW, tick=False):
        post(alice_client, "/steps/new-you/habits", title="Walk at lunch")
        (habit,) = habit_ids(alice_client)
        tapped = post(alice_client, f"/dashboard/habits/{habit}/done")
        assert tapped.status_code == 303
        assert tapped.headers["location"] == "/dashboard#today-habits"
        page = alice_client.get("/dashboard").text
        assert habit_ids(alice_client) == []
        step = page_text(alice_client.get("/steps/new-you").text)
    soup = BeautifulSoup(page, "html.parser")
    today = soup.select_one(".today-habits")
    assert today is not None
    assert "Walk at lunch Done today" in " ".join(today.get_text().split())
    assert "Done today" in step


def test_bob_cannot_tick_alices_habit_or_answer_her_welcome(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person
) -> None:
    with time_machine.travel(NOW, tick=False):
        post(alice_client, "/steps/new-you/habits", title="alice-habit")
        (habit,) = habit_ids(alice_client)
        engine = app.state.engine
        assert_isolated(
            engine, bob_client, alice, "POST", f"/dashboard/habits/{habit}/done", form={}
        )
        assert_isolated(
            engine,
            bob_client,
            alice,
            "POST",
            "/dashboard/welcome",
            form={"answer": "start"},
            expect_status=[303],
        )
        assert "Start your no-contact period" in " ".join(next_actions(alice_client))


def test_the_first_run_welcome_starts_no_contact_when_she_says_yes(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    with time_machine.travel(NOW, tick=False):
        first = alice_client.get("/dashboard").text
        assert 'id="first-run"' in first
        assert "When did it end?" in page_text(first)
        # Enter in the date field sends the first button: it must be the one that starts nothing.
        buttons = BeautifulSoup(first, "html.parser").select("#first-run button[type=submit]")
        assert [b["value"] for b in buttons] == ["later", "start"]
        answered = post(alice_client, "/dashboard/welcome", answer="start", ended_on="2026-11-20")
        assert answered.status_code == 303
        page = alice_client.get("/dashboard").text
        state = alice_client.get(
            "/api/v1/nocontact", headers={"Authorization": f"Bearer {api_token(factory, alice)}"}
        ).json()
    assert 'id="first-run"' not in page
    assert "Your no-contact period begins today. 30 days to go" in page_text(page)
    assert state["breakup_on"] == "2026-11-20"
    assert state["target_days"] == 30


def test_the_welcome_can_be_put_aside_and_is_not_asked_again(alice_client: TestClient) -> None:
    with time_machine.travel(NOW, tick=False):
        post(alice_client, "/dashboard/welcome", answer="later")
        page = alice_client.get("/dashboard").text
    assert 'id="first-run"' not in page
    assert "You haven't started a step yet" in page_text(page)


def test_the_welcome_is_not_asked_once_she_has_begun_no_contact(alice_client: TestClient) -> None:
    with time_machine.travel(NOW, tick=False):
        assert 'id="first-run"' in alice_client.get("/dashboard").text
        post(alice_client, "/steps/no-contact/start", target_days="30", started_on="2026-11-20")
        page = alice_client.get("/dashboard").text
    assert 'id="first-run"' not in page
    assert "Day " in page_text(page)


def test_a_future_end_date_is_explained_and_kept(alice_client: TestClient) -> None:
    with time_machine.travel(NOW, tick=False):
        refused = post(alice_client, "/dashboard/welcome", answer="start", ended_on="2026-12-25")
    assert refused.status_code == 400
    soup = BeautifulSoup(refused.text, "html.parser")
    error = soup.find(id="ended_on-error")
    assert error is not None
    assert "today or a day in the past" in error.get_text()
    field = soup.find("input", attrs={"name": "ended_on"})
    assert field is not None
    assert field["value"] == "2026-12-25"


def test_in_safety_mode_the_dashboard_shows_nothing_of_his(alice_client: TestClient) -> None:
    token = csrf_token(alice_client, "/chats")
    alice_client.post(
        "/chats", data={"csrf_token": token}, files={"file": ("c.txt", CHAT.encode())}
    )
    before = page_text(alice_client.get("/dashboard").text)
    assert "Sam" in before
    take_safety_check(alice_client, afraid=True)
    page = alice_client.get("/dashboard").text
    assert "Sam" not in page
    assert "Your conversations" not in page_text(page)
    assert "conversations." not in page_text(page)
