from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from anew.guide import rules
from anew.ratelimit import RateLimit
from tests.isolation import assert_isolated
from tests.people import Person, api_token

SLUG = "no-contact"
URL = f"/api/v1/guide/{SLUG}/responses"
ANN = {"name": "Ann", "email": "ann@example.org", "body": "This helped me so much."}


def bearer(factory: sessionmaker[Session], person: Person) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_token(factory, person)}"}


def post(client: TestClient, **fields: Any) -> Any:
    return client.post(URL, json={**ANN, **fields})


def test_the_articles_follow_the_contract(client: TestClient) -> None:
    articles = client.get("/api/v1/guide").json()
    assert articles[0]["slug"] == "introduction"
    assert all({"slug", "title"} <= set(a) for a in articles)
    assert client.get("/api/v1/guide/nowhere/responses").status_code == 404


@pytest.mark.parametrize("missing", ["name", "email", "body"])
def test_each_required_field_is_named_when_missing(client: TestClient, missing: str) -> None:
    response = post(client, **{missing: ""})
    assert response.status_code == 422
    assert [p["loc"] for p in response.json()["detail"]] == [["body", missing]]


def test_every_invalid_field_is_named_at_once(client: TestClient) -> None:
    response = client.post(URL, json={"email": "not-an-email", "website": "ftp://x"})
    names = {p["loc"][1] for p in response.json()["detail"]}
    assert names == {"name", "email", "website", "body"}


@pytest.mark.parametrize("name", ["Ann\r\nBcc: all@example.org", "Ann\nX", "Ann\u2028X"])
def test_a_line_break_in_the_name_is_refused_by_field_and_nothing_is_kept(
    client: TestClient, name: str
) -> None:
    response = post(client, name=name)
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "name"]
    assert "on one line" in problem["msg"]
    assert client.get(URL).json() == []


def test_the_moderation_life_cycle(
    client: TestClient, factory: sessionmaker[Session], carol: Person
) -> None:
    first = post(client)
    assert first.status_code == 201
    assert first.json()["status"] == "pending"
    assert client.get(URL).json() == []  # nobody sees it yet

    coach = bearer(factory, carol)
    queue = client.get("/api/v1/responses?status=pending", headers=coach).json()
    assert [r["id"] for r in queue] == [first.json()["id"]]
    assert queue[0]["email"] == "ann@example.org"  # moderators see who wrote it
    approved = client.post(f"/api/v1/responses/{first.json()['id']}/approve", headers=coach)
    assert approved.json() == {"id": first.json()["id"], "status": "published"}

    public = client.get(URL).json()
    assert [r["name"] for r in public] == ["Ann"]
    assert "ann@example.org" not in str(public)
    assert set(public[0]) >= {"id", "name", "html", "parent_id"}

    later = post(client, body="And a second thought.")
    assert later.json()["status"] == "pending"  # approved before, but nothing proves it's her
    reply = client.post(
        URL,
        json={
            "name": "Carol",
            "email": "carol@example.org",
            "body": "Thank you, Ann.",
            "parent_id": first.json()["id"],
        },
        headers=coach,
    ).json()
    assert reply["status"] == "published"
    shown = {r["id"]: r for r in client.get(URL).json()}
    assert shown[reply["id"]]["is_author"] is True
    assert shown[reply["id"]]["parent_id"] == first.json()["id"]

    spam = post(client, email="spammer@example.org", body="Cheap pills").json()
    client.post(f"/api/v1/responses/{spam['id']}/spam", headers=coach)
    client.post(f"/api/v1/responses/{later.json()['id']}/reject", headers=coach)
    assert [r["id"] for r in client.get("/api/v1/responses?status=spam", headers=coach).json()] == [
        spam["id"]
    ]
    assert later.json()["id"] not in {r["id"] for r in client.get(URL).json()}


def test_always_moderate_holds_even_approved_emails(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], carol: Person
) -> None:
    app.state.settings = app.state.settings.model_copy(update={"always_moderate": True})
    first = post(client).json()
    client.post(f"/api/v1/responses/{first['id']}/approve", headers=bearer(factory, carol))
    assert post(client, body="Another one").json()["status"] == "pending"


def test_members_and_visitors_cannot_moderate(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    posted = post(client).json()
    assert client.get("/api/v1/responses").status_code == 401
    member = bearer(factory, alice)
    assert client.get("/api/v1/responses", headers=member).status_code == 403
    assert (
        client.post(f"/api/v1/responses/{posted['id']}/approve", headers=member).status_code == 403
    )
    assert client.post(f"/api/v1/responses/{posted['id']}/approve").status_code == 401


def test_a_reply_must_answer_a_published_response_of_the_same_article(
    client: TestClient,
) -> None:
    pending = post(client).json()
    response = post(client, body="A reply", parent_id=pending["id"])
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "parent_id"]


def test_too_many_links_are_refused_kindly(client: TestClient) -> None:
    response = post(client, body="see https://a.org https://b.org and https://c.org")
    assert response.status_code == 422
    assert "2 links or fewer" in response.json()["detail"][0]["msg"]
    assert post(client, body="see https://a.org and https://b.org").status_code == 201


def test_an_exact_duplicate_is_refused(client: TestClient) -> None:
    assert post(client).status_code == 201
    again = post(client, body="  This helped me so much.  ")
    assert again.status_code == 422
    assert "already sent exactly this" in again.json()["detail"][0]["msg"]


def test_the_block_list_refuses_words_emails_domains_and_addresses(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session]
) -> None:
    from anew.guide import service
    from anew.guide.vocabulary import BlockKind

    with factory() as db:
        service.replace_block_list(
            db, {BlockKind.WORD: ["casino"], BlockKind.EMAIL: ["@spam.example"]}
        )
    assert post(client, body="Best CASINO bonus").status_code == 422
    assert post(client, email="x@spam.example").status_code == 422
    with factory() as db:
        service.replace_block_list(db, {BlockKind.ADDRESS: ["testclient"]})
    refused = post(client, body="Something kind")
    assert refused.json()["detail"][0]["loc"] == ["body", "form"]


@pytest.mark.parametrize("rule", ["PER_ADDRESS", "PER_EMAIL"])
def test_rates_are_limited_per_address_and_per_email(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, rule: str
) -> None:
    monkeypatch.setattr(rules, rule, RateLimit(f"test-{rule}", limit=2, window_seconds=600))
    assert post(client, body="one").status_code == 201
    assert post(client, body="two").status_code == 201
    third = post(client, body="three")
    assert third.status_code == 429
    assert int(third.headers["retry-after"]) > 0


def test_bob_cannot_change_alices_responses_or_moderate(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    mine = client.post(URL, json=ANN, headers=bearer(factory, alice)).json()
    headers = bearer(factory, bob)
    engine = app.state.engine
    assert_isolated(
        engine,
        client,
        alice,
        "POST",
        f"/api/v1/guide/{SLUG}/responses",
        headers=headers,
        json={**ANN, "name": "Bob", "email": "bob@example.org"},
        expect_status=[201],
    )
    assert_isolated(
        engine, client, alice, "GET", "/api/v1/responses", headers=headers, expect_status=[403]
    )
    for action in ("approve", "reject", "spam"):
        assert_isolated(
            engine,
            client,
            alice,
            "POST",
            f"/api/v1/responses/{mine['id']}/{action}",
            headers=headers,
            expect_status=[403],
        )
