from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.people import Person
from tests.routes import app_routes

API_PREFIX = "/api/"


def form_routes(app: FastAPI) -> list[str]:
    """Every HTML route that accepts a POST: each one is a form and must check the CSRF token."""
    return [
        re.sub(r"\{[^}]+\}", "1", path)  # path parameters: any id will do, the check comes first
        for method, path in app_routes(app)
        if method == "POST" and not path.startswith(API_PREFIX)
    ]


def test_there_are_forms_to_protect(app: FastAPI) -> None:
    assert {"/signup", "/login", "/logout", "/account/password", "/account/delete"} <= set(
        form_routes(app)
    )


def test_every_form_refuses_a_post_without_a_token(app: FastAPI, alice_client: TestClient) -> None:
    for path in form_routes(app):
        response = alice_client.post(path, data={"email": "x@example.org"}, follow_redirects=False)
        assert response.status_code == 403, f"{path} accepted a post without a CSRF token"


def test_every_form_refuses_another_browsers_token(
    app: FastAPI, alice_client: TestClient, alice: Person
) -> None:
    with TestClient(app) as attacker:
        page = attacker.get("/login").text
        foreign = page.split('name="csrf_token" value="')[1].split('"')[0]
    for path in form_routes(app):
        response = alice_client.post(
            path, data={"csrf_token": foreign, "password": alice.password, "confirm": "delete"}
        )
        assert response.status_code == 403, f"{path} accepted a token minted for another browser"
    assert alice_client.get("/dashboard", follow_redirects=False).status_code == 200
