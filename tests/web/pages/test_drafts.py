from __future__ import annotations

from datetime import UTC, datetime

import time_machine
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient

from anew.method.drafts.service import FlagOut, SpanOut
from anew.web.pages.drafts import segments
from tests.isolation import assert_isolated
from tests.people import Person, csrf_token, page_text


def test_flags_are_highlighted_in_the_draft(alice_client: TestClient) -> None:
    token = csrf_token(alice_client, "/steps/before-you-send")
    text = "I'm sorry, I miss you <3"
    response = alice_client.post("/steps/before-you-send", data={"csrf_token": token, "text": text})
    soup = BeautifulSoup(response.text, "html.parser")
    marks = [(m["class"][0], m.get_text()) for m in soup.select(".draft-preview mark")]
    assert marks == [("flag-apology", "I'm sorry"), ("flag-needy", "I miss you")]
    assert soup.select_one(".draft-preview").get_text() == text  # type: ignore[union-attr]
    assert "Worth a gentle rewrite" in page_text(response.text)
    assert soup.select_one("#text").get_text() == text  # type: ignore[union-attr]


def _flag(code: str, *spans: tuple[int, int]) -> FlagOut:
    start, end = spans[0] if spans else (None, None)
    return FlagOut(
        code=code,
        message="",
        start=start,
        end=end,
        why="",
        spans=[SpanOut(start=s, end=e) for s, e in spans],
    )


def test_overlapping_flags_keep_every_code_on_the_words_they_share() -> None:
    flags = [_flag("needy", (0, 10)), _flag("intense", (5, 14))]
    assert segments("abcdefghijklmnop", flags) == [
        {"text": "abcde", "codes": ["needy"]},
        {"text": "fghij", "codes": ["needy", "intense"]},
        {"text": "klmn", "codes": ["intense"]},
        {"text": "op", "codes": []},
    ]


def test_every_phrase_of_a_flag_is_marked_not_only_its_first() -> None:
    text = "sorry, so sorry, sorry again"
    flags = [_flag("apology", (0, 5), (10, 15), (17, 22)), _flag("too_long")]
    pieces = segments(text, flags)
    assert [p["text"] for p in pieces if p["codes"]] == ["sorry", "sorry", "sorry"]
    assert "".join(p["text"] for p in pieces) == text


def test_bob_is_checked_against_his_own_stage(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person
) -> None:
    token = csrf_token(alice_client, "/steps/no-contact")
    alice_client.post("/steps/no-contact/start", data={"csrf_token": token, "target_days": "30"})
    engine = app.state.engine
    assert_isolated(engine, bob_client, alice, "GET", "/steps/before-you-send", expect_status=[200])
    response = assert_isolated(
        engine,
        bob_client,
        alice,
        "POST",
        "/steps/before-you-send",
        form={"text": "Ok, see you."},
        expect_status=[200],
    )
    assert "Keep this one in your vault" not in page_text(response.text)


def test_the_live_check_gets_the_same_answer_as_json(alice_client: TestClient) -> None:
    token = csrf_token(alice_client, "/steps/before-you-send")
    response = alice_client.post(
        "/steps/before-you-send",
        data={"csrf_token": token, "text": "Sorry <b>again</b>"},
        headers={"Accept": "application/json"},
    )
    body = response.json()
    assert body["verdict"] == "rewrite"
    assert body["pieces"][0] == {"text": "Sorry", "codes": ["apology"]}
    assert "".join(p["text"] for p in body["pieces"]) == "Sorry <b>again</b>"
    assert body["flags"][0]["code"] == "apology"
    empty = alice_client.post(
        "/steps/before-you-send",
        data={"csrf_token": token, "text": ""},
        headers={"Accept": "application/json"},
    )
    assert empty.status_code == 400
    assert "text" in empty.json()["errors"]


def test_keeping_a_draft_posts_it_into_her_vault(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person
) -> None:
    token = csrf_token(alice_client, "/steps/no-contact")
    alice_client.post("/steps/no-contact/start", data={"csrf_token": token, "target_days": "30"})
    draft = "I miss you so much, I can't live without you. Please come back to me, I'm begging you"
    checked = alice_client.post("/steps/before-you-send", data={"csrf_token": token, "text": draft})
    soup = BeautifulSoup(checked.text, "html.parser")
    form = soup.select_one("form#vault-form")
    assert form is not None
    assert form["method"] == "post"
    assert form.select_one("input[name=text]")["value"] == draft  # type: ignore[index]
    assert not soup.select('a[href*="vault"][href*="?"]')  # never her words in an address
    kept = alice_client.post(
        "/steps/before-you-send/vault",
        data={"csrf_token": token, "text": draft, "intensity": "7"},
        follow_redirects=False,
    )
    assert kept.status_code == 303
    assert kept.headers["location"] == "/steps/no-contact?done=urge#write-it-down"
    vault = BeautifulSoup(alice_client.get("/steps/no-contact").text, "html.parser")
    assert draft in vault.select_one(".vault").get_text()  # type: ignore[union-attr]
    empty = alice_client.post(
        "/steps/before-you-send/vault", data={"csrf_token": token, "text": ""}
    )
    assert empty.status_code == 400
    assert_isolated(
        app.state.engine,
        bob_client,
        alice,
        "POST",
        "/steps/before-you-send/vault",
        form={"text": "bob's own words"},
        expect_status=[303],
        secrets=[draft],
    )


def _post(client: TestClient, **form: str) -> BeautifulSoup:
    token = csrf_token(client, "/steps/before-you-send")
    response = client.post("/steps/before-you-send", data={"csrf_token": token, **form})
    return BeautifulSoup(response.text, "html.parser")


def test_the_calmer_version_is_plain_text_with_a_use_this_for_scripts(
    alice_client: TestClient,
) -> None:
    soup = _post(alice_client, text="Sorry, could you move the van?", last_from="him")
    offer = soup.select_one("#suggestion")
    assert offer is not None
    assert offer.select_one("#suggestion-text").get_text() == "Could you move the van?"  # type: ignore[union-attr]
    button = offer.select_one("button.use-suggestion")
    assert button is not None
    assert button.has_attr("hidden")  # shown by the script; without it the text is there to copy
    assert "nothing is sent" in offer.get_text()


def test_each_flag_says_why_and_a_rewrite_without_a_version_says_so(
    alice_client: TestClient,
) -> None:
    soup = _post(alice_client, text="I miss you", last_from="him")
    flags = soup.select(".flags li")
    assert flags
    assert soup.select_one("#suggestion") is None
    assert "no shorter version" in soup.select_one("#none-left").get_text()  # type: ignore[union-attr]


def test_an_empty_or_over_long_draft_keeps_what_she_typed_and_says_why(
    alice_client: TestClient,
) -> None:
    token = csrf_token(alice_client, "/steps/before-you-send")
    long = "I keep thinking. " * 1200
    response = alice_client.post(
        "/steps/before-you-send", data={"csrf_token": token, "text": long, "his_last": "ok"}
    )
    assert response.status_code == 400
    soup = BeautifulSoup(response.text, "html.parser")
    assert "over 20,000 characters" in soup.select_one("#text-error").get_text()  # type: ignore[union-attr]
    assert soup.select_one("#text").get_text() == long.strip()  # type: ignore[union-attr]
    assert soup.select_one("#his_last").get_text() == "ok"  # type: ignore[union-attr]
    empty = _post(alice_client, text="   ")
    assert "nothing to look at" in empty.select_one("#text-error").get_text()  # type: ignore[union-attr]
    assert "calm and kind" not in empty.get_text()


def test_with_his_last_message_given_he_wrote_last_unless_she_says_so(
    alice_client: TestClient,
) -> None:
    with time_machine.travel(datetime(2026, 11, 26, 15, 0, tzinfo=UTC), tick=False):
        token = csrf_token(alice_client, "/steps/no-contact")
        logged = alice_client.post(
            "/steps/no-contact/contact",
            data={
                "csrf_token": token,
                "day": "2026-11-26",
                "time_of_day": "10:00",
                "initiator": "me",
                "logistics": "on",
            },
        )
        assert logged.status_code in (200, 303)
        assert "It can wait a little" in _post(alice_client, text="Sounds good.").get_text()
        given = _post(alice_client, text="Sounds good.", his_last="See you at 5?")
        mine = _post(alice_client, text="Sounds good.", his_last="See you at 5?", last_from="me")
    assert "calm and kind" in given.get_text()
    assert "It can wait a little" in mine.get_text()
    assert mine.select_one("#last_from option[selected]")["value"] == "me"  # type: ignore[index]


def test_a_draft_not_in_english_is_answered_plainly_on_the_page(
    alice_client: TestClient,
) -> None:
    soup = _post(alice_client, text="Ich vermisse dich so sehr, bitte ruf mich an")
    text = soup.select_one("#verdict").get_text()  # type: ignore[union-attr]
    assert "English only" in text
    assert "calm and kind" not in text


def test_the_live_check_carries_the_suggestion_and_each_why(alice_client: TestClient) -> None:
    token = csrf_token(alice_client, "/steps/before-you-send")
    body = alice_client.post(
        "/steps/before-you-send",
        data={"csrf_token": token, "text": "Sorry, could you move the van?", "last_from": "him"},
        headers={"Accept": "application/json"},
    ).json()
    assert body["suggestion"] == "Could you move the van?"
    assert body["flags"][0]["why"]
    assert body["none_left"] is None


def test_a_long_rewrite_says_why_no_calmer_version_is_cut_from_it(
    alice_client: TestClient,
) -> None:
    soup = _post(
        alice_client,
        text="I miss you so much. " + "Thanks for the car seat. " * 90,
        last_from="him",
    )
    assert soup.select_one("#suggestion") is None
    assert "long for a message" in soup.select_one("#none-left").get_text()  # type: ignore[union-attr]
