from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.isolation import assert_isolated
from tests.people import Person, api_token


def test_it_needs_a_token(client: TestClient) -> None:
    for headers in ({}, {"Authorization": "Bearer made-up"}, {"Authorization": "Basic YTpi"}):
        response = client.get("/api/v1/me", headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"


def test_it_answers_the_user(
    client: TestClient, factory: sessionmaker[Session], carol: Person
) -> None:
    response = client.get(
        "/api/v1/me", headers={"Authorization": f"Bearer {api_token(factory, carol)}"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["email"] == carol.email
    assert body["role"] == "coach"
    assert body["time_zone"] == "UTC"
    assert "password_hash" not in body


def test_bob_sees_only_himself(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    response = assert_isolated(
        app.state.engine,
        client,
        alice,
        "GET",
        "/api/v1/me",
        headers={"Authorization": f"Bearer {api_token(factory, bob)}"},
        expect_status=[200],
    )
    assert response.json()["email"] == bob.email
