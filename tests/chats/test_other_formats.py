from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from anew.chats.errors import ChatFormatError
from anew.chats.formats.meta import repair
from anew.chats.loading import load_chat
from tests.chats.fixtures import CHAT_MINER


def _as_target(path: Path) -> list[dict[str, str]]:
    chat = load_chat(path, keep_text=True)
    return [
        {"timestamp": ts.isoformat(), "author": sender, "message": text}
        for ts, sender, text in chat.messages.select("timestamp", "sender", "text").rows()
    ]


def _target(folder: str) -> list[dict[str, str]]:
    return list(reversed(json.loads((CHAT_MINER / folder / "target.json").read_text())))


def test_signal_export() -> None:
    chat = load_chat(CHAT_MINER / "signal" / "test_export.txt", keep_text=True)
    assert chat.format == "signal"
    got = _as_target(CHAT_MINER / "signal" / "test_export.txt")
    # chat-miner joins continuation lines with a space; Anew keeps the line break.
    assert [dict(row, message=row["message"].replace("\n", " ")) for row in got] == _target(
        "signal"
    )


@pytest.mark.parametrize("name", ["test_single_export.json", "test_batch_export.json"])
def test_telegram_exports(name: str) -> None:
    chat = load_chat(CHAT_MINER / "telegram" / name, keep_text=True)
    assert chat.format == "telegram"
    got = _as_target(CHAT_MINER / "telegram" / name)
    expected = json.loads((CHAT_MINER / "telegram" / "target.json").read_text())  # oldest first
    # chat-miner puts a space between text entities; Telegram's own text has none between
    # "Link:" and the link (spaces live inside the plain-text parts), so Anew keeps it as written.
    assert got[0] == expected[0]
    assert got[1]["message"] == "Link:https://telegram.org/"
    assert expected[1]["message"] == "Link: https://telegram.org/"
    assert got[1]["timestamp"] == expected[1]["timestamp"]


def test_instagram_export() -> None:
    assert _as_target(CHAT_MINER / "instagram" / "test_export.json") == _target("instagram")
    # Nothing in this small file names the app; the folder it was found in does.
    assert load_chat(CHAT_MINER / "instagram" / "test_export.json").format == "instagram"


def _thread(**extra: object) -> dict[str, object]:
    entry = {"sender_name": "Sam", "timestamp_ms": 1_700_000_000_000, "content": "hi", **extra}
    return {"title": "Sam", "messages": [entry]}


@pytest.mark.parametrize(
    ("document", "app"),
    [
        (_thread(share={"link": "https://www.instagram.com/p/abc/"}), "instagram"),
        (
            _thread(photos=[{"uri": "your_instagram_activity/messages/inbox/sam/photos/1.jpg"}]),
            "instagram",
        ),
        (
            _thread(photos=[{"uri": "your_facebook_activity/messages/inbox/sam/photos/1.jpg"}]),
            "messenger",
        ),
        ({**_thread(), "thread_path": "inbox/sam_1234"}, "messenger"),
    ],
)
def test_instagram_and_messenger_are_told_apart(
    tmp_path: Path, document: dict[str, object], app: str
) -> None:
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps(document))
    chat = load_chat(path)
    assert chat.format == app
    assert chat.messages.height == 1


def test_an_instagram_zip_is_known_by_its_folders(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        member = "your_instagram_activity/messages/inbox/sam_1/message_1.json"
        archive.writestr(member, json.dumps(_thread()))
    assert load_chat(path).format == "instagram"


def test_meta_mojibake_is_repaired() -> None:
    assert repair("Ca\u00c3\u00a7a \u00f0\u009f\u0098\u008a") == "Caça 😊"
    assert repair("already fine ✓") == "already fine ✓"


def test_messenger_parts_merge_in_time_order(tmp_path: Path) -> None:
    newer = {
        "title": "Sam",
        "messages": [{"sender_name": "Sam", "timestamp_ms": 2_000_000, "content": "later"}],
    }
    older = {
        "title": "Sam",
        "messages": [
            {"sender_name": "Ana", "timestamp_ms": 1_000_500, "content": "second"},
            {"sender_name": "Sam", "timestamp_ms": 1_000_000, "photos": [{"uri": "x.jpg"}]},
        ],
    }
    (tmp_path / "message_1.json").write_text(json.dumps(newer))
    (tmp_path / "message_2.json").write_text(json.dumps(older))
    chat = load_chat(tmp_path, keep_text=True)
    assert chat.messages.select("sender", "kind").rows() == [
        ("Sam", "media"),
        ("Ana", "text"),
        ("Sam", "text"),
    ]


def test_messenger_e2ee_export(tmp_path: Path) -> None:
    document = {
        "participants": ["Ana", "Sam"],
        "messages": [
            {"senderName": "Ana", "timestamp": 1_700_000_000_000, "text": "hi", "type": "text"},
            {
                "senderName": "Sam",
                "timestamp": 1_700_000_060_000,
                "text": "hey you",
                "type": "text",
            },
        ],
    }
    path = tmp_path / "ana_sam.json"
    path.write_text(json.dumps(document))
    chat = load_chat(path)
    assert chat.messages.select("timestamp", "sender", "words").rows() == [
        (datetime(2023, 11, 14, 22, 13, 20), "Ana", 1),
        (datetime(2023, 11, 14, 22, 14, 20), "Sam", 2),
    ]


def test_telegram_service_entries_are_not_messages(tmp_path: Path) -> None:
    document = {
        "name": "Sam",
        "messages": [
            {
                "type": "service",
                "date": "2024-01-01T10:00:00",
                "actor": "Sam",
                "action": "phone_call",
            },
            {
                "type": "message",
                "date": "2024-01-01T10:01:00",
                "from": "Sam",
                "text": ["hi ", {"type": "bold", "text": "you"}],
            },
            {
                "type": "message",
                "date": "2024-01-01T10:02:00",
                "from": "Ana",
                "text": "",
                "photo": "p.jpg",
            },
        ],
    }
    path = tmp_path / "result.json"
    path.write_text(json.dumps(document))
    chat = load_chat(path, keep_text=True)
    assert chat.messages.select("sender", "kind", "text").rows() == [
        ("Sam", "text", "hi you"),
        ("Ana", "media", ""),
    ]


def test_a_telegram_message_without_a_date_is_named(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"messages": [{"type": "message", "from": "A", "text": "x"}]}))
    with pytest.raises(ChatFormatError, match=r"at messages\[0\]"):
        load_chat(path)


def test_messenger_parts_in_a_zip_merge(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "facebook-export.zip"
    first = {
        "title": "Sam",
        "messages": [{"sender_name": "Sam", "timestamp_ms": 2_000_000, "content": "b"}],
    }
    second = {
        "title": "Sam",
        "messages": [{"sender_name": "Ana", "timestamp_ms": 1_000_000, "content": "a"}],
    }
    other = {
        "title": "Jo",
        "messages": [{"sender_name": "Jo", "timestamp_ms": 5_000_000, "content": "x"}],
    }
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("messages/inbox/sam_1/message_1.json", json.dumps(first))
        archive.writestr("messages/inbox/sam_1/message_2.json", json.dumps(second))
        archive.writestr("messages/inbox/jo_2/message_1.json", json.dumps(other))
    chat = load_chat(path, keep_text=True)
    assert chat.messages.select("sender", "text").rows() == [("Ana", "a"), ("Sam", "b")]
