"""Telegram's service entries, iMessage's tapbacks and group events are counted as notices; an
SMS thread in which she wrote nothing is a chat with her in it at zero."""

from __future__ import annotations

import json
from pathlib import Path

from anew.chats.loading import load_chat
from anew.chats.report import analyze
from tests.chats.test_imessage import chat_db  # noqa: F401  (the fixture)


def _service(action: str, minute: int) -> dict[str, object]:
    return {
        "type": "service",
        "date": f"2024-01-01T10:{minute:02}:00",
        "actor": "Sam",
        "action": action,
    }


def test_telegram_service_entries_are_counted_by_kind(tmp_path: Path) -> None:
    entries = [
        _service("phone_call", 0),
        _service("invite_members", 1),
        _service("remove_members", 2),
        _service("edit_group_title", 3),
        _service("edit_group_photo", 4),
        _service("pin_message", 5),
        {"type": "message", "date": "2024-01-01T10:06:00", "from": "Sam", "text": "hi"},
    ]
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"name": "Sam", "messages": entries}))
    chat = load_chat(path)
    assert chat.messages.height == 1
    assert chat.set_aside.notices == {"call": 1, "members": 2, "group": 2, "service": 1}
    assert analyze(chat)["set_aside"]["notices"] == {
        "call": 1,
        "members": 2,
        "group": 2,
        "service": 1,
    }


def test_imessage_tapbacks_and_group_events_are_counted(chat_db: Path) -> None:  # noqa: F811
    chat = load_chat(chat_db)
    assert chat.messages.height == 3
    assert chat.set_aside.notices == {"reaction": 1, "members": 1}


INCOMING_ONLY = """<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="2">
  <sms address="+15550100" date="1700000000000" type="1" body="Are you up?" contact_name="Sam" />
  <sms address="+15550100" date="1700000600000" type="1" body="goodnight" contact_name="Sam" />
</smses>
"""


def test_an_sms_thread_where_she_wrote_nothing_is_a_chat(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    path.write_text(INCOMING_ONLY)
    report = analyze(load_chat(path))
    assert report["participants"] == ["Sam", "Me"]
    assert report["me"] == "Me"
    assert report["messages"] == {"Sam": 2, "Me": 0}
    assert report["initiated"] == {"Sam": 1, "Me": 0}


def test_a_name_nobody_wrote_under_is_still_refused_when_it_is_not_the_owner(
    tmp_path: Path,
) -> None:
    import pytest

    from anew.chats.report import UnknownParticipant

    path = tmp_path / "sms.xml"
    path.write_text(INCOMING_ONLY)
    with pytest.raises(UnknownParticipant, match="nobody called 'Bob'"):
        analyze(load_chat(path), me="Bob")
