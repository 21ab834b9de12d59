from __future__ import annotations

import re

from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from anew.insights.models import HardHoursPlan
from tests.isolation import assert_isolated
from tests.people import Person, csrf_token, page_text, take_safety_check
from tests.web.api.test_insights import her_days, their_chat


def test_the_page_needs_her_signed_in_and_is_linked_from_the_menu(
    client: TestClient, alice_client: TestClient
) -> None:
    answer = client.get("/insights", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/login")
    today = BeautifulSoup(alice_client.get("/dashboard").text, "html.parser")
    assert today.select_one('nav a[href="/insights"]') is not None


def test_with_no_data_yet_she_is_told_what_will_show(alice_client: TestClient) -> None:
    page = alice_client.get("/insights")
    assert page.status_code == 200
    text = page_text(page.text)
    assert "your mood will show here" in text
    assert "When you log an urge" in text
    assert "<svg" not in page.text


def test_her_mood_line_heat_map_and_hard_hour_in_her_time_zone(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    her_days(factory, alice, "Europe/Berlin")
    page = alice_client.get("/insights")
    soup = BeautifulSoup(page.text, "html.parser")
    text = page_text(page.text)
    assert "Sunday evenings around 21:00 have been hard: 4 urges and 1 slip." in text
    assert "(Europe/Berlin)" in text
    mood = soup.select_one("#mood figure")
    assert mood is not None
    assert len(mood.select("circle.chart-dot")) == 3
    marks = [m.title.get_text() for m in mood.select("rect.chart-mark") if m.title]
    assert sum(m.endswith(": 1 urge") for m in marks) == 4
    assert sum(m.endswith(": 1 slip") for m in marks) == 1
    assert sum(m.endswith(": 1 contact") for m in marks) == 1
    pixels = [r.title.get_text() for r in soup.select("#mood .chart-calendar rect") if r.title]
    assert pixels == [
        "5 January 2026: Mood 1 to 3",
        "12 January 2026: Mood 4 to 6",
        "20 January 2026: Mood 4 to 6",
    ]
    heat = soup.select_one("#hard-hours figure")
    assert heat is not None
    titles = [r.title.get_text() for r in heat.select("rect") if r.title]
    assert "Sun, 21:00: 5" in titles


def test_in_safety_mode_the_page_shows_only_her_own_moments(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    her_days(factory, alice, "Europe/Berlin")
    take_safety_check(alice_client, choking=True)
    page = alice_client.get("/insights")
    assert page.status_code == 200
    text = page_text(page.text)
    assert "Sunday evenings around 21:00 have been hard" in text
    for word in ("him", "his", "he", "ex", "win back"):
        assert re.search(rf"\b{word}\b", text.lower()) is None, word


def test_bob_never_sees_alices_insights_page(
    app: FastAPI,
    bob_client: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
) -> None:
    her_days(factory, alice)
    seen = assert_isolated(
        app.state.engine, bob_client, alice, "GET", "/insights", expect_status=[200]
    )
    assert "have been hard" not in seen.text
    assert "your mood will show here" in page_text(seen.text)


def test_she_writes_her_plan_for_the_hard_hours_and_finds_it_there(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    token = csrf_token(alice_client, "/insights")
    kept = alice_client.post(
        "/insights/plan",
        data={"csrf_token": token, "text": "Make tea.\nText my sister."},
        follow_redirects=False,
    )
    assert kept.status_code == 303
    assert kept.headers["location"] == "/insights?saved=plan#plan"
    page = BeautifulSoup(alice_client.get(kept.headers["location"]).text, "html.parser")
    shown = page.select_one("#plan .plan-text")
    assert shown is not None
    assert shown.get_text() == "Make tea.\nText my sister."
    assert "Your plan is kept" in page.select_one("#plan").get_text()
    with factory() as db:
        row = db.get(HardHoursPlan, alice.id)
        assert row is not None
        assert row.text == "Make tea.\nText my sister."


def test_a_plan_too_long_keeps_what_she_typed_and_says_why(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    typed = "Breathe. " * 300
    refused = alice_client.post(
        "/insights/plan", data={"csrf_token": csrf_token(alice_client, "/insights"), "text": typed}
    )
    assert refused.status_code == 400
    page = BeautifulSoup(refused.text, "html.parser")
    box = page.select_one("#plan-text")
    assert box is not None
    assert box.get_text() == typed.strip()
    error = page.select_one("#plan-text-error")
    assert error is not None
    assert "2,000" in error.get_text()
    with factory() as db:
        assert db.get(HardHoursPlan, alice.id) is None


def test_the_hours_they_used_to_write_show_beside_her_hard_hours(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    her_days(factory, alice, "Europe/Berlin")
    their_chat(factory, alice)
    page = BeautifulSoup(alice_client.get("/insights").text, "html.parser")
    section = page.select_one("#talk-hours")
    assert section is not None
    assert "You two wrote most on Sunday evenings, around 21:00." in section.get_text()
    titles = [r.title.get_text() for r in section.select("figure rect") if r.title]
    assert "Sun, 21:00: 6" in titles
    hard = page.select_one("#hard-hours")
    assert hard is not None
    assert "It is also when you two used to write most." in hard.get_text()


def test_in_safety_mode_the_chat_hours_are_not_shown(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    her_days(factory, alice, "Europe/Berlin")
    their_chat(factory, alice)
    take_safety_check(alice_client, choking=True)
    page = alice_client.get("/insights")
    assert 'id="talk-hours"' not in page.text
    assert "used to write" not in page.text
    assert "heads-up" not in page_text(page.text)


def test_bob_never_changes_alices_plan_from_the_page(
    app: FastAPI,
    bob_client: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
) -> None:
    with factory() as db:
        db.add(HardHoursPlan(user_id=alice.id, text="Call Jo"))
        db.commit()
    seen = assert_isolated(
        app.state.engine,
        bob_client,
        alice,
        "POST",
        "/insights/plan",
        form={"text": "Bob's plan"},
        expect_status=[303],
        secrets=["Call Jo"],
    )
    assert seen.headers["location"] == "/insights?saved=plan#plan"
    with factory() as db:
        row = db.get(HardHoursPlan, alice.id)
        assert row is not None
        assert row.text == "Call Jo"
