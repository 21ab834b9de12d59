"""What the file held besides messages stays with a stored import: the stored report keeps it,
and a report made again from the stored messages (other options) still carries it."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

TELEGRAM = json.dumps(
    {
        "name": "Sam",
        "messages": [
            {"type": "service", "date": "2024-01-01T09:00:00", "action": "phone_call"},
            {"type": "service", "date": "2024-01-01T09:01:00", "action": "invite_members"},
            {"type": "message", "date": "2024-01-01T09:02:00", "from": "Sam", "text": "hi"},
            {"type": "message", "date": "2024-01-01T09:03:00", "from": "Ana", "text": "hey"},
        ],
    }
)
INCOMING_ONLY = """<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="2">
  <sms address="+15550100" date="1700000000000" type="1" body="Are you up?" contact_name="Sam" />
  <sms address="+15550100" date="1700000600000" type="1" body="goodnight" contact_name="Sam" />
</smses>
"""


def test_set_aside_survives_a_report_made_again_from_stored_messages(
    alice_api: TestClient,
) -> None:
    upload = alice_api.post(
        "/api/v1/chats", files={"file": ("result.json", TELEGRAM.encode())}, data={"me": "Ana"}
    )
    assert upload.status_code == 201, upload.text
    chat_id = upload.json()["id"]
    expected = {"notices": {"call": 1, "members": 1}, "unplaced": 0}
    stored = alice_api.get(f"/api/v1/chats/{chat_id}/metrics").json()
    again = alice_api.get(f"/api/v1/chats/{chat_id}/metrics?gap=1&split=2024-01-01").json()
    assert stored["set_aside"] == expected
    assert again["set_aside"] == expected
    assert again["warnings"] == stored["warnings"] == []
    renamed = alice_api.patch(f"/api/v1/chats/{chat_id}", json={"me": "Sam"})
    assert renamed.status_code == 200, renamed.text
    assert alice_api.get(f"/api/v1/chats/{chat_id}/metrics").json()["set_aside"] == expected


def test_an_sms_thread_where_she_wrote_nothing_imports_and_reads_again(
    alice_api: TestClient,
) -> None:
    upload = alice_api.post("/api/v1/chats", files={"file": ("sms.xml", INCOMING_ONLY.encode())})
    assert upload.status_code == 201, upload.text
    body = upload.json()
    assert body["me"] == "Me"
    assert body["participants"] == ["Sam", "Me"]
    again = alice_api.get(f"/api/v1/chats/{body['id']}/metrics?gap=2").json()
    assert again["messages"] == {"Sam": 2, "Me": 0}
    assert again["me"] == "Me"


def test_the_stored_findings_are_read_back_whole() -> None:
    from anew.chats.model import ChatWarning, SetAside
    from anew.chats.store import file_findings

    report = {
        "set_aside": {"notices": {"members": 2}, "unplaced": 1},
        "warnings": [{"line": 12, "why": "this line under a person's name reads like a notice"}],
    }
    assert file_findings(report) == (
        SetAside(notices={"members": 2}, unplaced=1),
        (ChatWarning(12, "this line under a person's name reads like a notice"),),
    )
    assert file_findings({}) == (SetAside(), ())  # a report stored before issue 25
