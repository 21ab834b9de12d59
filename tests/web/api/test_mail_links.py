"""Links in emails come from ANEW_BASE_URL only, never from a request's Host (review item 9)."""

from __future__ import annotations

from email.message import Message

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.people import Person, api_token
from tests.smtp_sink import smtp_sink
from tests.web.api.test_guide_mail import ANN, URL, use_mail

EVIL = {"Host": "evil.example"}


def _read(message: Message) -> str:
    """The headers and the decoded text, as her mail program shows them."""
    body = message.get_payload(decode=True)
    assert isinstance(body, bytes)
    return "".join(f"{k}: {v}\n" for k, v in message.items()) + body.decode()


def test_without_a_base_url_no_email_carries_the_host_a_request_named(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], carol: Person
) -> None:
    coach = {"Authorization": f"Bearer {api_token(factory, carol)}", **EVIL}
    with smtp_sink() as sink:
        use_mail(app, sink.port, base_url=None, guide_notify_email="coach@example.org")
        ann = client.post(URL, json={**ANN, "notify": True}, headers=EVIL).json()
        client.post(f"/api/v1/responses/{ann['id']}/approve", headers=coach)
        reply = {"name": "Carol", "email": carol.email, "parent_id": ann["id"], "body": "Hi."}
        client.post(URL, json=reply, headers=coach)
    for _to, message in sink.received:
        assert "evil.example" not in _read(message)


def test_with_a_base_url_every_link_is_built_on_it(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], carol: Person
) -> None:
    coach = {"Authorization": f"Bearer {api_token(factory, carol)}", **EVIL}
    with smtp_sink() as sink:
        use_mail(
            app, sink.port, base_url="https://anew.example.org", guide_notify_email="c@example.org"
        )
        ann = client.post(URL, json={**ANN, "notify": True}, headers=EVIL).json()
        client.post(f"/api/v1/responses/{ann['id']}/approve", headers=coach)
        reply = {"name": "Carol", "email": carol.email, "parent_id": ann["id"], "body": "Hi."}
        client.post(URL, json=reply, headers=coach)
    texts = [_read(message) for _to, message in sink.received]
    assert len(texts) == 3  # the coach's, Ann's confirmation link, and the reply to Ann
    assert all("https://anew.example.org/" in text for text in texts)
    assert not any("evil.example" in text for text in texts)
