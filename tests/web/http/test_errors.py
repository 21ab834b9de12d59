from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event

from anew.config import Settings
from anew.safety.questions import QUESTIONS
from anew.web.app import create_app
from tests.people import CSRF_PATTERN, Person, api_token, page_text, sign_in


def test_a_missing_page_is_a_friendly_404(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "We couldn't find that page" in page_text(response.text)


def test_an_api_404_answers_json(client: TestClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_a_crash_shows_nothing_of_its_cause(app: FastAPI, client: TestClient) -> None:
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("database password is hunter2")

    @app.get("/api/v1/boom")
    def api_boom() -> None:
        raise RuntimeError("database password is hunter2")

    page = client.get("/boom")
    assert page.status_code == 500
    assert "Something went wrong on our side" in page_text(page.text)
    assert "hunter2" not in page.text
    assert "Traceback" not in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    api = client.get("/api/v1/boom")
    assert api.status_code == 500
    assert api.json() == {"detail": "Something went wrong on our side."}


def test_a_wrong_method_is_refused_politely(client: TestClient) -> None:
    response = client.put("/login")
    assert response.status_code == 405
    assert "That doesn't work here" in page_text(response.text)


def test_no_telemetry_even_when_the_environment_asks_for_it(
    monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    monkeypatch.setenv("FASTAPI_OTEL_AUTO_CONFIGURE", "true")
    application = create_app(settings)
    assert application._native_telemetry.enabled() is False
    assert application._telemetry["auto_configure"] is False
    application.state.engine.dispose()


def test_a_405_lists_every_method_the_path_accepts(client: TestClient) -> None:
    response = client.put("/api/v1/auth/token")
    assert response.status_code == 405
    assert response.headers["allow"] == "DELETE, POST"
    assert client.put("/logout").headers["allow"] == "GET, POST"


def test_a_database_that_is_down_gets_a_kind_503_page_and_answer(tmp_path: Path) -> None:
    # Nothing listens on port 1: every query fails to connect, as when the server is down.
    settings = Settings(
        data_dir=tmp_path,
        database_url="postgresql+psycopg://postgres@127.0.0.1:1/anew",
        secret_key="a-test-secret-that-is-long-enough-0123456789",
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        page = client.get("/guide/no-contact")
        assert page.status_code == 503
        assert page.headers["retry-after"] == "30"
        assert "try again in a minute" in page_text(page.text)
        assert "not saved" not in page_text(page.text)  # she only asked to read
        assert "Traceback" not in page.text
        api = client.get("/api/v1/guide/no-contact/responses")
        assert api.status_code == 503
        assert "try again in a minute" in api.json()["detail"]
        assert client.get("/healthz").status_code == 503


VAULT_WORDS = "I still sleep in your shirt and I hate that I do"


@contextmanager
def failing_writes(app: FastAPI) -> Iterator[None]:
    """Every INSERT or UPDATE fails as a locked SQLite file or a killed PostgreSQL connection
    does: with the driver's own OperationalError, which SQLAlchemy wraps with the statement."""
    engine = app.state.engine
    driver_error = engine.dialect.loaded_dbapi.OperationalError

    def refuse(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise driver_error("database is locked")

    event.listen(engine, "before_cursor_execute", refuse)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", refuse)


def test_a_failed_write_logs_no_values_tells_the_truth_and_hands_her_words_back(
    app: FastAPI, alice: Person, caplog: pytest.LogCaptureFixture
) -> None:
    with TestClient(app, raise_server_exceptions=False) as client:
        sign_in(client, alice)
        page = client.get("/steps/no-contact")
        token = CSRF_PATTERN.search(page.text)
        assert token
        form = {
            "csrf_token": token.group(1),
            "intensity": "7",
            "trigger": "his new photo",
            "message": VAULT_WORDS,
        }
        with caplog.at_level(logging.DEBUG), failing_writes(app):
            answer = client.post("/steps/no-contact/urge", data=form)
    assert answer.status_code == 503
    assert VAULT_WORDS not in caplog.text
    assert "Database unreachable on POST /steps/no-contact/urge" in caplog.text
    shown = page_text(answer.text)
    assert "What you just sent was not saved" in shown
    assert "lost" not in shown.replace("so nothing is lost", "")
    retry = BeautifulSoup(answer.text, "html.parser").select_one("form.typed-back")
    assert retry is not None
    assert retry["action"] == "/steps/no-contact/urge"
    assert retry.select_one("textarea[name=message]").text == VAULT_WORDS  # type: ignore[union-attr]
    labels = [label.get_text() for label in retry.select("label")]
    assert labels == ["What you wrote, part 1 of 2", "What you wrote, part 2 of 2"]
    assert shown.count("try again") == 1
    kept = {i["name"]: i["value"] for i in retry.select("input[type=hidden]")}
    assert kept == {"csrf_token": form["csrf_token"], "intensity": "7"}


def test_a_failed_safety_check_logs_nothing_of_her_answers(
    app: FastAPI, alice: Person, caplog: pytest.LogCaptureFixture
) -> None:
    with TestClient(app, raise_server_exceptions=False) as client:
        sign_in(client, alice)
        token = CSRF_PATTERN.search(client.get("/safety-check").text)
        assert token
        answers = {q.id: "yes" for q in QUESTIONS}
        with caplog.at_level(logging.DEBUG), failing_writes(app):
            answer = client.post("/safety-check", data={"csrf_token": token.group(1), **answers})
    assert answer.status_code == 503
    assert "safety_mode" not in caplog.text
    assert "'yes'" not in caplog.text
    assert "INSERT" not in caplog.text
    assert "UPDATE" not in caplog.text


def test_an_api_write_that_fails_says_it_was_not_saved(
    app: FastAPI, alice: Person, caplog: pytest.LogCaptureFixture
) -> None:
    token = api_token(app.state.sessionmaker, alice)
    with (
        TestClient(app, raise_server_exceptions=False) as client,
        caplog.at_level(logging.DEBUG),
        failing_writes(app),
    ):
        answer = client.post(
            "/api/v1/urges",
            json={"intensity": 5, "message": VAULT_WORDS},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert answer.status_code == 503
    assert answer.json()["detail"].startswith("What you just sent was not saved.")
    assert VAULT_WORDS not in caplog.text


def test_a_visitors_words_handed_back_are_kept_by_no_cache(app: FastAPI) -> None:
    with TestClient(app, raise_server_exceptions=False) as client:
        token = CSRF_PATTERN.search(client.get("/login").text)
        assert token
        form = {"csrf_token": token.group(1), "email": "her@example.org", "password": "x"}
        with failing_writes(app):  # the sign-in's count of tries can't be written
            answer = client.post("/login", data=form)
    assert answer.status_code == 503
    assert answer.headers["cache-control"] == "no-store"
    assert "her@example.org" in answer.text  # handed back, in a page no cache keeps
