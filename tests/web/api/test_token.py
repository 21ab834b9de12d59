from __future__ import annotations

from datetime import timedelta

import time_machine
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.login_limits import LOGIN_PER_ACCOUNT_AND_ADDRESS
from anew.db import utcnow
from tests.isolation import assert_isolated
from tests.people import Person, api_token, csrf_token
from tests.smtp_sink import smtp_sink
from tests.web.api.test_guide_mail import use_mail
from tests.windows import clear_of_a_window_edge


def _token(client: TestClient, email: str, password: str) -> object:
    return client.post("/api/v1/auth/token", json={"email": email, "password": password})


def test_it_exchanges_email_and_password_for_a_bearer_token(
    client: TestClient, alice: Person
) -> None:
    response = _token(client, alice.email, alice.password)
    assert response.status_code == 200  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 7 * 24 * 3600
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["email"] == alice.email


def test_a_wrong_password_is_a_401(client: TestClient, alice: Person) -> None:
    response = _token(client, alice.email, "not it at all")
    assert response.status_code == 401  # type: ignore[attr-defined]
    assert response.headers["www-authenticate"] == "Bearer"  # type: ignore[attr-defined]
    assert "access_token" not in response.json()  # type: ignore[attr-defined]


def test_validation_errors_name_the_field(client: TestClient) -> None:
    response = client.post("/api/v1/auth/token", json={"email": "a@example.org"})
    assert response.status_code == 422
    assert ["body", "password"] in [problem["loc"] for problem in response.json()["detail"]]


def test_tokens_are_rate_limited(client: TestClient, alice: Person) -> None:
    clear_of_a_window_edge(LOGIN_PER_ACCOUNT_AND_ADDRESS)
    for _ in range(LOGIN_PER_ACCOUNT_AND_ADDRESS.limit):
        _token(client, alice.email, "wrong again")
    response = _token(client, alice.email, alice.password)
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert int(response.headers["retry-after"]) > 0  # type: ignore[attr-defined]


def test_refused_token_requests_tell_her_once_by_email(
    app: FastAPI, client: TestClient, alice: Person
) -> None:
    clear_of_a_window_edge(LOGIN_PER_ACCOUNT_AND_ADDRESS)
    with smtp_sink() as sink:
        use_mail(app, sink.port)
        for _ in range(LOGIN_PER_ACCOUNT_AND_ADDRESS.limit + 3):
            _token(client, alice.email, "wrong again")
    assert [to for to, _ in sink.received] == [[alice.email]]


def test_a_token_can_be_revoked(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    headers = {"Authorization": f"Bearer {api_token(factory, alice)}"}
    assert client.delete("/api/v1/auth/token", headers=headers).status_code == 204
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_a_token_expires(client: TestClient, factory: sessionmaker[Session], alice: Person) -> None:
    headers = {"Authorization": f"Bearer {api_token(factory, alice)}"}
    with time_machine.travel(utcnow() + timedelta(days=7, minutes=1), tick=False):
        assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_a_password_change_revokes_api_tokens(
    alice_client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    headers = {"Authorization": f"Bearer {api_token(factory, alice)}"}
    alice_client.post(
        "/account/password",
        data={
            "csrf_token": csrf_token(alice_client, "/account"),
            "current_password": alice.password,
            "new_password": "another fresh start",
        },
    )
    assert alice_client.get("/api/v1/me", headers=headers).status_code == 401


def test_a_browser_cookie_is_not_an_api_token(alice_client: TestClient) -> None:
    assert alice_client.get("/api/v1/me").status_code == 401


def test_bob_cannot_revoke_alices_token(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    alices = api_token(factory, alice)
    bobs = api_token(factory, bob)
    assert_isolated(
        app.state.engine,
        client,
        alice,
        "DELETE",
        "/api/v1/auth/token",
        headers={"Authorization": f"Bearer {bobs}"},
        json={"token": alices},
        expect_status=[204],
        secrets=[alices],
    )
    assert (
        client.get("/api/v1/me", headers={"Authorization": f"Bearer {alices}"}).status_code == 200
    )
