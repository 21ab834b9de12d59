from __future__ import annotations

import re

from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient

from anew.journal.rules import MAX_TEXT
from tests.isolation import assert_isolated
from tests.people import Person, csrf_token, page_text


def post(client: TestClient, path: str, **data: str):  # type: ignore[no-untyped-def]
    return client.post(
        path, data={"csrf_token": csrf_token(client, "/journal"), **data}, follow_redirects=False
    )


def entry_ids(html: str) -> list[str]:
    return re.findall(r'id="entry-(\d+)"', html)


def test_the_journal_needs_her_to_be_signed_in_and_is_never_cached(
    client: TestClient, alice_client: TestClient
) -> None:
    answer = client.get("/journal", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/login")
    page = alice_client.get("/journal")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    nav = BeautifulSoup(page.text, "html.parser").find("nav", attrs={"aria-label": "Account"})
    assert nav is not None
    assert nav.find("a", href="/journal") is not None
    assert "Nothing here yet" in page_text(page.text)


def test_she_writes_entries_with_her_mood_and_finds_them_newest_first(
    alice_client: TestClient,
) -> None:
    first = post(alice_client, "/journal", text="Sunday was long.", mood="4")
    assert first.status_code == 303
    post(alice_client, "/journal", text="Coffee with Émilie, I laughed.", mood="")
    html = alice_client.get("/journal").text
    text = page_text(html)
    assert text.index("Coffee with Émilie") < text.index("Sunday was long.")
    assert "Mood 4 of 10" in text
    assert len(entry_ids(html)) == 2
    found = alice_client.get("/journal", params={"q": "émilie"}).text
    assert "Coffee with Émilie" in found
    assert "Sunday was long." not in found
    assert "1 entry holding" in page_text(found)
    nothing = page_text(alice_client.get("/journal", params={"q": "zebra"}).text)
    assert "Nothing you wrote holds those words" in nothing


def test_an_answer_to_a_path_day_is_kept_with_that_day(alice_client: TestClient) -> None:
    page = alice_client.get("/journal", params={"day": "12"}).text
    assert "Your answer to day 12's question" in page_text(page)
    post(alice_client, "/journal", text="What I'd tell myself on day one", day="12")
    assert "Day 12" in page_text(alice_client.get("/journal").text)


def test_a_refused_entry_keeps_every_word_she_typed(alice_client: TestClient) -> None:
    long = "I had so much to say. " * (MAX_TEXT // 20)
    answer = post(alice_client, "/journal", text=long, mood="6")
    assert answer.status_code == 400
    soup = BeautifulSoup(answer.text, "html.parser")
    box = soup.find("textarea", id="entry-text")
    assert box is not None
    assert box.get_text() == long.strip()
    assert f"up to {MAX_TEXT:,} characters" in page_text(answer.text)
    checked = soup.find("input", attrs={"name": "mood", "checked": True})
    assert checked is not None
    assert checked["value"] == "6"
    empty = post(alice_client, "/journal", text="   ", mood="11")
    assert empty.status_code == 400
    words = page_text(empty.text)
    assert "Please fill this in." in words
    assert "Please enter 10 or less." in words
    assert entry_ids(alice_client.get("/journal").text) == []


def test_she_edits_an_entry_and_deletes_it_after_being_asked(alice_client: TestClient) -> None:
    post(alice_client, "/journal", text="First draft of a feeling", mood="5")
    (entry_id,) = entry_ids(alice_client.get("/journal").text)
    page = alice_client.get(f"/journal/{entry_id}").text
    assert "Delete this entry for good?" in page_text(page)
    saved = post(alice_client, f"/journal/{entry_id}", text="A clearer feeling", mood="")
    assert saved.status_code == 303
    text = page_text(alice_client.get("/journal").text)
    assert "A clearer feeling" in text
    assert "Mood" not in text
    refused = post(alice_client, f"/journal/{entry_id}", text="", mood="7")
    assert refused.status_code == 400
    assert "A clearer feeling" in page_text(alice_client.get("/journal").text)
    gone = post(alice_client, f"/journal/{entry_id}", action="delete", text="A clearer feeling")
    assert gone.status_code == 303
    assert entry_ids(alice_client.get("/journal").text) == []
    assert alice_client.get(f"/journal/{entry_id}").status_code == 404


def test_bob_never_sees_or_changes_alices_journal_pages(
    app: FastAPI, alice_client: TestClient, bob_client: TestClient, alice: Person
) -> None:
    post(alice_client, "/journal", text="alice-journal-secret", mood="3")
    (entry_id,) = entry_ids(alice_client.get("/journal").text)
    engine, secrets = app.state.engine, ["alice-journal-secret"]
    for path in ("/journal", "/journal?q=alice"):
        assert_isolated(
            engine, bob_client, alice, "GET", path, expect_status=[200], secrets=secrets
        )
    assert_isolated(
        engine, bob_client, alice, "POST", "/journal", form={"text": "bob"}, expect_status=[303]
    )
    assert_isolated(engine, bob_client, alice, "GET", f"/journal/{entry_id}", secrets=secrets)
    for form in ({"text": "taken", "mood": ""}, {"action": "delete"}):
        assert_isolated(
            engine, bob_client, alice, "POST", f"/journal/{entry_id}", form=form, secrets=secrets
        )
    assert "alice-journal-secret" in alice_client.get("/journal").text


def test_a_long_journal_shows_its_newest_entries_then_older_ones_on_asking(
    alice_client: TestClient,
) -> None:
    for number in range(1, 33):
        post(alice_client, "/journal", text=f"Evening note {number}")
    first = alice_client.get("/journal").text
    assert len(entry_ids(first)) == 30
    assert "Evening note 32" in first
    assert "Evening note 2<" not in first
    more = BeautifulSoup(first, "html.parser").find("a", id="show-older")
    assert more is not None
    assert "30 of 32 shown" in page_text(first)
    everything = alice_client.get(str(more["href"]).split("#")[0]).text
    assert len(entry_ids(everything)) == 32
    assert BeautifulSoup(everything, "html.parser").find("a", id="show-older") is None
    words = alice_client.get("/journal", params={"q": "note 3"}).text
    assert "6 entries holding" in page_text(words)  # 3, 13, 23, 30, 31 and 32
    phrase = alice_client.get("/journal", params={"q": '"note 3"'}).text
    assert "4 entries holding" in page_text(phrase)  # 3, 30, 31 and 32
