"""Dates that read two ways: the API asks with two of her own dates, and takes date_order."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from anew.chats.models import ChatImport

UNCLEAR = (
    "03/04/24, 09:00 - Ana: morning!\n"
    "03/04/24, 09:10 - Sam: hey you\n"
    "05/06/24, 21:00 - Sam: long time\n"
    "07/08/24, 08:00 - Ana: it has been\n"
)


def test_unclear_dates_are_a_422_with_her_dates_read_both_ways(
    alice_api: TestClient, db: Session
) -> None:
    response = alice_api.post("/api/v1/chats", files={"file": ("sam.txt", UNCLEAR.encode())})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "ambiguous_dates"
    assert body["examples"] == [
        {"as_written": "03/04/24", "day_first": "2024-04-03", "month_first": "2024-03-04"},
        {"as_written": "07/08/24", "day_first": "2024-08-07", "month_first": "2024-07-08"},
    ]
    assert body["detail"][0]["loc"] == ["body", "file"]
    assert body["detail"][0]["type"] == "chat_format"
    assert body["detail"][0]["msg"].startswith("sam.txt: the dates could be day-first")
    assert db.scalar(select(func.count()).select_from(ChatImport)) == 0


def test_sent_again_with_date_order_it_imports(alice_api: TestClient) -> None:
    response = alice_api.post(
        "/api/v1/chats",
        files={"file": ("sam.txt", UNCLEAR.encode())},
        data={"date_order": "monthfirst"},
    )
    assert response.status_code == 201, response.text
    metrics = alice_api.get(f"/api/v1/chats/{response.json()['id']}/metrics").json()
    assert metrics["first"] == "2024-03-04T09:00:00"


def test_another_unreadable_file_has_no_code(alice_api: TestClient) -> None:
    response = alice_api.post("/api/v1/chats", files={"file": ("n.txt", b"shopping\n- milk\n")})
    assert response.status_code == 422
    assert set(response.json()) == {"detail"}
