"""ReaderUser: a GET her own pages make (Today and the path, kept by the service worker) is read
with her browser's session or a bearer token; a write never passes on the cookie alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from anew.web.http.deps import ReaderUser
from tests.people import Person, api_token, sign_in


@pytest.fixture
def reading_app(app: FastAPI) -> FastAPI:
    probe = APIRouter()

    @probe.get("/api/v1/reader-probe")
    def read(user: ReaderUser) -> dict[str, int]:
        return {"id": user.id}

    @probe.post("/api/v1/reader-probe")
    def write(user: ReaderUser) -> dict[str, int]:
        return {"id": user.id}

    app.router.routes[0:0] = probe.routes
    return app


@pytest.fixture
def browser(reading_app: FastAPI, alice: Person) -> Iterator[TestClient]:
    with TestClient(reading_app, raise_server_exceptions=False) as client:
        yield sign_in(client, alice)


def test_her_signed_in_browser_reads_her_own(browser: TestClient, alice: Person) -> None:
    assert browser.get("/api/v1/reader-probe").json() == {"id": alice.id}


def test_a_bearer_token_reads_as_its_owner(
    reading_app: FastAPI, factory: sessionmaker[Session], bob: Person
) -> None:
    with TestClient(reading_app) as client:
        headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
        assert client.get("/api/v1/reader-probe", headers=headers).json() == {"id": bob.id}


def test_a_visitor_is_refused(reading_app: FastAPI) -> None:
    with TestClient(reading_app) as client:
        assert client.get("/api/v1/reader-probe").status_code == 401


def test_a_write_on_the_cookie_alone_is_refused(browser: TestClient) -> None:
    assert browser.post("/api/v1/reader-probe").status_code == 401
