from __future__ import annotations

import re

from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.isolation import assert_isolated
from tests.people import Person, page_text, take_safety_check
from tests.web.api.test_insights import her_days


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
