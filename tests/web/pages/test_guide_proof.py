"""The "Leave a response" form: no publishing on someone else's approved email (review item 12)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.people import Person, api_token, page_text, sign_in
from tests.smtp_sink import smtp_sink
from tests.web.api.test_guide_mail import use_mail
from tests.web.pages.test_guide import PAGE, respond


def _approve_everything(client: TestClient, factory: sessionmaker[Session], carol: Person) -> None:
    coach = {"Authorization": f"Bearer {api_token(factory, carol)}"}
    for row in client.get("/api/v1/responses?status=pending", headers=coach).json():
        client.post(f"/api/v1/responses/{row['id']}/approve", headers=coach)


def test_the_form_answers_the_same_whatever_the_emails_past(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], carol: Person
) -> None:
    respond(client, email=carol.email, body="The coach's own words.")
    _approve_everything(client, factory, carol)
    with TestClient(app) as stranger:
        posing = respond(stranger, name="Carol", email=carol.email, body="Posing as the coach.")
        fresh = respond(stranger, name="Zed", email="zed@example.org", body="First time.")
    assert "posted=pending" in posing.headers["location"]
    assert "posted=pending" in fresh.headers["location"]
    assert "Posing as the coach." not in page_text(client.get(PAGE).text)


def test_a_member_signed_in_with_her_approved_email_is_published_at_once(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, carol: Person
) -> None:
    respond(client, email=alice.email, body="My first words here.")
    _approve_everything(client, factory, carol)
    with TestClient(app) as browser:
        sign_in(browser, alice)
        again = respond(browser, email=alice.email, body="And my second.")
    assert "posted=published" in again.headers["location"]


def test_with_email_set_up_the_thank_you_mentions_the_link(
    app: FastAPI, client: TestClient
) -> None:
    with smtp_sink() as sink:
        use_mail(app, sink.port)
        posted = respond(client)
        page = client.get(posted.headers["location"])
    assert "We've also emailed you a link" in page_text(page.text)
    assert [to for to, _m in sink.received] == [["ann@example.org"]]
