"""The vault looking back on her pages: the choice on the vault's page (a form that needs no
JavaScript), the card on Today with her words, the question and her moods, the journal opened with
the question, nothing in safety mode, and bob never seeing alice's vault or changing her choice."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.isolation import assert_isolated
from tests.people import Person, csrf_token, page_text, take_safety_check

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)  # day 8 of a path begun on 19 November
PAGE = "/steps/no-contact"
SETTING = f"{PAGE}/looking-back"
MESSAGE = "I keep rereading our old messages."


@pytest.fixture(autouse=True)
def frozen() -> Any:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def post(client: TestClient, path: str, **form: str) -> Any:
    token = csrf_token(client, PAGE)
    return client.post(path, data={"csrf_token": token, **form}, follow_redirects=False)


def keep_a_week_ago(client: TestClient, frozen: Any, message: str = MESSAGE) -> None:
    """Her path began on 19 November; that evening she kept a message and checked in at 3."""
    assert post(client, f"{PAGE}/start", target_days="30", started_on="2026-11-19").status_code
    frozen.move_to(datetime(2026, 11, 19, 21, 0, tzinfo=UTC))
    assert post(client, f"{PAGE}/urge", intensity="8", message=message).status_code == 303
    assert post(client, f"{PAGE}/checkin", mood="3").status_code == 303
    frozen.move_to(NOW)


def soup_of(client: TestClient, path: str) -> BeautifulSoup:
    return BeautifulSoup(client.get(path).text, "html.parser")


def test_she_turns_it_on_and_off_on_the_vault_page(alice_client: TestClient) -> None:
    soup = soup_of(alice_client, PAGE)
    setting = soup.select_one("#looking-back-setting")
    assert setting is not None
    assert "It's off." in page_text(str(setting))
    form = setting.select_one("form")
    assert form is not None
    assert form["action"] == SETTING
    assert form.select_one("input[name=enabled]")["value"] == "true"  # type: ignore[index]
    turned = post(alice_client, SETTING, enabled="true")
    assert turned.status_code == 303
    assert turned.headers["location"] == f"{PAGE}?done=looking-back-on#looking-back-setting"
    text = page_text(str(soup_of(alice_client, turned.headers["location"])))
    assert "It's on." in text
    assert "Your vault will look back with you on days 7, 30 and 90." in text
    assert post(alice_client, SETTING, enabled="false").status_code == 303
    assert "It's off." in page_text(alice_client.get(PAGE).text)


def test_a_bad_value_is_named_and_changes_nothing(alice_client: TestClient) -> None:
    refused = post(alice_client, SETTING, enabled="perhaps")
    assert refused.status_code == 400
    error = BeautifulSoup(refused.text, "html.parser").select_one("#enabled-error")
    assert error is not None
    assert error.get_text().strip()
    assert "It's off." in page_text(alice_client.get(PAGE).text)


def test_today_shows_the_card_with_her_words_the_question_and_her_moods(
    alice_client: TestClient, frozen: Any
) -> None:
    keep_a_week_ago(alice_client, frozen)
    assert soup_of(alice_client, "/dashboard").select_one("#looking-back") is None
    post(alice_client, SETTING, enabled="true")
    card = soup_of(alice_client, "/dashboard").select_one("#looking-back")
    assert card is not None
    text = page_text(str(card))
    assert "A week ago, you wrote this" in text
    assert MESSAGE in text
    assert "Written on Thursday 19 November 2026" in text
    assert "How does this read to you now?" in text
    assert card.select_one("#mood-then").get_text(" ", strip=True) == "3 of 10"  # type: ignore[union-attr]
    check_in = card.select_one("#mood-now a")
    assert check_in is not None
    assert check_in["href"] == "#checkin"
    journal = card.select_one("#looking-back-journal")
    assert journal is not None
    assert journal["href"] == "/journal?prompt=looking-back#write"
    token = csrf_token(alice_client, "/dashboard")
    alice_client.post("/dashboard/checkin", data={"csrf_token": token, "mood": "7"})
    card = soup_of(alice_client, "/dashboard").select_one("#looking-back")
    assert card.select_one("#mood-now").get_text(" ", strip=True) == "7 of 10"  # type: ignore[union-attr]


def test_safety_mode_shows_no_card(alice_client: TestClient, frozen: Any) -> None:
    keep_a_week_ago(alice_client, frozen)
    post(alice_client, SETTING, enabled="true")
    take_safety_check(alice_client, afraid=True)
    page = alice_client.get("/dashboard").text
    assert BeautifulSoup(page, "html.parser").select_one("#looking-back") is None
    assert MESSAGE not in page


def test_the_journal_opens_with_the_question(alice_client: TestClient) -> None:
    box = soup_of(alice_client, "/journal?prompt=looking-back").select_one("#entry-text")
    assert box is not None
    assert box.get_text().strip() == "How does this read to you now?"
    for plain in ("/journal?prompt=anything-else", "/journal?prompt=looking-back&day=3"):
        box = soup_of(alice_client, plain).select_one("#entry-text")
        assert box is not None
        assert box.get_text() == ""


def test_bob_never_sees_alices_vault_or_changes_her_choice(
    app: FastAPI,
    alice_client: TestClient,
    bob_client: TestClient,
    alice: Person,
    frozen: Any,
) -> None:
    keep_a_week_ago(alice_client, frozen, "alice-vault-secret")
    post(alice_client, SETTING, enabled="true")
    keep_a_week_ago(bob_client, frozen, "bob's own words")
    engine = app.state.engine
    secrets = ["alice-vault-secret"]
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/steps/no-contact/looking-back",
        form={"enabled": "false"},
        expect_status=[303],
    )
    assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/steps/no-contact/looking-back",
        form={"enabled": "true"},
        expect_status=[303],
    )
    seen = assert_isolated(
        engine, bob_client, alice, "GET", "/dashboard", expect_status=[200], secrets=secrets
    )
    assert "bob's own words" in page_text(seen.text)  # his own vault looks back
    assert "alice-vault-secret" in page_text(alice_client.get("/dashboard").text)
