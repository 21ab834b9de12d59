"""Today's screen and the path's pages: the day across a slip, one-tap check-in, the milestone
moment, every card's link landing where it says, safety mode's own path, and bob seeing none."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
import time_machine
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient

from anew.method.path.cards import deck
from anew.method.path.tools import TOOLS
from tests.isolation import assert_isolated
from tests.people import Person, csrf_token, page_text, take_safety_check

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen() -> object:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def post(client: TestClient, path: str, **data: str):  # type: ignore[no-untyped-def]
    token = csrf_token(client, "/steps/no-contact")
    return client.post(path, data={"csrf_token": token, **data}, follow_redirects=False)


def start(client: TestClient, on: str, target: str = "30") -> None:
    started = post(client, "/steps/no-contact/start", target_days=target, started_on=on)
    assert started.status_code == 303, started.text


def slip(client: TestClient, day: str) -> None:
    logged = post(
        client,
        "/steps/no-contact/contact",
        day=day,
        time_of_day="20:00",
        initiator="me",
        channel="text",
        confirmed="1",
    )
    assert logged.status_code == 303, logged.text


def soup(client: TestClient, path: str) -> BeautifulSoup:
    page = client.get(path)
    assert page.status_code == 200, page.text
    return BeautifulSoup(page.text, "html.parser")


def test_a_visitor_is_sent_to_log_in(client: TestClient) -> None:
    for path in ("/path", "/path/1"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == f"/login?next={path}"


def test_before_she_starts_the_path_says_when_it_begins(alice_client: TestClient) -> None:
    text = page_text(alice_client.get("/path").text)
    assert "Your path begins on the day you start no contact" in text
    assert soup(alice_client, "/dashboard").select_one("#path-day") is None
    assert alice_client.get("/path/1").status_code == 404


def test_today_keeps_counting_across_a_slip(alice_client: TestClient) -> None:
    start(alice_client, "2026-11-01")
    slip(alice_client, "2026-11-20")
    today = soup(alice_client, "/dashboard")
    assert " ".join(today.select_one("#path-day").get_text().split()) == "Day 26 of your path"
    assert "A new stretch of no contact" not in today.get_text()
    assert "Day 6 of your no-contact period" in " ".join(
        today.select_one("#stage").get_text().split()
    )
    card = today.select_one("#day-card")
    assert card is not None
    assert deck().first[25].title in card.get_text()
    assert card.select_one("a.button")["href"] == deck().first[25].tool.href
    listed = soup(alice_client, "/path").select(".path-list li")
    assert len(listed) == 26
    assert "Day 26" in listed[0].get_text()
    assert "Today" in listed[0].get_text()
    assert "Day 1" in listed[-1].get_text()


def test_a_slip_on_the_day_itself_says_the_count_begins_again_and_the_path_goes_on(
    alice_client: TestClient,
) -> None:
    start(alice_client, "2026-11-01")
    slip(alice_client, "2026-11-26")
    stage = " ".join(soup(alice_client, "/dashboard").select_one("#stage").get_text().split())
    assert stage.startswith(
        "A new stretch of no contact begins today, and your path keeps counting."
    )


def test_a_card_page_shows_one_past_card_and_a_later_one_waits(alice_client: TestClient) -> None:
    start(alice_client, "2026-11-17")  # day 10
    third = soup(alice_client, "/path/3")
    card = deck().first[2]
    assert third.select_one("h1").get_text() == card.title
    assert card.read in third.get_text()
    assert card.ask in third.get_text()
    assert third.select_one("a[rel=prev]")["href"] == "/path/2"
    assert third.select_one("a[rel=next]")["href"] == "/path/4"
    assert soup(alice_client, "/path/10").select_one("a[rel=next]") is None
    later = alice_client.get("/path/11")
    assert later.status_code == 404
    assert "Day 11 of your path opens on Friday 27 November 2026" in page_text(later.text)


def test_the_check_in_is_one_tap_from_today_and_keeps_her_words_on_a_mistake(
    alice_client: TestClient,
) -> None:
    tapped = post(alice_client, "/dashboard/checkin", mood="7", note="a calmer day")
    assert tapped.status_code == 303
    assert tapped.headers["location"] == "/dashboard#checkin"
    today = soup(alice_client, "/dashboard")
    assert (
        today.select_one("#checked-in").get_text() == 'You checked in: mood 7 of 10. "a calmer day"'
    )
    assert today.select_one(".mood-button.chosen").get_text() == "7"
    wrong = post(alice_client, "/dashboard/checkin", mood="11", note="kept words")
    assert wrong.status_code == 400
    page = BeautifulSoup(wrong.text, "html.parser")
    assert "kept words" in page.select_one("#checkin_note").get_text()
    assert page.select_one("#mood-error") is not None


def test_a_milestone_gets_its_moment_with_her_numbers(alice_client: TestClient) -> None:
    start(alice_client, "2026-11-19")  # seven days without contact today
    post(alice_client, "/steps/no-contact/urge", intensity="6", message="kept, not sent")
    moment = soup(alice_client, "/dashboard").select_one("#milestone")
    assert moment is not None
    assert moment.select_one("h2").get_text() == "One week"
    numbers = {
        d.select_one("dt").get_text(): d.select_one("dd").get_text()
        for d in moment.select(".moment-numbers div")
    }
    assert numbers == {
        "Day of your path": "8",
        "Days of no contact in all": "7",
        "Urges you paused": "1",
        "Habit days kept": "0",
    }


def test_every_card_link_lands_on_a_page_with_what_it_points_at(alice_client: TestClient) -> None:
    take_safety_check(alice_client)
    start(alice_client, "2026-11-01")
    used = {card.tool for card in (*deck().first, *deck().after, *deck().safety)}
    assert used <= set(TOOLS.values())
    for tool in TOOLS.values():
        address = urlsplit(tool.href)
        page = soup(alice_client, address.path)
        if address.fragment:
            assert page.find(id=address.fragment) is not None, tool.href
        assert page.select_one(f'a[href="/steps/{tool.step}"]') is not None


def test_in_safety_mode_today_and_the_path_use_the_safety_path(alice_client: TestClient) -> None:
    start(alice_client, "2026-11-20")
    take_safety_check(alice_client, afraid=True)
    today = soup(alice_client, "/dashboard")
    assert today.select_one("#urge-button").get_text() == "I want to reach out"
    assert deck().safety[6].title in today.select_one("#day-card").get_text()
    titles = [a.get_text() for a in soup(alice_client, "/path").select(".path-list a")]
    assert all(any(c.title in t for c in deck().safety) for t in titles)
    assert soup(alice_client, "/path/2").select_one("h1").get_text() == deck().safety[1].title


def test_bob_never_sees_alices_path_or_changes_her_check_in(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person
) -> None:
    start(alice_client, "2026-11-01")
    post(alice_client, "/dashboard/checkin", mood="4", note="alice-note")
    engine = app.state.engine
    seen = assert_isolated(
        engine, bob_client, alice, "GET", "/path", expect_status=[200], secrets=["alice-note"]
    )
    assert "Your path begins" in page_text(seen.text)
    assert_isolated(engine, bob_client, alice, "GET", "/path/3")
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/dashboard/checkin",
        form={"mood": "9"},
        expect_status=[303],
    )
    assert "mood 4 of 10" in page_text(alice_client.get("/dashboard").text)


def test_the_pause_stays_one_tap_away_after_her_target_and_not_before_she_begins(
    alice_client: TestClient,
) -> None:
    assert soup(alice_client, "/dashboard").select_one("#urge-button") is None
    start(alice_client, "2026-09-01")  # 30 days reached long ago: day 87 of her path
    today = soup(alice_client, "/dashboard")
    urge = today.select_one("#urge-button")
    assert urge is not None
    assert urge["href"] == "/steps/no-contact?write=1#write-it-down"
    assert " ".join(today.select_one("#path-day").get_text().split()) == "Day 87 of your path"
    after = deck().after
    assert after[(87 - 61) % len(after)].title in today.select_one("#day-card").get_text()
