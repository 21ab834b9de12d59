from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from anew.journal.models import JournalEntry
from anew.journal.rules import MAX_TEXT
from tests.isolation import assert_isolated
from tests.people import Person, api_token


def signed_in(client: TestClient, factory: sessionmaker[Session], person: Person) -> TestClient:
    client.headers["Authorization"] = f"Bearer {api_token(factory, person)}"
    return client


def stored(factory: sessionmaker[Session], user_id: int) -> int:
    with factory() as db:
        count = db.scalar(select(func.count()).where(JournalEntry.user_id == user_id))
    return int(count or 0)


def test_she_writes_reads_changes_and_deletes_an_entry(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    signed_in(client, factory, alice)
    made = client.post("/api/v1/journal", json={"text": "  A hard evening.  ", "mood": 3, "day": 5})
    assert made.status_code == 201
    entry = made.json()
    assert (entry["text"], entry["mood"], entry["day"]) == ("A hard evening.", 3, 5)
    assert entry["written_on"]
    assert entry["updated_at"] is None
    free = client.post("/api/v1/journal", json={"text": "Walked by the river."}).json()
    assert (free["mood"], free["day"]) == (None, None)
    listed = client.get("/api/v1/journal").json()
    assert [e["id"] for e in listed] == [free["id"], entry["id"]]  # newest first
    assert client.get(f"/api/v1/journal/{entry['id']}").json()["text"] == "A hard evening."

    changed = client.patch(f"/api/v1/journal/{entry['id']}", json={"mood": None, "text": "Better"})
    assert changed.status_code == 200
    assert (changed.json()["text"], changed.json()["mood"]) == ("Better", None)
    assert changed.json()["day"] == 5  # not sent, not changed
    assert changed.json()["updated_at"] is not None

    assert client.delete(f"/api/v1/journal/{entry['id']}").status_code == 204
    assert client.get(f"/api/v1/journal/{entry['id']}").status_code == 404
    assert [e["id"] for e in client.get("/api/v1/journal").json()] == [free["id"]]


def test_bad_entries_are_refused_saying_which_field(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    signed_in(client, factory, alice)
    cases = [
        ({"text": ""}, "text"),
        ({"text": "x" * (MAX_TEXT + 1)}, "text"),
        ({"text": "ok", "mood": 11}, "mood"),
        ({"text": "ok", "mood": 0}, "mood"),
        ({"text": "ok", "mood": "7"}, "mood"),
        ({"text": "ok", "day": 0}, "day"),
        ({"text": "a\x00b"}, "text"),
    ]
    for body, field in cases:
        answer = client.post("/api/v1/journal", json=body)
        assert answer.status_code == 422, body
        assert answer.json()["detail"][0]["loc"][-1] == field, body
    blank = client.post("/api/v1/journal", json={"text": "   "})
    assert blank.status_code == 422
    assert blank.json()["detail"][0]["msg"] == "Please write something first."
    made = client.post("/api/v1/journal", json={"text": "kept"}).json()
    cleared = client.patch(f"/api/v1/journal/{made['id']}", json={"text": None})
    assert cleared.status_code == 422
    assert client.get("/api/v1/journal").json()[0]["text"] == "kept"
    assert stored(factory, alice.id) == 1


def test_a_write_sent_again_with_its_key_is_stored_once(
    client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    signed_in(client, factory, alice)
    key = {"Idempotency-Key": "0b7f2c1e-9d4a-4c55-8f3e-1a2b3c4d5e6f"}
    first = client.post("/api/v1/journal", json={"text": "Written on the bus"}, headers=key)
    again = client.post("/api/v1/journal", json={"text": "Written on the bus"}, headers=key)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert stored(factory, alice.id) == 1
    other = client.post(
        "/api/v1/journal", json={"text": "Another"}, headers={"Idempotency-Key": "k2"}
    )
    assert other.json()["id"] != first.json()["id"]
    bad = client.post("/api/v1/journal", json={"text": "x"}, headers={"Idempotency-Key": "a b"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]
    # Keys are hers alone: Bob's write with the same key is his own entry.
    signed_in(client, factory, bob)
    his = client.post("/api/v1/journal", json={"text": "Bob's"}, headers=key)
    assert his.status_code == 201
    assert his.json()["id"] != first.json()["id"]
    assert stored(factory, alice.id) == 2
    assert stored(factory, bob.id) == 1


def test_search_finds_her_words_in_any_case_and_takes_wildcards_literally(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    signed_in(client, factory, alice)
    for text in ("Lunch with Émilie", "I'm 100% sure today", "I'm 1000 miles away", "snake_case"):
        client.post("/api/v1/journal", json={"text": text})

    def found(query: str) -> list[str]:
        answer = client.get("/api/v1/journal", params={"q": query})
        assert answer.status_code == 200
        return [entry["text"] for entry in answer.json()]

    assert found("émilie") == ["Lunch with Émilie"]
    assert found("EMILIE") == []  # an accent is part of the letter
    assert found("100%") == ["I'm 100% sure today"]
    assert found("%") == ["I'm 100% sure today"]
    assert found("e_c") == ["snake_case"]
    assert found("_") == ["snake_case"]
    assert found("i'm SURE") == ["I'm 100% sure today"]
    assert len(found("")) == 4
    too_long = client.get("/api/v1/journal", params={"q": "x" * 201})
    assert too_long.status_code == 422
    assert too_long.json()["detail"][0]["loc"] == ["query", "q"]
    misspelt = client.get("/api/v1/journal", params={"query": "sure"})
    assert misspelt.status_code == 422
    assert misspelt.json()["detail"][0]["loc"] == ["query", "query"]


def test_bob_never_sees_or_changes_alices_journal(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    alices = signed_in(TestClient(app), factory, alice)
    entry = alices.post(
        "/api/v1/journal",
        json={"text": "alice-journal-secret", "mood": 4},
        headers={"Idempotency-Key": "alice-key-1"},
    ).json()
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    engine, secrets = app.state.engine, ["alice-journal-secret"]
    listed = assert_isolated(
        engine, client, alice, "GET", "/api/v1/journal", headers=headers, expect_status=[200]
    )
    assert listed.json() == []
    searched = assert_isolated(
        engine,
        client,
        alice,
        "GET",
        "/api/v1/journal?q=alice",
        headers=headers,
        expect_status=[200],
        secrets=secrets,
    )
    assert searched.json() == []
    # Her key, sent by Bob, makes Bob's own entry and never answers hers.
    made = assert_isolated(
        engine,
        client,
        alice,
        "POST",
        "/api/v1/journal",
        headers={**headers, "Idempotency-Key": "alice-key-1"},
        json={"text": "bob"},
        expect_status=[201],
        secrets=secrets,
    )
    assert made.json()["id"] != entry["id"]
    path = f"/api/v1/journal/{entry['id']}"
    for method, body in (("GET", None), ("PATCH", {"text": "taken"}), ("DELETE", None)):
        assert_isolated(
            engine, client, alice, method, path, headers=headers, json=body, secrets=secrets
        )
    assert alices.get(path).json()["text"] == "alice-journal-secret"
