"""An import's progress, under a key her client chose: stages, the outcome, and only for her."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from anew.chats.models import ImportProgress
from anew.db import utcnow
from tests.isolation import assert_isolated
from tests.people import Person, api_token, sign_in

CHAT = "13/03/24, 09:00 - Ana: morning!\n13/03/24, 09:10 - Sam: hey you\n"


def _api(app: FastAPI, factory: sessionmaker[Session], person: Person) -> TestClient:
    client = TestClient(app, raise_server_exceptions=False)
    client.headers["Authorization"] = f"Bearer {api_token(factory, person)}"
    return client


def _upload(api: TestClient, name: str, data: bytes, key: str) -> Any:
    return api.post("/api/v1/chats", files={"file": (name, data)}, data={"progress": key})


def test_a_finished_import_reports_done_with_its_id_and_counts(
    app: FastAPI, factory: sessionmaker[Session], alice: Person
) -> None:
    with _api(app, factory, alice) as api:
        made = _upload(api, "chat.txt", CHAT.encode(), "upload-0001")
        assert made.status_code == 201, made.text
        progress = api.get("/api/v1/chats/progress/upload-0001").json()
    assert progress["state"] == "done"
    assert progress["import_id"] == made.json()["id"]
    assert (progress["done"], progress["total"], progress["percent"]) == (2, 2, 100)


def test_a_refused_import_reports_why_naming_the_file(
    app: FastAPI, factory: sessionmaker[Session], alice: Person
) -> None:
    with _api(app, factory, alice) as api:
        refused = _upload(api, "notes.txt", b"just some notes\n", "upload-0002")
        assert refused.status_code == 422
        progress = api.get("/api/v1/chats/progress/upload-0002").json()
    assert progress["state"] == "failed"
    assert progress["error"].startswith("notes.txt")
    assert progress["import_id"] is None


def test_a_key_that_is_too_short_or_odd_is_refused_before_anything_is_read(
    app: FastAPI, factory: sessionmaker[Session], alice: Person
) -> None:
    with _api(app, factory, alice) as api:
        answer = api.post(
            "/api/v1/chats", files={"file": ("chat.txt", CHAT.encode())}, data={"progress": "x/"}
        )
        assert answer.status_code == 422
        assert answer.json()["detail"][0]["loc"] == ["body", "progress"]
        assert api.get("/api/v1/chats").json() == []


def test_an_import_whose_process_went_quiet_reads_as_interrupted(
    app: FastAPI, factory: sessionmaker[Session], db: Session, alice: Person
) -> None:
    db.add(ImportProgress(user_id=alice.id, key="upload-0003", stage="storing", total=10))
    db.commit()
    with _api(app, factory, alice) as api:
        assert api.get("/api/v1/chats/progress/upload-0003").json()["state"] == "running"
        db.execute(update(ImportProgress).values(updated_at=utcnow() - timedelta(minutes=3)))
        db.commit()
        assert api.get("/api/v1/chats/progress/upload-0003").json()["state"] == "interrupted"


def test_the_upload_page_can_follow_its_own_import(app: FastAPI, alice: Person) -> None:
    with TestClient(app) as page:
        sign_in(page, alice)
        assert page.get("/chats/progress/upload-0004").status_code == 404
        token = page.get("/chats").text.split('name="csrf_token" value="')[1].split('"')[0]
        page.post(
            "/chats",
            data={"csrf_token": token, "progress": "upload-0004"},
            files={"file": ("chat.txt", CHAT.encode())},
        )
        progress = page.get("/chats/progress/upload-0004")
    assert progress.status_code == 200
    assert progress.json()["state"] == "done"
    assert progress.headers["cache-control"] == "no-store"


def test_bob_cannot_follow_alices_import(
    app: FastAPI, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    with _api(app, factory, alice) as api:
        made = _upload(api, "chat.txt", CHAT.encode(), "upload-0005")
        assert made.status_code == 201
    engine = app.state.engine
    with _api(app, factory, bob) as intruder:
        assert_isolated(engine, intruder, alice, "GET", "/api/v1/chats/progress/upload-0005")
    with TestClient(app) as intruder_page:
        sign_in(intruder_page, bob)
        assert_isolated(engine, intruder_page, alice, "GET", "/chats/progress/upload-0005")
