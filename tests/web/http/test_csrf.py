from __future__ import annotations

import base64
import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from anew.accounts.models import User
from anew.web.http.csrf import csrf_token_for, masked, unmasked
from anew.web.http.security import CSRF_COOKIE
from tests.people import CSRF_PATTERN, Person
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


def _tokens(page: str) -> set[str]:
    return set(CSRF_PATTERN.findall(page))


def test_every_response_masks_the_token_afresh_and_each_one_posts(
    alice_client: TestClient, db: Session, alice: Person
) -> None:
    pages = [alice_client.get("/account").text for _ in range(3)]
    tokens = [_tokens(page) for page in pages]
    assert all(len(found) == 1 for found in tokens)  # one token per page, in every form of it
    masked_tokens = [found.pop() for found in tokens]
    assert len(set(masked_tokens)) == 3
    zones = ("Europe/Paris", "Europe/Rome", "Asia/Tokyo")
    for token, zone in zip(masked_tokens, zones, strict=True):
        response = alice_client.post(
            "/account/time-zone",
            data={"csrf_token": token, "time_zone": zone},
            follow_redirects=False,
        )
        assert response.status_code == 303
        db.expire_all()
        assert db.scalar(select(User.time_zone).where(User.id == alice.id)) == zone


def test_no_page_carries_the_token_unmasked(app: FastAPI, client: TestClient) -> None:
    page = client.get("/login").text
    secret = app.state.settings.resolved_secret_key
    token = csrf_token_for(client.cookies[CSRF_COOKIE], secret)
    assert unmasked(CSRF_PATTERN.findall(page)[0]) == token
    for spelled in (token.hex(), base64.urlsafe_b64encode(token).decode()[:40]):
        assert spelled not in page


def _flipped(token: str, position: int) -> str:
    """The masked token with one byte of its pad (position < 32) or its hidden part changed."""
    both = bytearray(base64.urlsafe_b64decode(token))
    both[position] ^= 0x01
    return base64.urlsafe_b64encode(bytes(both)).decode()


@pytest.mark.parametrize("position", [0, 31, 32, 63])
def test_a_tampered_mask_is_refused(
    alice_client: TestClient, db: Session, alice: Person, position: int
) -> None:
    token = CSRF_PATTERN.findall(alice_client.get("/account").text)[0]
    response = alice_client.post(
        "/account/time-zone",
        data={"csrf_token": _flipped(token, position), "time_zone": "Europe/Paris"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert db.scalar(select(User.time_zone).where(User.id == alice.id)) != "Europe/Paris"


def test_a_form_opened_before_masking_still_posts(
    app: FastAPI, alice_client: TestClient, db: Session, alice: Person
) -> None:
    secret = app.state.settings.resolved_secret_key
    alice_client.get("/account")
    old_style = csrf_token_for(alice_client.cookies[CSRF_COOKIE], secret).hex()
    response = alice_client.post(
        "/account/time-zone",
        data={"csrf_token": old_style, "time_zone": "Europe/Paris"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert db.scalar(select(User.time_zone).where(User.id == alice.id)) == "Europe/Paris"


@pytest.mark.parametrize(
    "sent",
    [
        "",
        "g" * 64,  # the bare token's length, not hex
        "A" * 88,  # the masked length, but 66 bytes: no padding
        "!" * 86 + "==",  # not base64
        "A" * 87,
    ],
)
def test_what_is_no_token_at_all_unmasks_to_nothing(sent: str) -> None:
    assert unmasked(sent) is None


def test_masking_and_unmasking_give_the_token_back() -> None:
    token = csrf_token_for("a seed", "a secret")
    pad = bytes(range(32))
    assert masked(token, pad) != masked(token, bytes(reversed(pad)))
    assert unmasked(masked(token, pad)) == token
    assert unmasked(masked(token, bytes(reversed(pad)))) == token
