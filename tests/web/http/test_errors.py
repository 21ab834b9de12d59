from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from anew.config import Settings
from anew.web.app import create_app
from tests.people import page_text


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
        assert "Nothing you wrote is lost" in page_text(page.text)
        assert "Traceback" not in page.text
        api = client.get("/api/v1/guide/no-contact/responses")
        assert api.status_code == 503
        assert "try again in a minute" in api.json()["detail"]
        assert client.get("/healthz").status_code == 503
