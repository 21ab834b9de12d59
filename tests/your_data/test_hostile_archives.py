"""Archives made to hurt the server: each is refused by name, and nothing is imported."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from tests.people import Person, api_token

MB = 1024 * 1024
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
