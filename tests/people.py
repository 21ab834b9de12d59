"""The standing cast of the tests: alice owns the data, bob is another member, carol a coach."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import Role, SessionKind, User
from anew.accounts.service import create_user
from anew.accounts.sessions import start_session
from anew.db import utcnow
from anew.web.http.deps import SESSION_COOKIE

CSRF_PATTERN = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass(frozen=True)
class Person:
    """A user the tests can act as."""

    id: int
    email: str
    password: str
    role: str


def add_person(factory: sessionmaker[Session], email: str, role: Role = Role.MEMBER) -> Person:
    """Create an account directly in the database."""
    password = f"{email.split('@')[0]}-long-password"
    with factory() as db:
        user = create_user(db, email=email, password=password, role=role)
        db.commit()
        return Person(id=user.id, email=user.email, password=password, role=user.role)


def sign_in(client: TestClient, person: Person) -> TestClient:
    """Log the client in through the real login form."""
    response = client.post(
        "/login",
        data={
            "csrf_token": csrf_token(client, "/login"),
            "email": person.email,
            "password": person.password,
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, f"{person.email} could not log in"
    assert SESSION_COOKIE in client.cookies
    return client


def api_token(factory: sessionmaker[Session], person: Person) -> str:
    """A bearer token for the person."""
    return session_token(factory, person, SessionKind.API)


def session_token(factory: sessionmaker[Session], person: Person, kind: SessionKind) -> str:
    """The secret of a new session of the person's: a bearer token or a browser's cookie."""
    with factory() as db:
        user = db.get(User, person.id)
        assert user is not None
        token = start_session(db, user, kind, utcnow())
        db.commit()
    return token


def csrf_token(client: TestClient, path: str = "/") -> str:
    """The CSRF token a page hands this client's browser."""
    page = client.get(path)
    found = CSRF_PATTERN.search(page.text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def page_text(html: str) -> str:
    """What a person reads on the page, with markup and escaping gone."""
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def take_safety_check(client: TestClient, **yes: bool) -> str:
    """Answer the safety check through its form: "no" to everything but the ids given as True.
    Returns the result page's text."""
    from anew.safety.questions import QUESTIONS

    answers = {q.id: "yes" if yes.get(q.id) else "no" for q in QUESTIONS}
    token = csrf_token(client, "/safety-check")
    response = client.post("/safety-check", data={"csrf_token": token, **answers})
    assert response.status_code == 200, response.text
    return page_text(response.text)
