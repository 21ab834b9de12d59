from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from anew.safety.questions import QUESTIONS
from anew.your_data.archive import her_tables
from tests.isolation import assert_isolated, owned_rows
from tests.people import Person, add_person, api_token
from tests.web.api.test_new_look_photos import png_bytes

CHAT = "13/03/24, 09:00 - Ana: hi\n13/03/24, 12:00 - Sam: hey there\n13/03/24, 12:30 - Ana: ok\n"
# Columns that differ between two accounts by design: ids, owners, references, secrets.
VOLATILE = {"id", "user_id", "token", "unsubscribe_token"}


def fill_every_area(client: TestClient) -> None:
    """Some data in every part of the app, through the API."""
    client.post("/api/v1/nocontact", json={"target_days": 30, "started_on": "2026-11-01"})
    client.put("/api/v1/nocontact/reflection", json={"change_mine": "Say what I need"})
    client.post("/api/v1/nocontact/pause", json={"reason": "A family funeral"})
    client.post("/api/v1/nocontact/resume")
    client.post(
        "/api/v1/guide/no-contact/responses",
        json={"name": "A", "email": "a@example.org", "body": "Thank you."},
    )
    client.post("/api/v1/contacts", json={"at": "2026-11-20T10:00:00Z", "initiator": "him"})
    client.post("/api/v1/urges", json={"intensity": 7, "message": "I miss you"})
    client.put("/api/v1/checkins/2026-11-20", json={"mood": 6, "note": "ok"})
    client.post("/api/v1/chats", files={"file": ("c.txt", CHAT.encode())}, data={"me": "Ana"})
    answers = {q.id: "no" for q in QUESTIONS}
    client.post("/api/v1/safety-check", json={"answers": answers, "keep_answers": True})
    quiz = client.get("/api/v1/quizzes/holding-you-back").json()
    picks = {
        q["id"]: [q["options"][0]["id"]] if q["multiple"] else q["options"][0]["id"]
        for q in quiz["questions"]
    }
    client.post("/api/v1/quizzes/holding-you-back/attempts", json={"answers": picks})
    goal = client.post("/api/v1/goals", json={"area": "health", "title": "Run"}).json()
    client.post(f"/api/v1/goals/{goal['id']}/milestones", json={"title": "2 km"})
    habit = client.post(
        "/api/v1/habits", json={"title": "Walk", "goal_id": goal["id"], "remind_at": "07:30"}
    ).json()
    client.put(f"/api/v1/habits/{habit['id']}/days/2026-11-20", json={"status": "done"})
    client.post("/api/v1/qualities", json={"list": "i_value", "name": "Curiosity"})
    client.post("/api/v1/makeover", json={"category": "hair", "title": "Cut", "budget": 50})
    client.post("/api/v1/photos", files={"file": ("p.png", png_bytes())}, data={"caption": "me"})
    client.post(
        "/api/v1/journal",
        json={"text": "Day five, a little lighter", "mood": 6, "day": 5},
        headers={"Idempotency-Key": "offline-0001"},
    )
    client.put("/api/v1/notifications", json={"checkin_at": "21:00", "habits": True})
    client.put("/api/v1/insights/plan", json={"text": "Tea, then a walk"})
    client.put("/api/v1/vault/looking-back", json={"enabled": True})


def contents(archive: bytes) -> dict[str, Any]:
    """Each table's rows without the columns that differ by design, plus the photo bytes."""
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        result: dict[str, Any] = {}
        for name in zipped.namelist():
            if not name.endswith(".json") or name == "account.json":
                continue
            rows = json.loads(zipped.read(name))
            result[name] = sorted(
                json.dumps(
                    {
                        k: v
                        for k, v in row.items()
                        if k not in VOLATILE
                        and not k.endswith("_id")
                        and k not in ("data", "thumbnail")
                    },
                    sort_keys=True,
                )
                for row in rows
            )
        result["photo files"] = sorted(
            zipped.read(n) for n in zipped.namelist() if n.startswith("photos/")
        )
    return result


def test_the_archive_round_trips_into_a_fresh_account(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    fill_every_area(client)
    exported = client.get("/api/v1/export")
    assert exported.status_code == 200
    assert exported.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(exported.content)) as zipped:
        readme = zipped.read("README.md").decode()
        names = set(zipped.namelist())
        account = json.loads(zipped.read("account.json"))
    assert account["vault_looks_back"] is True
    for table in her_tables():
        assert f"{table.name}.json" in names
        assert f"`{table.name}.json`" in readme
    assert any(n.startswith("photos/") for n in names)

    fresh = add_person(factory, "dana@example.org")
    client.headers["Authorization"] = f"Bearer {api_token(factory, fresh)}"
    assert client.get("/api/v1/vault/looking-back").json() == {"enabled": False}
    restored = client.post("/api/v1/import", files={"file": ("a.zip", exported.content)})
    assert restored.status_code == 200, restored.text
    assert client.get("/api/v1/vault/looking-back").json() == {"enabled": True}  # her choice too
    assert restored.json()["imported"]["chat_messages"] == 3
    again = client.get("/api/v1/export").content
    original, copy = contents(exported.content), contents(again)
    original.pop("guide_responses.json", None)
    copy.pop("guide_responses.json", None)
    assert copy == original
    assert client.get("/api/v1/habits").json()[0]["goal_id"] is not None  # references mapped
    second = client.post("/api/v1/import", files={"file": ("a.zip", exported.content)})
    assert second.status_code == 409


def test_a_broken_archive_changes_nothing_and_says_where(
    client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    fill_every_area(client)
    archive = io.BytesIO(client.get("/api/v1/export").content)
    broken = io.BytesIO()
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "habit_days.json":
                rows = json.loads(data)
                rows[0]["day"] = "not a day"
                data = json.dumps(rows).encode()
            target.writestr(item, data)
    client.headers["Authorization"] = f"Bearer {api_token(factory, bob)}"
    response = client.post("/api/v1/import", files={"file": ("a.zip", broken.getvalue())})
    assert response.status_code == 422
    assert "habit_days.json, row 1, field 'day'" in response.json()["detail"][0]["msg"]
    assert client.get("/api/v1/goals").json() == []  # the goals imported before it rolled back
    junk = client.post("/api/v1/import", files={"file": ("a.zip", b"not a zip")})
    assert "isn't an Anew archive" in junk.json()["detail"][0]["msg"]


def test_deleting_her_account_leaves_no_row_behind(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    client.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    fill_every_area(client)
    before = owned_rows(app.state.engine, alice.id)
    empty = [t.name for t in her_tables() if not before.get(t.name)]
    assert empty == []  # every kind of data of hers is there
    wrong = client.request("DELETE", "/api/v1/me", json={"password": "not it"})
    assert wrong.status_code == 403
    gone = client.request("DELETE", "/api/v1/me", json={"password": alice.password})
    assert gone.status_code == 204
    after = owned_rows(app.state.engine, alice.id)
    assert {table: rows for table, rows in after.items() if rows} == {}
    assert client.get("/api/v1/me").status_code == 401  # her token went with her


def test_bob_gets_only_his_own_data(
    app: FastAPI, client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    alices = TestClient(app)
    alices.headers["Authorization"] = f"Bearer {api_token(factory, alice)}"
    alices.post("/api/v1/qualities", json={"list": "i_value", "name": "alice-quality"})
    headers = {"Authorization": f"Bearer {api_token(factory, bob)}"}
    engine = app.state.engine
    exported = assert_isolated(
        engine, client, alice, "GET", "/api/v1/export", headers=headers, expect_status=[200]
    )
    assert b"alice" not in exported.content
    with zipfile.ZipFile(io.BytesIO(exported.content)) as zipped:
        assert json.loads(zipped.read("qualities.json")) == []
    assert_isolated(
        engine,
        client,
        alice,
        "POST",
        "/api/v1/import",
        headers=headers,
        files={"file": ("a.zip", b"junk")},
        expect_status=[422],
    )
    assert_isolated(
        engine,
        client,
        alice,
        "DELETE",
        "/api/v1/me",
        headers=headers,
        json={"password": alice.password},
        expect_status=[403],
    )
