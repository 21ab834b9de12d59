from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from anew.quizzes import attempts
from anew.ratelimit import RateLimit
from tests.isolation import assert_isolated
from tests.people import Person, api_token

SLUG = "holding-you-back"


def first_answers(quiz: dict[str, Any]) -> dict[str, Any]:
    """The first option of every question (a list for multiple choice)."""
    return {
        q["id"]: [q["options"][0]["id"]] if q["multiple"] else q["options"][0]["id"]
        for q in quiz["questions"]
    }


def test_the_quizzes_are_listed_and_read_as_the_contract_says(client: TestClient) -> None:
    listed = client.get("/api/v1/quizzes").json()
    assert {"slug": SLUG, "title": "What's holding you back from meeting Mr Right?"}.items() <= (
        next(q for q in listed if q["slug"] == SLUG).items()
    )
    quiz = client.get(f"/api/v1/quizzes/{SLUG}").json()
    question = quiz["questions"][0]
    assert set(question) == {"id", "text", "multiple", "options"}
    assert set(question["options"][0]) == {"id", "label"}  # the weights stay on the server
    assert client.get("/api/v1/quizzes/no-such-quiz").status_code == 404


def test_a_visitor_takes_the_quiz_and_the_share_link_shows_only_the_outcome(
    client: TestClient,
) -> None:
    quiz = client.get(f"/api/v1/quizzes/{SLUG}").json()
    response = client.post(
        f"/api/v1/quizzes/{SLUG}/attempts", json={"answers": first_answers(quiz)}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["outcome"]["id"] == "attached"
    assert body["outcome"]["step"] == 1
    assert set(body["outcome"]) == {"id", "title", "text", "step"}
    shared = client.get(f"/api/v1/quizzes/{SLUG}/results/{body['token']}").json()
    assert shared == {"quiz": SLUG, "title": quiz["title"], "outcome": body["outcome"]}
    assert client.get(f"/api/v1/quizzes/{SLUG}/results/not-a-token").status_code == 404


def test_a_missing_or_unknown_answer_is_422_naming_the_question(client: TestClient) -> None:
    quiz = client.get(f"/api/v1/quizzes/{SLUG}").json()
    answers = first_answers(quiz)
    del answers["hope"]
    missing = client.post(f"/api/v1/quizzes/{SLUG}/attempts", json={"answers": answers})
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["body", "answers", "hope"]
    unknown = client.post(
        f"/api/v1/quizzes/{SLUG}/attempts",
        json={"answers": {**first_answers(quiz), "thoughts": "never"}},
    )
    assert unknown.status_code == 422
    assert "has no answer 'never'" in unknown.json()["detail"][0]["msg"]


def test_her_results_are_kept_and_a_coach_sees_only_counts(
    client: TestClient, factory: sessionmaker[Session], alice: Person, carol: Person
) -> None:
    quiz = client.get(f"/api/v1/quizzes/{SLUG}").json()
    client.post(f"/api/v1/quizzes/{SLUG}/attempts", json={"answers": first_answers(quiz)})
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    last = {
        q["id"]: [q["options"][-1]["id"]] if q["multiple"] else q["options"][-1]["id"]
        for q in quiz["questions"]
    }
    taken = client.post(f"/api/v1/quizzes/{SLUG}/attempts", json={"answers": last}).json()
    assert taken["outcome"]["id"] == "ready"
    mine = client.get("/api/v1/quiz-results").json()
    assert [(r["token"], r["outcome"]["id"]) for r in mine] == [(taken["token"], "ready")]
    assert client.get(f"/api/v1/quizzes/{SLUG}/counts").status_code == 403

    client.headers["Authorization"] = f"Bearer {api_token(factory, carol)}"
    counts = client.get(f"/api/v1/quizzes/{SLUG}/counts").json()
    assert counts["total"] == 2
    assert counts["counts"]["attached"] == 1
    assert counts["counts"]["ready"] == 1
    assert "token" not in str(counts)


def test_bob_never_sees_alices_quiz_results(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    alices = TestClient(app)
    alices.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    quiz = alices.get(f"/api/v1/quizzes/{SLUG}").json()
    token = alices.post(
        f"/api/v1/quizzes/{SLUG}/attempts", json={"answers": first_answers(quiz)}
    ).json()["token"]
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    listed = assert_isolated(
        app.state.engine,
        client,
        alice,
        "GET",
        "/api/v1/quiz-results",
        headers=headers,
        expect_status=[200],
        secrets=[token],
    )
    assert listed.json() == []
    assert_isolated(
        app.state.engine,
        client,
        alice,
        "POST",
        f"/api/v1/quizzes/{SLUG}/attempts",
        headers=headers,
        json={"answers": first_answers(quiz)},
        expect_status=[201],
        secrets=[token],
    )


def test_one_address_cannot_flood_the_outcome_counts(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        attempts, "ATTEMPTS_PER_ADDRESS", RateLimit("quiz-test", limit=2, window_seconds=3600)
    )
    quiz = client.get(f"/api/v1/quizzes/{SLUG}").json()
    for _ in range(2):
        ok = client.post(f"/api/v1/quizzes/{SLUG}/attempts", json={"answers": first_answers(quiz)})
        assert ok.status_code == 201
    refused = client.post(f"/api/v1/quizzes/{SLUG}/attempts", json={"answers": first_answers(quiz)})
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) > 0
