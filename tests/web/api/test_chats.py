from __future__ import annotations

import io
import json
import zipfile

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from anew.chats.metrics import DEFAULT_GAP
from anew.chats.models import ChatImport, ChatMessage
from anew.chats.report import CONTRACT_FIELDS
from anew.config import Settings
from anew.web.app import create_app
from tests.chats.fixtures import WHATSTK
from tests.isolation import assert_isolated
from tests.people import Person, api_token

CHAT = (
    "13/03/24, 09:00 - Ana: morning!\n"
    "13/03/24, 09:10 - Sam: hey you\n"
    "13/03/24, 09:12 - Ana: coffee later?\nor tea\n"
    "13/03/24, 21:00 - Sam: sorry, busy day\n"
)


def _upload(
    client: TestClient, content: bytes | str, filename: str = "chat.txt", **form: str
) -> object:
    data = content.encode() if isinstance(content, str) else content
    return client.post("/api/v1/chats", files={"file": (filename, data)}, data=form)


def _count(db: Session, model: type) -> int:
    return db.scalar(select(func.count()).select_from(model)) or 0


def test_an_upload_is_stored_and_measured(alice_api: TestClient, db: Session) -> None:
    response = _upload(alice_api, CHAT, name="Sam", me="Ana")
    assert response.status_code == 201, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["participants"] == ["Ana", "Sam"]
    assert body["messages"] == 4
    assert body["me"] == "Ana"
    assert _count(db, ChatMessage) == 4
    assert db.scalars(select(ChatMessage.text)).all() == [None] * 4  # text is not kept by default
    metrics = alice_api.get(f"/api/v1/chats/{body['id']}/metrics").json()
    for key in CONTRACT_FIELDS:
        assert key in metrics
    assert metrics["initiated"] == {"Ana": 1, "Sam": 1}  # 21:00 comes after a 6-hour silence
    assert metrics["words"] == {"Ana": 5, "Sam": 5}
    assert alice_api.get(f"/api/v1/chats/{body['id']}/metrics?gap=24").json()["conversations"] == 1


def test_the_text_is_kept_only_when_asked(alice_api: TestClient, db: Session) -> None:
    assert _upload(alice_api, CHAT, keep_text="true").status_code == 201  # type: ignore[attr-defined]
    assert "coffee later?\nor tea" in db.scalars(select(ChatMessage.text)).all()


def test_a_zip_export_uploads(alice_api: TestClient) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("WhatsApp Chat with Sam.txt", CHAT)
    response = _upload(alice_api, buffer.getvalue(), "WhatsApp Chat with Sam.zip")
    assert response.status_code == 201  # type: ignore[attr-defined]
    assert response.json()["name"] == "WhatsApp Chat with Sam"  # type: ignore[attr-defined]


def test_a_bad_file_is_a_422_naming_the_file_and_line_and_stores_nothing(
    alice_api: TestClient, db: Session
) -> None:
    # A time that can't exist (text before the first message is set aside now, not refused).
    text = "13/03/24, 09:00 - Ana: hi\n13/03/24, 25:10 - Sam: yo\n"
    response = _upload(alice_api, text, "notes.txt")
    assert response.status_code == 422  # type: ignore[attr-defined]
    problem = response.json()["detail"][0]  # type: ignore[attr-defined]
    assert problem["loc"] == ["body", "file"]
    assert problem["msg"].startswith("notes.txt, line 2:")
    assert _count(db, ChatImport) == 0
    assert _count(db, ChatMessage) == 0


def test_an_upload_over_the_limit_is_a_413(
    settings: Settings, factory: sessionmaker[Session], alice: Person
) -> None:
    small = create_app(settings.model_copy(update={"max_upload_mb": 1}))
    with TestClient(small) as client:
        client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
        response = _upload(client, CHAT * 40_000)
        assert response.status_code == 413
    small.state.engine.dispose()


def test_rename_choose_me_and_delete(alice_api: TestClient, db: Session) -> None:
    chat_id = _upload(alice_api, CHAT).json()["id"]  # type: ignore[attr-defined]
    renamed = alice_api.patch(f"/api/v1/chats/{chat_id}", json={"name": "Sam, March", "me": "Ana"})
    assert renamed.json()["name"] == "Sam, March"
    assert alice_api.get(f"/api/v1/chats/{chat_id}/metrics").json()["me"] == "Ana"
    wrong = alice_api.patch(f"/api/v1/chats/{chat_id}", json={"me": "Zed"})
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["loc"] == ["body", "me"]
    assert [c["id"] for c in alice_api.get("/api/v1/chats").json()] == [chat_id]
    assert alice_api.delete(f"/api/v1/chats/{chat_id}").status_code == 204
    assert _count(db, ChatMessage) == 0
    assert alice_api.get(f"/api/v1/chats/{chat_id}/metrics").status_code == 404


def test_a_real_whatstk_export_round_trips(alice_api: TestClient) -> None:
    upload = _upload(
        alice_api, (WHATSTK / "chats" / "whatsapp" / "lorem-2000.txt").read_bytes(), "lorem.txt"
    )
    metrics = alice_api.get(f"/api/v1/chats/{upload.json()['id']}/metrics").json()  # type: ignore[attr-defined]
    assert sum(metrics["messages"].values()) == 2000
    assert json.dumps(metrics)


def test_the_stored_report_is_sent_as_json_and_matches_a_fresh_analysis(
    alice_api: TestClient,
) -> None:
    upload = _upload(
        alice_api, (WHATSTK / "chats" / "whatsapp" / "lorem-2000.txt").read_bytes(), "lorem.txt"
    )
    chat_id = upload.json()["id"]  # type: ignore[attr-defined]
    stored = alice_api.get(f"/api/v1/chats/{chat_id}/metrics")
    assert stored.status_code == 200
    assert stored.headers["content-type"] == "application/json"
    hours = DEFAULT_GAP.total_seconds() / 3600  # the same options, so computed afresh
    fresh = alice_api.get(f"/api/v1/chats/{chat_id}/metrics?gap={hours}")
    assert stored.json() == fresh.json()


def test_bob_cannot_see_change_or_delete_alices_chats(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    alices = TestClient(app)
    alices.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    chat_id = _upload(alices, CHAT, name="alice-private-chat").json()["id"]  # type: ignore[attr-defined]
    bob_headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    engine = app.state.engine
    secrets = ["alice-private-chat", "Ana"]
    listing = assert_isolated(
        engine,
        client,
        alice,
        "GET",
        "/api/v1/chats",
        headers=bob_headers,
        expect_status=[200],
        secrets=secrets,
    )
    assert listing.json() == []
    assert_isolated(
        engine,
        client,
        alice,
        "GET",
        f"/api/v1/chats/{chat_id}/metrics",
        headers=bob_headers,
        secrets=secrets,
    )
    assert_isolated(
        engine,
        client,
        alice,
        "PATCH",
        f"/api/v1/chats/{chat_id}",
        headers=bob_headers,
        json={"name": "mine now"},
    )
    assert_isolated(
        engine, client, alice, "DELETE", f"/api/v1/chats/{chat_id}", headers=bob_headers
    )
    assert_isolated(
        engine,
        client,
        alice,
        "POST",
        "/api/v1/chats",
        headers=bob_headers,
        expect_status=[201],
        files={"file": ("bob.txt", CHAT.encode())},
    )


def test_an_unknown_me_is_a_422_naming_the_file(alice_api: TestClient, db: Session) -> None:
    response = _upload(alice_api, CHAT, "sam.txt", me="Zed")
    assert response.status_code == 422  # type: ignore[attr-defined]
    message = response.json()["detail"][0]["msg"]  # type: ignore[attr-defined]
    assert message == "sam.txt: nobody called 'Zed' wrote here; the participants are 'Ana', 'Sam'"
    assert _count(db, ChatImport) == 0


def test_a_sender_name_longer_than_the_database_keeps_is_a_422_naming_it(
    alice_api: TestClient, db: Session
) -> None:
    long_name = "Ana" + "a" * 247
    chat = f"13/03/24, 09:00 - {long_name}: hi\n13/03/24, 09:10 - Sam: hey\n"
    response = _upload(alice_api, chat, "long.txt")
    assert response.status_code == 422  # type: ignore[attr-defined]
    said = response.json()["detail"][0]["msg"]  # type: ignore[attr-defined]
    assert said.startswith("long.txt:")
    assert "'Anaaaa" in said
    assert "250 characters" in said
    assert _count(db, ChatImport) == 0


@pytest.mark.parametrize("filename", ["result.json", "message_1.json"])
def test_json_nested_thousands_deep_is_a_422_naming_the_file(
    alice_api: TestClient, db: Session, filename: str
) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    document = '{"name": "Sam", "type": "personal_chat", "id": 1, "messages": ' + deep + "}"
    response = _upload(alice_api, document, filename)
    assert response.status_code == 422  # type: ignore[attr-defined]
    said = response.json()["detail"][0]["msg"]  # type: ignore[attr-defined]
    assert said.startswith(f"{filename}:")
    assert "nested far deeper" in said
    assert _count(db, ChatImport) == 0


def test_a_chat_zip_compressed_past_the_ratio_setting_is_refused_as_a_bomb(
    settings: Settings, factory: sessionmaker[Session], alice: Person
) -> None:
    lines = (
        f"{13 + n // 1440 % 15:02d}/03/24, {n // 60 % 24:02d}:{n % 60:02d} - "
        f"{'Ana' if n % 3 else 'Sam'}: see you soon\n"
        for n in range(40_000)
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", "".join(lines))  # about 1.4 MB, packed about 12:1
    strict = create_app(settings.model_copy(update={"zip_max_ratio": 10}))
    with TestClient(strict) as client:
        client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
        refused = _upload(client, buffer.getvalue(), "chat.zip")
        assert refused.status_code == 422  # type: ignore[attr-defined]
        said = refused.json()["detail"][0]["msg"]  # type: ignore[attr-defined]
        assert said.startswith("chat.zip!_chat.txt:")
        assert "zip bomb" in said
    strict.state.engine.dispose()
    roomy = create_app(settings)
    with TestClient(roomy) as client:
        client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
        assert _upload(client, buffer.getvalue(), "chat.zip").status_code == 201  # type: ignore[attr-defined]
    roomy.state.engine.dispose()
