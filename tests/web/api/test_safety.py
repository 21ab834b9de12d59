from __future__ import annotations

from datetime import UTC, datetime

import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from anew.safety.questions import QUESTIONS
from tests.isolation import assert_isolated
from tests.people import Person, api_token

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def answers(*yes: str) -> dict[str, str]:
    return {q.id: "yes" if q.id in yes else "no" for q in QUESTIONS}


def as_user(client: TestClient, factory: sessionmaker[Session], person: Person) -> TestClient:
    client.headers["Authorization"] = f"Bearer {api_token(factory, person)}"
    return client


def test_the_questions_follow_the_contract(client: TestClient) -> None:
    body = client.get("/api/v1/safety-check").json()
    assert len(body["questions"]) == len(QUESTIONS)
    for question in body["questions"]:
        assert set(question) >= {"id", "text", "options"}
        assert question["options"] == [
            {"value": "yes", "label": "Yes"},
            {"value": "no", "label": "No"},
        ]
    assert body["safety_mode"] is False
    assert body["checks"] == []


def test_a_visitor_gets_a_result_and_nothing_is_stored(client: TestClient) -> None:
    body = client.post("/api/v1/safety-check", json={"answers": answers("physical")}).json()
    assert body["result"] == "danger"
    assert body["stored"] is False
    assert body["reasons"][0]["id"] == "physical"
    assert body["resources"][-1]["country"] == "international"


def test_danger_switches_safety_mode_on_everywhere(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    as_user(client, factory, alice)
    client.post("/api/v1/nocontact", json={"target_days": 30})
    before = client.get("/api/v1/program").json()
    assert before["stage"] == "no-contact"
    assert before["safety_check"] == "not-taken"

    result = client.post("/api/v1/safety-check", json={"answers": answers("stalking")}).json()
    assert result["result"] == "danger"
    assert result["safety_mode"] is True
    assert result["can_leave_safety_mode"] is False

    program = client.get("/api/v1/program").json()
    assert program["stage"] == "safety"
    assert program["safety_mode"] is True
    assert program["safety_check"] == "danger"

    coach = client.post("/api/v1/replies/coach", json={"his_message": "hey"})
    assert coach.status_code == 403
    assert "Safety mode is on" in coach.json()["detail"]


def test_in_safety_mode_drafts_are_dont_send_unless_they_are_logistics(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    as_user(client, factory, alice)
    client.post("/api/v1/safety-check", json={"answers": answers("money")})
    with time_machine.travel(NOW, tick=False):
        draft = client.post(
            "/api/v1/drafts/check",
            json={"text": "The forms are in the post.", "stage": "reconnecting"},
        ).json()
        assert draft["verdict"] == "dont_send"
        assert [f["code"] for f in draft["flags"]] == ["safety"]
        practical = client.post(
            "/api/v1/drafts/check",
            json={"text": "I can collect the boxes on Saturday at 10.", "logistics": True},
        ).json()
    assert practical["verdict"] == "send"


def test_his_contact_brings_safety_advice_not_reply_timing(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    as_user(client, factory, alice)
    client.post("/api/v1/nocontact", json={"target_days": 30, "started_on": "2026-11-20"})
    client.post("/api/v1/safety-check", json={"answers": answers("threats")})
    contact = client.post(
        "/api/v1/contacts", json={"at": "2026-11-26T10:00:00Z", "initiator": "him"}
    ).json()
    assert "You don't owe him an answer" in contact["advice"]
    assert "emergency number" in contact["advice"]


def test_leaving_safety_mode_needs_a_newer_clear_result_and_her_confirmation(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    as_user(client, factory, alice)
    client.post("/api/v1/safety-check", json={"answers": answers("afraid")})
    early = client.post("/api/v1/safety-check/leave", json={"confirm": True})
    assert early.status_code == 409
    assert "until the check comes out clear" in early.json()["detail"]

    clear = client.post("/api/v1/safety-check", json={"answers": answers()}).json()
    assert clear["result"] == "clear"
    assert clear["safety_mode"] is True  # a clear result alone does not switch it off
    assert clear["can_leave_safety_mode"] is True
    unconfirmed = client.post("/api/v1/safety-check/leave", json={"confirm": False})
    assert unconfirmed.status_code == 409
    assert client.get("/api/v1/program").json()["stage"] == "safety"

    left = client.post("/api/v1/safety-check/leave", json={"confirm": True})
    assert left.json() == {"safety_mode": False}
    assert client.get("/api/v1/program").json()["stage"] == "not-started"
    assert client.post("/api/v1/replies/coach", json={"his_message": "hey"}).status_code == 200


def test_answers_are_kept_only_when_she_asks_and_can_be_deleted(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    as_user(client, factory, alice)
    client.post("/api/v1/safety-check", json={"answers": answers("phone")})
    client.post("/api/v1/safety-check", json={"answers": answers("phone"), "keep_answers": True})
    checks = client.get("/api/v1/safety-check").json()["checks"]
    assert [c["answers"] is None for c in checks] == [False, True]  # newest first
    assert checks[0]["answers"]["phone"] == "yes"

    assert client.delete("/api/v1/safety-check").status_code == 204
    after = client.get("/api/v1/safety-check").json()
    assert after["checks"] == []
    assert after["safety_mode"] is True  # forgetting the answers doesn't reopen the steps
    assert client.post("/api/v1/safety-check/leave", json={"confirm": True}).status_code == 409


def test_a_missing_or_wrong_answer_is_422_naming_the_question(client: TestClient) -> None:
    partial = answers()
    del partial["weapon"]
    missing = client.post("/api/v1/safety-check", json={"answers": partial})
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["body", "answers", "weapon"]
    wrong = client.post("/api/v1/safety-check", json={"answers": {**answers(), "money": "maybe"}})
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["loc"] == ["body", "answers", "money"]


def test_help_resources_follow_her_country_or_the_one_asked_for(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    asked = client.get("/api/v1/help-resources", params={"country": "au"}).json()
    assert [r["country"] for r in asked["resources"]] == ["AU", "international"]
    assert asked["resources"][0]["services"][0]["phone"] == "1800 737 732"
    as_user(client, factory, alice)
    assert [r["country"] for r in client.get("/api/v1/help-resources").json()["resources"]] == [
        "international"
    ]


def test_the_reflection_is_kept_with_her_period(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    as_user(client, factory, alice)
    assert client.get("/api/v1/nocontact/reflection").status_code == 404
    client.post("/api/v1/nocontact", json={"target_days": 30})
    saved = client.put(
        "/api/v1/nocontact/reflection",
        json={"change_mine": "Say what I need.", "change_his": "Keep his promises."},
    ).json()
    assert saved["change_mine"] == "Say what I need."
    assert saved["reflected_at"] is not None
    assert client.get("/api/v1/nocontact/reflection").json()["change_his"] == "Keep his promises."


def test_bob_never_sees_or_changes_alices_safety_check(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    alices = as_user(TestClient(app), factory, alice)
    alices.post("/api/v1/nocontact", json={"target_days": 30})
    alices.put("/api/v1/nocontact/reflection", json={"change_mine": "alice-private-words"})
    alices.post("/api/v1/safety-check", json={"answers": answers("choking"), "keep_answers": True})
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    engine = app.state.engine
    secrets = ["alice-private-words"]

    def probe(method: str, path: str, status: int, **kwargs: object):  # type: ignore[no-untyped-def]
        return assert_isolated(
            engine,
            client,
            alice,
            method,
            path,
            headers=headers,
            expect_status=[status],
            secrets=secrets,
            **kwargs,  # type: ignore[arg-type]
        )

    seen = probe("GET", "/api/v1/safety-check", 200)
    assert seen.json()["checks"] == []
    assert seen.json()["safety_mode"] is False
    probe("POST", "/api/v1/safety-check", 200, json={"answers": answers()})
    probe("POST", "/api/v1/safety-check/leave", 200, json={"confirm": True})
    probe("DELETE", "/api/v1/safety-check", 204)
    probe("GET", "/api/v1/help-resources", 200)
    probe("GET", "/api/v1/nocontact/reflection", 404)
    probe("PUT", "/api/v1/nocontact/reflection", 404, json={"change_mine": "x"})
    with TestClient(app) as fresh:
        fresh.headers.update(headers)
        assert fresh.post("/api/v1/replies/coach", json={"his_message": "hi"}).status_code == 200
