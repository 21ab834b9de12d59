from __future__ import annotations

import re
import socket
from email.message import Message

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from anew.config import Settings
from anew.mail import Mail, deliver
from tests.people import Person, api_token, csrf_token, page_text
from tests.smtp_sink import smtp_sink

URL = "/api/v1/guide/no-contact/responses"
ANN = {"name": "Ann", "email": "ann@example.org", "body": "Thank you for this."}


def use_mail(app: FastAPI, port: int, **more: object) -> None:
    app.state.settings = app.state.settings.model_copy(
        update={
            "smtp_host": "127.0.0.1",
            "smtp_port": port,
            "smtp_starttls": False,
            "base_url": "http://anew.example.org",
            **more,
        }
    )


def others(received: list[tuple[list[str], Message]]) -> list[tuple[list[str], Message]]:
    """The mails a test is about, without the links that ask posters to confirm."""
    return [(to, m) for to, m in received if m["Subject"] != "Please confirm your response"]


def test_no_mail_is_sent_unless_an_admin_set_up_smtp(settings: Settings) -> None:
    assert deliver(settings, [Mail("a@example.org", "Hi", "Hello")]) == 0


def test_the_coach_hears_of_a_new_response_waiting_for_her(
    app: FastAPI, client: TestClient
) -> None:
    with smtp_sink() as sink:
        use_mail(app, sink.port, guide_notify_email="coach@example.org")
        assert client.post(URL, json=ANN).status_code == 201
    [(to, message)] = others(sink.received)
    assert to == ["coach@example.org"]
    assert message["Subject"] == "New response from Ann (awaiting moderation)"
    assert "http://anew.example.org/moderation" in message.get_payload(decode=True).decode()


def test_she_hears_of_a_reply_and_can_unsubscribe(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], carol: Person
) -> None:
    coach = {"Authorization": f"Bearer {api_token(factory, carol)}"}
    with smtp_sink() as sink:
        use_mail(app, sink.port)
        ann = client.post(URL, json={**ANN, "notify": True}).json()
        client.post(f"/api/v1/responses/{ann['id']}/approve", headers=coach)
        reply = {"name": "Carol", "email": "carol@example.org", "parent_id": ann["id"]}
        client.post(URL, json={**reply, "body": "So glad it helped."}, headers=coach)
        assert len(others(sink.received)) == 1
        to, message = others(sink.received)[0]
        assert to == ["ann@example.org"]
        text = message.get_payload(decode=True).decode()
        assert "So glad it helped." in text
        link = re.search(r"http://anew.example.org(/guide/unsubscribe/[\w-]+)", text)
        assert link
        unfolded = "".join(str(message["List-Unsubscribe"]).split())
        assert unfolded == f"<http://anew.example.org{link.group(1)}>"

        confirm = client.get(link.group(1))
        assert "Stop reply emails?" in page_text(confirm.text)
        token = csrf_token(client, link.group(1))
        done = client.post(link.group(1), data={"csrf_token": token})
        assert "You won't get reply emails any more" in page_text(done.text)
        assert done.history[0].status_code == 303  # a reload posts nothing again (issue 21)
        client.post(URL, json={**reply, "body": "One more thing."}, headers=coach)
    assert len(others(sink.received)) == 1


def test_a_reply_approved_later_reaches_her_then(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], carol: Person
) -> None:
    coach = {"Authorization": f"Bearer {api_token(factory, carol)}"}
    with smtp_sink() as sink:
        use_mail(app, sink.port)
        ann = client.post(URL, json={**ANN, "notify": True}).json()
        client.post(f"/api/v1/responses/{ann['id']}/approve", headers=coach)
        zoe = client.post(
            URL,
            json={
                "name": "Zoe",
                "email": "zoe@example.org",
                "body": "Me too!",
                "parent_id": ann["id"],
            },
        ).json()
        assert others(sink.received) == []  # waiting for moderation: nothing to tell yet
        client.post(f"/api/v1/responses/{zoe['id']}/approve", headers=coach)
    assert [to for to, _ in others(sink.received)] == [["ann@example.org"]]


def test_a_mail_server_that_is_down_never_loses_the_response(
    app: FastAPI, client: TestClient
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    use_mail(app, closed_port, guide_notify_email="coach@example.org")
    posted = client.post(URL, json=ANN)
    assert posted.status_code == 201
    queue = client.app.state.sessionmaker  # type: ignore[attr-defined]
    with queue() as db:
        from anew.guide.store import by_status

        assert [r.id for r in by_status(db, "pending")] == [posted.json()["id"]]
