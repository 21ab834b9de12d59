from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from anew.method.steps import STEPS
from tests.isolation import assert_isolated
from tests.people import Person, page_text


def test_a_visitor_is_sent_to_log_in(client: TestClient) -> None:
    response = client.get("/dashboard", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/dashboard"


def test_it_shows_the_six_steps_to_a_signed_in_user(alice_client: TestClient) -> None:
    page = alice_client.get("/dashboard")
    assert page.status_code == 200
    text = page_text(page.text)
    assert "Your dashboard" in text
    for step in STEPS:
        assert f'href="/steps/{step.slug}"' in page.text
        assert step.title in text


def test_bob_sees_only_his_own_dashboard(
    app: FastAPI, bob_client: TestClient, alice: Person
) -> None:
    assert_isolated(app.state.engine, bob_client, alice, "GET", "/dashboard", expect_status=[200])
