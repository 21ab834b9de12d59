"""With email set up, sign-up never tells whether an email has an account (review item 16)."""

from __future__ import annotations

import re
from email.message import Message

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from anew.web.http.deps import SESSION_COOKIE
from tests.people import Person, csrf_token, page_text
from tests.smtp_sink import smtp_sink
from tests.web.api.test_guide_mail import use_mail

PASSWORD = "walking by the sea"
BASE = "https://anew.example.org"


def _signup(client: TestClient, email: str) -> object:
    token = csrf_token(client, "/signup")
    return client.post(
        "/signup",
        data={"csrf_token": token, "email": email, "password": PASSWORD},
        follow_redirects=False,
    )


def _text(message: Message) -> str:
    return str(message.get_payload(decode=True).decode())  # type: ignore[union-attr]


def _users(factory: sessionmaker[Session]) -> int:
    with factory() as db:
        return db.scalar(select(func.count()).select_from(User)) or 0


def test_a_taken_email_and_a_new_one_get_the_same_answer(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    with smtp_sink() as sink:
        use_mail(app, sink.port, base_url=BASE)
        taken = _signup(client, alice.email)
        new = _signup(client, "new@example.org")
    assert taken.status_code == new.status_code == 200  # type: ignore[attr-defined]
    assert page_text(taken.text).replace(alice.email, "X") == page_text(new.text).replace(  # type: ignore[attr-defined]
        "new@example.org", "X"
    )
    assert "Please check your email" in page_text(new.text)  # type: ignore[attr-defined]
    assert SESSION_COOKIE not in client.cookies
    assert _users(factory) == 1  # nothing is made before the link is followed

    mails = {to[0]: message for to, message in sink.received}
    assert mails[alice.email]["Subject"] == "You already have an Anew account"
    assert f"{BASE}/login" in _text(mails[alice.email])
    assert mails["new@example.org"]["Subject"] == "Please confirm your email to finish signing up"


def test_following_the_link_makes_her_account_and_signs_her_in(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session]
) -> None:
    with smtp_sink() as sink:
        use_mail(app, sink.port, base_url=BASE)
        _signup(client, "New@Example.org")
    [(_to, message)] = sink.received
    link = re.search(rf"{re.escape(BASE)}(/signup/confirm/[\w-]+)", _text(message))
    assert link
    path = link.group(1)
    confirm = client.get(path).text
    assert "Finish creating your account" in page_text(confirm)
    assert 'name="time_zone"' in confirm  # asked where the account is made
    assert 'name="time_zone"' not in client.get("/signup").text
    assert _users(factory) == 0

    wrong = client.post(
        path, data={"csrf_token": csrf_token(client, path), "password": "someone else's guess"}
    )
    assert wrong.status_code == 400
    assert "isn't the password chosen" in page_text(wrong.text)
    assert _users(factory) == 0  # and the link still works for her

    unknown = client.post(
        path,
        data={"csrf_token": csrf_token(client, path), "password": PASSWORD, "time_zone": "Nowhere"},
    )
    assert unknown.status_code == 400
    assert "We don't know that time zone" in page_text(unknown.text)
    assert _users(factory) == 0

    done = client.post(
        path,
        data={
            "csrf_token": csrf_token(client, path),
            "password": PASSWORD,
            "time_zone": "America/Chicago",
        },
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert done.headers["location"] == "/dashboard?welcome=1"
    assert SESSION_COOKIE in client.cookies
    with factory() as db:
        assert db.scalar(select(User.email)) == "new@example.org"
        assert db.scalar(select(User.time_zone)) == "America/Chicago"

    with TestClient(app) as other:
        again = other.post(path, data={"csrf_token": csrf_token(other, path), "password": PASSWORD})
    assert again.status_code == 400
    assert "expired or was already used" in page_text(again.text)
    assert _users(factory) == 1


def test_a_weak_password_is_still_explained_beside_the_field(
    app: FastAPI, client: TestClient
) -> None:
    with smtp_sink() as sink:
        use_mail(app, sink.port, base_url=BASE)
        token = csrf_token(client, "/signup")
        weak = client.post(
            "/signup", data={"csrf_token": token, "email": "n@example.org", "password": "password"}
        )
    assert weak.status_code == 400
    assert "easy for someone else to guess" in page_text(weak.text)
    assert sink.received == []


def test_whoever_opens_the_link_must_know_the_password_chosen_at_sign_up(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session]
) -> None:
    """Someone signs up with her address and a password of theirs: when she opens the link she
    is asked for a password she never chose, and no account is made for them to wait in."""
    with smtp_sink() as sink:
        use_mail(app, sink.port, base_url=BASE)
        _signup(client, "her@example.org")  # typed by someone else
    [(_to, message)] = sink.received
    link = re.search(rf"{re.escape(BASE)}(/signup/confirm/[\w-]+)", _text(message))
    assert link
    with TestClient(app) as hers:
        path = link.group(1)
        pressed = hers.post(path, data={"csrf_token": csrf_token(hers, path)})
        assert pressed.status_code == 400
        assert SESSION_COOKIE not in hers.cookies
    assert _users(factory) == 0
