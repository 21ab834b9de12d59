from __future__ import annotations

import re
from datetime import UTC, datetime

import time_machine
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from tests.isolation import assert_isolated
from tests.people import Person, csrf_token, page_text

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
PAGE = "/steps/new-you"


def post(client: TestClient, path: str, **data: str):  # type: ignore[no-untyped-def]
    return client.post(path, data={"csrf_token": csrf_token(client, PAGE), **data})


def test_she_creates_a_goal_ticks_a_milestone_and_checks_a_habit_in(
    alice_client: TestClient,
) -> None:
    with time_machine.travel(NOW, tick=False):
        post(alice_client, f"{PAGE}/goals", area="health", title="Run 5 km", why="To feel strong")
        html = alice_client.get(PAGE).text
        goal_id = re.search(r'action="/steps/new-you/goals/(\d+)"', html)
        assert goal_id
        post(
            alice_client,
            f"{PAGE}/goals/{goal_id.group(1)}",
            action="milestone",
            milestone="Run 2 km",
        )
        html = alice_client.get(PAGE).text
        tick = re.search(r'value="(tick:\d+)"', html)
        assert tick
        post(alice_client, f"{PAGE}/goals/{goal_id.group(1)}", action=tick.group(1))
        post(
            alice_client, f"{PAGE}/habits", title="Stretch", per_week="7", goal_id=goal_id.group(1)
        )
        html = alice_client.get(PAGE).text
        habit_id = re.search(r'action="/steps/new-you/habits/(\d+)"', html)
        assert habit_id
        post(alice_client, f"{PAGE}/habits/{habit_id.group(1)}", action="done", day="2026-11-26")
        post(alice_client, f"{PAGE}/habits/{habit_id.group(1)}", action="done")
        text = page_text(alice_client.get(PAGE).text)
    assert "Run 5 km" in text
    assert "Why it matters: To feel strong" in text
    assert "☑ Run 2 km" in text
    assert "2 days in a row now" in text
    assert "(every day)" in text
    assert "Done today" in text
    html = alice_client.get(PAGE).text
    assert "Milestones reached, by area" in html
    # The tick button is named by its milestone, and says whether it is done.
    assert re.search(r'aria-pressed="true" aria-label="Done: Run 2 km"', html)


def test_the_milestones_chart_ends_with_her_month_not_the_servers(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    with factory() as db:
        db.execute(update(User).where(User.id == alice.id).values(time_zone="America/Los_Angeles"))
        db.commit()
    # 1 December in UTC, still 30 November where she lives
    with time_machine.travel(datetime(2026, 12, 1, 2, 0, tzinfo=UTC), tick=False):
        post(alice_client, f"{PAGE}/goals", area="health", title="Run 5 km")
        goal_id = re.search(r'action="/steps/new-you/goals/(\d+)"', alice_client.get(PAGE).text)
        assert goal_id
        post(alice_client, f"{PAGE}/goals/{goal_id.group(1)}", action="milestone", milestone="2 km")
        tick = re.search(r'value="(tick:\d+)"', alice_client.get(PAGE).text)
        assert tick
        post(alice_client, f"{PAGE}/goals/{goal_id.group(1)}", action=tick.group(1))
        soup = BeautifulSoup(alice_client.get(PAGE).text, "html.parser")
    table = soup.select_one("#charts details.chart-numbers table")
    assert table is not None
    months = [row.th.get_text() for row in table.select("tbody tr")]  # type: ignore[union-attr]
    assert months == [
        "June 2026",
        "July 2026",
        "August 2026",
        "September 2026",
        "October 2026",
        "November 2026",
    ]
    assert table.select("tbody tr")[-1].td.get_text() == "1"  # type: ignore[union-attr]


def test_a_goal_without_a_title_keeps_what_she_typed(alice_client: TestClient) -> None:
    response = post(alice_client, f"{PAGE}/goals", area="career", title="", why="Independence")
    assert response.status_code == 400
    assert "Please fill this in." in page_text(response.text)
    assert "Independence" in response.text


def test_visitors_see_what_the_step_is_about(client: TestClient) -> None:
    text = page_text(client.get(PAGE).text)
    assert "Log in to begin" in text


def test_bob_never_sees_or_changes_alices_goals_and_habits(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person
) -> None:
    post(alice_client, f"{PAGE}/goals", area="social", title="alice-goal")
    post(alice_client, f"{PAGE}/habits", title="alice-habit")
    html = alice_client.get(PAGE).text
    goal = re.search(r"/steps/new-you/goals/(\d+)", html)
    habit = re.search(r"/steps/new-you/habits/(\d+)", html)
    assert goal
    assert habit
    engine, secrets = app.state.engine, ["alice-goal", "alice-habit"]
    assert_isolated(
        engine, bob_client, alice, "GET", "/steps/new-you", expect_status=[200], secrets=secrets
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/steps/new-you/goals",
        form={"area": "social", "title": "bob"},
        expect_status=[303],
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/steps/new-you/habits",
        form={"title": "bob"},
        expect_status=[303],
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        f"/steps/new-you/goals/{goal.group(1)}",
        form={"action": "delete"},
        expect_status=[404],
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        f"/steps/new-you/habits/{habit.group(1)}",
        form={"action": "done"},
        expect_status=[404],
    )


def test_how_often_and_counts_read_in_words(alice_client: TestClient) -> None:
    with time_machine.travel(NOW, tick=False):
        for title, per_week in (("Swim", "1"), ("Call a friend", "2"), ("Gym", "3")):
            post(alice_client, f"{PAGE}/habits", title=title, per_week=per_week)
        html = alice_client.get(PAGE).text
        habit_id = re.search(r'action="/steps/new-you/habits/(\d+)"', html)
        assert habit_id
        post(alice_client, f"{PAGE}/habits/{habit_id.group(1)}", action="done")
        text = page_text(alice_client.get(PAGE).text)
    assert "Swim (once a week)" in text
    assert "Call a friend (twice a week)" in text
    assert "Gym (3 times a week)" in text
    assert "1 week in a row now" in text
    assert "1 times" not in text
    assert "Once a week" in text  # the "how often" choices too


def test_she_gives_a_habit_its_own_reminder_time_and_a_wrong_one_is_explained(
    alice_client: TestClient,
) -> None:
    with time_machine.travel(NOW, tick=False):
        made = post(
            alice_client, f"{PAGE}/habits", title="Stretch", per_week="7", remind_at="07:45"
        )
        assert made.status_code == 200
        html = alice_client.get(PAGE).text
        habit_id = re.search(r'action="/steps/new-you/habits/(\d+)"', html)
        assert habit_id
        hid = habit_id.group(1)
        box = BeautifulSoup(html, "html.parser").select_one(f"#remind-{hid}")
        assert box is not None
        assert box.get("value") == "07:45"
        wrong = post(alice_client, f"{PAGE}/habits/{hid}", action="remind", remind_at="7.45pm")
        assert wrong.status_code == 400
        page = BeautifulSoup(wrong.text, "html.parser")
        typed = page.select_one(f"#remind-{hid}")
        assert typed is not None
        assert typed.get("value") == "7.45pm"
        error = page.select_one(f"#remind-{hid}-error")
        assert error is not None
        assert error.get_text() == "Please give a time of day, like 07:30."
        post(alice_client, f"{PAGE}/habits/{hid}", action="remind", remind_at="")
        cleared = BeautifulSoup(alice_client.get(PAGE).text, "html.parser")
        box = cleared.select_one(f"#remind-{hid}")
        assert box is not None
        assert box.get("value") == ""
        refused = post(alice_client, f"{PAGE}/habits", title="Read", remind_at="noonish")
        assert refused.status_code == 400
        assert "Please give a time of day, like 07:30." in refused.text
        assert 'value="noonish"' in refused.text
