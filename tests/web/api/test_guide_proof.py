"""A response appears without a coach only after its poster proves her email (review item 12)."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.people import Person, csrf_token, page_text
from tests.smtp_sink import smtp_sink
from tests.web.api.test_guide import URL, bearer, post
from tests.web.api.test_guide_mail import use_mail

BASE = "https://anew.example.org"


def _approve_first(client: TestClient, coach: dict[str, str], email: str) -> None:
    first = post(client, email=email, body=f"A first response from {email}.")
    client.post(f"/api/v1/responses/{first.json()['id']}/approve", headers=coach)


def _names(client: TestClient) -> list[str]:
    return [r["name"] for r in client.get(URL).json()]


def test_an_approved_email_typed_by_anyone_else_waits_for_a_coach(
    client: TestClient, factory: sessionmaker[Session], carol: Person
) -> None:
    coach = bearer(factory, carol)
    client.post(URL, json={"name": "Carol", "email": carol.email, "body": "Hi all."}, headers=coach)
    _approve_first(client, coach, "ann@example.org")
    posed = post(client, name="Carol (coach)", email=carol.email, body="Buy my course!")
    as_ann = post(client, name="Ann", email="ann@example.org", body="Not really Ann.")
    unknown = post(client, name="Zed", email="zed@example.org", body="First time here.")
    answers = [r.json() for r in (posed, as_ann, unknown)]
    assert [a["status"] for a in answers] == ["pending", "pending", "pending"]
    assert [sorted(a) for a in answers] == [["id", "status"]] * 3  # the same answer for all
    assert "Buy my course!" not in str(client.get(URL).json())
    assert "Not really Ann." not in str(client.get(URL).json())


def test_a_member_signed_in_with_her_approved_email_appears_at_once(
    client: TestClient, factory: sessionmaker[Session], alice: Person, carol: Person
) -> None:
    _approve_first(client, bearer(factory, carol), alice.email)
    hers = bearer(factory, alice)
    signed_in = client.post(
        URL, json={"name": "Alice", "email": alice.email, "body": "Again."}, headers=hers
    )
    assert signed_in.json()["status"] == "published"
    other_email = client.post(
        URL, json={"name": "Alice", "email": "ann@example.org", "body": "Hm."}, headers=hers
    )
    assert other_email.json()["status"] == "pending"


def test_the_emailed_link_publishes_a_response_from_an_approved_email(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], carol: Person
) -> None:
    _approve_first(client, bearer(factory, carol), "ann@example.org")
    with smtp_sink() as sink:
        use_mail(app, sink.port, base_url=BASE)
        later = post(client, body="A second thought.")
        assert later.json()["status"] == "pending"
        [(to, message)] = sink.received
        assert to == ["ann@example.org"]
        assert message["Subject"] == "Please confirm your response"
        text = message.get_payload(decode=True).decode()
        link = re.search(rf"{re.escape(BASE)}(/guide/confirm/[\w-]+)", text)
        assert link
        path = link.group(1)
        assert "Confirm your response?" in page_text(client.get(path).text)
        assert "A second thought." not in str(client.get(URL).json())
        done = client.post(path, data={"csrf_token": csrf_token(client, path)})
    # Confirming redirects to her response under the article (a reload never posts again).
    assert done.history[0].status_code == 303
    assert done.url.path.startswith("/guide/")
    assert done.url.params["posted"] == "published"
    assert "Thank you! Your response is published" in page_text(done.text)
    assert "A second thought." in str(client.get(URL).json())
    again = client.post(path, data={"csrf_token": csrf_token(client, path)})
    assert again.status_code == 400
    assert "already been used" in page_text(again.text)


def test_confirming_a_first_response_still_leaves_it_for_a_coach(
    app: FastAPI, client: TestClient
) -> None:
    with smtp_sink() as sink:
        use_mail(app, sink.port, base_url=BASE)
        post(client, email="new@example.org", body="Hello for the first time.")
        [(_to, message)] = sink.received
    text = message.get_payload(decode=True).decode()
    link = re.search(r"(/guide/confirm/[\w-]+)", text)
    assert link
    done = client.post(link.group(1), data={"csrf_token": csrf_token(client, link.group(1))})
    assert "will appear once a coach has read it" in page_text(done.text)
    assert client.get(URL).json() == []


def test_without_email_no_link_is_sent_and_every_response_waits(
    client: TestClient, factory: sessionmaker[Session], carol: Person
) -> None:
    _approve_first(client, bearer(factory, carol), "ann@example.org")
    assert post(client, body="Later.").json()["status"] == "pending"
    assert _names(client) == ["Ann"]
