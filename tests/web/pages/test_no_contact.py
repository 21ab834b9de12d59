from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.isolation import assert_isolated
from tests.people import Person, csrf_token, page_text, take_safety_check

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
PAGE = "/steps/no-contact"


@pytest.fixture(autouse=True)
def frozen() -> object:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _post(client: TestClient, path: str, **form: str) -> object:
    return client.post(
        f"{PAGE}/{path}",
        data={"csrf_token": csrf_token(client, PAGE), **form},
        follow_redirects=False,
    )


def _start(client: TestClient, **form: str) -> None:
    chosen = {"target_days": "30", "started_on": "2026-11-16", "his_name": "Marco", **form}
    response = _post(client, "start", **chosen)
    assert response.headers["location"] == f"{PAGE}?done=started"  # type: ignore[attr-defined]


def test_a_visitor_is_invited_to_log_in(client: TestClient) -> None:
    text = page_text(client.get(PAGE).text)
    assert "Log in to begin" in text
    assert "Coming soon" not in text


def test_she_starts_and_sees_her_count(alice_client: TestClient) -> None:
    _start(alice_client)
    soup = BeautifulSoup(alice_client.get(PAGE).text, "html.parser")
    assert soup.select_one("#days-done").get_text() == "10"  # type: ignore[union-attr]
    assert "20 days to go of 30." in page_text(str(soup))
    assert len(soup.select("svg.chart-calendar rect.chart-day-clean")) == 11
    assert [li.get_text() for li in soup.select(".milestones li.reached")] == [
        "day 1",
        "day 3",
        "day 7",
    ]


def test_a_start_in_the_future_is_explained_and_keeps_her_choices(alice_client: TestClient) -> None:
    response = _post(
        alice_client, "start", target_days="45", started_on="2026-12-01", his_name="Marco"
    )
    assert response.status_code == 400  # type: ignore[attr-defined]
    soup = BeautifulSoup(response.text, "html.parser")  # type: ignore[attr-defined]
    assert "today or a day in the past" in soup.select_one("#started_on-error").get_text()  # type: ignore[union-attr]
    assert soup.select_one("#his_name")["value"] == "Marco"  # type: ignore[index]
    assert soup.select_one("#target_days option[selected]")["value"] == "45"  # type: ignore[index]


def test_a_contact_she_starts_is_confirmed_kindly_before_it_restarts_the_count(
    alice_client: TestClient,
) -> None:
    _start(alice_client)
    asked = _post(
        alice_client,
        "contact",
        day="2026-11-25",
        time_of_day="21:00",
        initiator="me",
        channel="call",
    )
    assert asked.status_code == 200  # type: ignore[attr-defined]
    assert "doesn't undo how far you've come" in page_text(asked.text)  # type: ignore[attr-defined]
    assert "20 days to go" in page_text(alice_client.get(PAGE).text)  # nothing changed yet
    confirmed = _post(
        alice_client,
        "contact",
        day="2026-11-25",
        time_of_day="21:00",
        initiator="me",
        channel="call",
        confirmed="true",
    )
    assert confirmed.headers["location"] == f"{PAGE}?done=restarted"  # type: ignore[attr-defined]
    text = page_text(alice_client.get(confirmed.headers["location"]).text)  # type: ignore[attr-defined]
    assert "not proof you failed" in text
    assert "1 restart " in text + " "  # one restart, in the singular (issue 21)
    assert "1 restarts" not in text


def test_when_he_reaches_out_she_gets_gentle_advice(alice_client: TestClient) -> None:
    _start(alice_client)
    response = _post(alice_client, "contact", day="2026-11-26", initiator="him", channel="text")
    # The post redirects (a reload never logs it twice, issue 21); the advice is on the page after.
    assert response.headers["location"] == f"{PAGE}?done=advice"  # type: ignore[attr-defined]
    text = page_text(alice_client.get(f"{PAGE}?done=advice").text)
    assert "You don't need to answer yet: 20 days" in text
    assert "The contact is logged" in text


def test_the_restart_question_comes_first_with_focus_on_it(alice_client: TestClient) -> None:
    _start(alice_client)
    asked = _post(alice_client, "contact", day="2026-11-25", initiator="me", note="I called")
    soup = BeautifulSoup(asked.text, "html.parser")  # type: ignore[attr-defined]
    main = soup.select_one("main") or soup
    first_card = main.select_one("section.card")
    assert first_card is not None
    assert first_card.get("id") == "confirm"
    yes = first_card.select_one("button[autofocus]")
    assert yes is not None
    assert yes.get_text() == "Yes, log it"
    kept = {i["name"]: i["value"] for i in first_card.select("input[type=hidden]")}
    assert kept["initiator"] == "me"
    assert kept["note"] == "I called"
    assert kept["confirmed"] == "true"


def test_she_can_choose_her_own_number_of_days(alice_client: TestClient) -> None:
    _start(alice_client, target_days="custom", custom_days="90")
    assert "80 days to go of 90." in page_text(alice_client.get(PAGE).text)


def test_a_number_she_typed_wins_over_the_list(alice_client: TestClient) -> None:
    _start(alice_client, target_days="30", custom_days="90")  # the list was left on 30
    assert "80 days to go of 90." in page_text(alice_client.get(PAGE).text)


@pytest.mark.parametrize("typed", ["", "0", "366", "ten"])
def test_an_own_length_out_of_bounds_is_explained_and_kept(
    alice_client: TestClient, typed: str
) -> None:
    response = _post(alice_client, "start", target_days="custom", custom_days=typed)
    assert response.status_code == 400  # type: ignore[attr-defined]
    soup = BeautifulSoup(response.text, "html.parser")  # type: ignore[attr-defined]
    error = soup.select_one("#target_days-error")
    assert error is not None
    assert "from 1 to 365" in error.get_text()
    assert soup.select_one("#target_days option[selected]")["value"] == "custom"  # type: ignore[index]
    assert soup.select_one("#custom_days")["value"] == typed  # type: ignore[index]


def test_todays_check_in_is_shown_and_saving_updates_it(alice_client: TestClient) -> None:
    _start(alice_client)
    before = BeautifulSoup(alice_client.get(PAGE).text, "html.parser")
    assert before.select_one("#checked-in-today") is None
    _post(alice_client, "checkin", mood="3", note="a heavy morning")
    soup = BeautifulSoup(alice_client.get(PAGE).text, "html.parser")
    assert soup.select_one("#mood")["value"] == "3"  # type: ignore[index]
    assert soup.select_one("#checkin_note").get_text() == "a heavy morning"  # type: ignore[union-attr]
    assert "updates today's entry" in soup.select_one("#checked-in-today").get_text()  # type: ignore[union-attr]
    _post(alice_client, "checkin", mood="7", note="better by evening")
    soup = BeautifulSoup(alice_client.get(PAGE).text, "html.parser")
    assert soup.select_one("#mood")["value"] == "7"  # type: ignore[index]
    assert len(soup.select("#checkin circle.chart-dot")) == 1  # one entry for the day, updated


def test_urges_go_to_the_vault_and_checkins_to_the_mood_chart(alice_client: TestClient) -> None:
    _start(alice_client)
    _post(alice_client, "urge", intensity="8", trigger="our song", message="I miss our Sundays")
    _post(alice_client, "checkin", mood="6", note="a walk helped")
    soup = BeautifulSoup(alice_client.get(PAGE).text, "html.parser")
    assert "I miss our Sundays" in soup.select_one(".vault").get_text()  # type: ignore[union-attr]
    assert [dot.get_text() for dot in soup.select("svg.chart-plot circle.chart-dot title")] == [
        "26 November 2026: 6"
    ]
    bad = _post(alice_client, "urge", intensity="12")
    assert bad.status_code == 400  # type: ignore[attr-defined]


def test_she_can_pause_and_resume(alice_client: TestClient) -> None:
    _start(alice_client)
    _post(alice_client, "pause", reason="court date")
    assert "Paused on purpose" in page_text(alice_client.get(PAGE).text)
    _post(alice_client, "pause", action="resume")
    assert "days to go" in page_text(alice_client.get(PAGE).text)


def test_bob_never_sees_or_changes_alices_no_contact_page(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person
) -> None:
    _start(alice_client)
    _post(alice_client, "urge", intensity="8", message="alice-vault-secret")
    _post(alice_client, "contact", day="2026-11-20", initiator="him", note="alice-contact-note")
    engine = app.state.engine
    secrets = ["alice-vault-secret", "alice-contact-note", "Marco"]
    assert_isolated(
        engine, bob_client, alice, "GET", "/steps/no-contact", expect_status=[200], secrets=secrets
    )
    for path, form in (
        ("/steps/no-contact/start", {"target_days": "21"}),
        (
            "/steps/no-contact/contact",
            {"day": "2026-11-20", "initiator": "me", "confirmed": "true"},
        ),
        ("/steps/no-contact/urge", {"intensity": "3"}),
        ("/steps/no-contact/checkin", {"mood": "2"}),
        ("/steps/no-contact/pause", {"reason": "x"}),
    ):
        assert_isolated(
            engine, bob_client, alice, "POST", path, form=form, expect_status=[303], secrets=secrets
        )


def test_a_contact_in_the_future_or_long_ago_is_explained(alice_client: TestClient) -> None:
    _start(alice_client)
    for day in ("2026-12-01", "0001-01-01"):
        response = _post(alice_client, "contact", day=day, initiator="him")
        assert response.status_code == 400  # type: ignore[attr-defined]
        assert BeautifulSoup(response.text, "html.parser").select_one("#day-error")  # type: ignore[attr-defined]


def test_safety_mode_does_not_ask_what_he_would_have_to_change(alice_client: TestClient) -> None:
    assert "Will he change too?" in page_text(alice_client.get(PAGE).text)
    take_safety_check(alice_client, afraid=True)
    text = page_text(alice_client.get(PAGE).text)
    assert "Will he change too?" not in text
    assert "different on his side" not in text


def test_a_completed_period_offers_no_pause(alice_client: TestClient) -> None:
    _start(alice_client, target_days="custom", custom_days="5")  # started ten days ago
    text = page_text(alice_client.get(PAGE).text)
    assert "You reached your 5 days." in text
    assert "Pause on purpose" not in text
