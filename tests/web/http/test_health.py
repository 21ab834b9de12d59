from __future__ import annotations

from unittest import mock

from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session


def test_it_answers_ok_after_asking_the_database(client: TestClient) -> None:
    with mock.patch.object(Session, "execute", autospec=True, wraps=Session.execute) as execute:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert execute.call_count == 1


def test_it_reports_an_unreachable_database_without_details(client: TestClient) -> None:
    failure = OperationalError("SELECT 1", {}, Exception("connection refused to 10.0.0.5"))
    with mock.patch.object(Session, "execute", autospec=True, side_effect=failure):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    assert "10.0.0.5" not in response.text
