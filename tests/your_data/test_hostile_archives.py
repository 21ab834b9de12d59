"""Archives made to hurt the server: each is refused by name, and nothing is imported."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.people import Person, api_token
from tests.web.api.test_new_look_photos import png_bytes

MB = 1024 * 1024
CHAT = "13/03/24, 09:00 - Ana: hi\n13/03/24, 12:00 - Sam: hey there\n"
ACCOUNT = {"email": "a@example.org", "time_zone": "Europe/Paris", "format_version": 1}


def archive(files: dict[str, Any]) -> bytes:
    """An archive holding account.json and `files` (JSON-ready values are written as JSON)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("account.json", json.dumps(ACCOUNT))
        for name, content in files.items():
            data = content if isinstance(content, bytes) else json.dumps(content).encode()
            zipped.writestr(name, data)
    return out.getvalue()


def post(client: TestClient, factory: sessionmaker[Session], who: Person, data: bytes) -> Any:
    client.headers["Authorization"] = f"Bearer {api_token(factory, who)}"
    return client.post("/api/v1/import", files={"file": ("hers.zip", data)})


def message(response: Any) -> str:
    assert response.status_code == 422, response.text
    return str(response.json()["detail"][0]["msg"])


def test_a_zip_bomb_is_refused_by_file_and_member(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    bomb = archive({"checkins.json": b" " * (64 * MB)})
    assert len(bomb) < MB
    said = message(post(client, factory, alice, bomb))
    assert "hers.zip!checkins.json" in said
    assert "zip bomb" in said
    assert client.get("/api/v1/checkins").json() == []


def photo_row(media_type: str) -> dict[str, Any]:
    return {
        "id": 1,
        "kind": "before",
        "caption": "Day one",
        "media_type": media_type,
        "data": "photos/1-data.bin",
        "thumbnail": "photos/1-thumbnail.bin",
        "taken_on": None,
        "created_at": "2026-11-20T10:00:00+00:00",
    }


PAGE = b"<html><script src='/api/v1/photos/2'></script></html>"


def test_a_photo_that_is_a_page_is_refused_by_row_and_field(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    crafted = archive(
        {
            "photos.json": [photo_row("text/html")],
            "photos/1-data.bin": PAGE,
            "photos/1-thumbnail.bin": PAGE,
        }
    )
    said = message(post(client, factory, alice, crafted))
    assert "hers.zip!photos.json, row 1, field 'data'" in said
    assert "isn't a photo" in said
    assert client.get("/api/v1/photos").json() == []


def test_an_imported_photo_is_re_encoded_and_served_as_the_type_its_bytes_are(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    crafted = archive(
        {
            "photos.json": [photo_row("text/html")],
            "photos/1-data.bin": png_bytes(),
            "photos/1-thumbnail.bin": PAGE,
        }
    )
    assert post(client, factory, alice, crafted).status_code == 200
    [photo] = client.get("/api/v1/photos").json()
    served = client.get(photo["url"])
    assert served.headers["content-type"] == "image/png"
    assert served.headers["x-content-type-options"] == "nosniff"
    assert served.headers["content-disposition"] == f'inline; filename="photo-{photo["id"]}.png"'
    thumbnail = client.get(photo["thumbnail_url"])
    assert thumbnail.headers["content-type"] == "image/jpeg"
    assert thumbnail.content.startswith(b"\xff\xd8\xff")  # made anew, not the archive's page


def exported_with_a_chat(client: TestClient, factory: sessionmaker[Session], who: Person) -> bytes:
    client.headers["Authorization"] = f"Bearer {api_token(factory, who)}"
    client.put("/api/v1/checkins/2026-11-20", json={"mood": 6, "note": "ok"})
    made = client.post(
        "/api/v1/chats", files={"file": ("c.txt", CHAT.encode())}, data={"me": "Ana"}
    )
    assert made.status_code == 201, made.text
    return client.get("/api/v1/export").content


def changed(data: bytes, name: str, change: Any) -> bytes:
    """The archive with one JSON file's rows passed through `change`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == name:
                rows = json.loads(content)
                change(rows)
                content = json.dumps(rows).encode()
            target.writestr(item, content)
    return out.getvalue()


def set_month(rows: list[dict[str, Any]]) -> None:
    rows[0]["report"]["by_month"][0]["month"] = "ÿ"


def test_a_report_month_that_is_not_a_month_is_refused_by_field(
    client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    crafted = changed(exported_with_a_chat(client, factory, alice), "chat_imports.json", set_month)
    said = message(post(client, factory, bob, crafted))
    assert "hers.zip!chat_imports.json, row 1, field 'report'['by_month'][0]['month']" in said
    assert client.get("/api/v1/chats").json() == []


def mood_as_text(rows: list[dict[str, Any]]) -> None:
    rows[0]["mood"] = "6"


def test_a_string_where_a_number_belongs_is_a_clear_422_naming_the_field(
    client: TestClient, factory: sessionmaker[Session], alice: Person, bob: Person
) -> None:
    crafted = changed(exported_with_a_chat(client, factory, alice), "checkins.json", mood_as_text)
    said = message(post(client, factory, bob, crafted))
    assert "hers.zip!checkins.json, row 1, field 'mood'" in said
    assert "integer" in said


def test_account_settings_that_are_not_settings_are_refused_by_field(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    for field, value, words in [
        ("time_zone", "Mars/Olympus", "not a time zone"),
        ("safety_mode", "yes", "boolean"),
        ("vault_looks_back", 1, "boolean"),
        ("country", "<script>", "pattern"),
    ]:
        crafted = io.BytesIO()
        with zipfile.ZipFile(crafted, "w") as zipped:
            zipped.writestr("account.json", json.dumps({**ACCOUNT, field: value}))
        said = message(post(client, factory, alice, crafted.getvalue()))
        assert f"hers.zip!account.json: field {field!r}" in said
        assert words in said


def test_a_null_where_the_database_has_a_default_is_refused_by_field(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    row = {"id": 1, "day": "2024-01-01", "mood": 5, "note": None}
    said = message(post(client, factory, alice, archive({"checkins.json": [row]})))
    assert "hers.zip!checkins.json, row 1, field 'note'" in said


def test_two_rows_that_clash_are_refused_not_a_crash(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    rows = [{"id": n, "day": "2024-01-01", "mood": 5, "note": ""} for n in (1, 2)]
    said = message(post(client, factory, alice, archive({"checkins.json": rows})))
    assert "hers.zip!checkins.json: two of its rows are the same" in said
    assert client.get("/api/v1/checkins").json() == []


def test_one_photo_file_named_by_many_rows_is_refused(
    client: TestClient, factory: sessionmaker[Session], alice: Person
) -> None:
    """Each row would decode and re-encode the same small file again: hours of work from a few
    KB. A file of the archive belongs to one row."""
    rows = [photo_row("image/png") | {"id": n} for n in (1, 2)]
    files = {"photos.json": rows, "photos/1-data.bin": png_bytes()}
    files["photos/1-thumbnail.bin"] = png_bytes()
    said = message(post(client, factory, alice, archive(files)))
    assert "hers.zip!photos/1-data.bin: this file is named by more than one row" in said
    assert client.get("/api/v1/photos").json() == []


def test_photos_past_the_most_an_archive_may_bring_are_refused(
    client: TestClient,
    factory: sessionmaker[Session],
    alice: Person,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("anew.your_data.archive.MAX_PHOTOS", 1)
    rows, files = [], {}
    for n in (1, 2):
        rows.append(photo_row("image/png") | {"id": n})
        rows[-1] |= {"data": f"photos/{n}-data.bin", "thumbnail": f"photos/{n}-thumbnail.bin"}
        files[f"photos/{n}-data.bin"] = files[f"photos/{n}-thumbnail.bin"] = png_bytes()
    said = message(post(client, factory, alice, archive({"photos.json": rows, **files})))
    assert "photos.json, row 2: an archive can bring back up to 1 photos" in said
    assert client.get("/api/v1/photos").json() == []
