from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from fuzz.targets import IMESSAGE_SCHEMA as SCHEMA

from anew.chats.errors import ChatFormatError
from anew.chats.formats.imessage import apple_time, text_from_attributed_body
from anew.chats.loading import load_chat

NANO = 1_000_000_000
T0 = 721_000_000  # seconds after 2001-01-01


def archived(text: str) -> bytes:
    """An NSAttributedString as macOS archives it, enough of it to hold the text."""
    encoded = text.encode()
    length = (
        bytes([len(encoded)])
        if len(encoded) < 0x81
        else b"\x81" + len(encoded).to_bytes(2, "little")
    )
    return (
        b"\x04\x0bstreamtyped\x81\xe8\x03\x84\x01@\x84\x84\x84\x12NSAttributedString\x00\x84\x84\x08NSObject\x00\x85\x92\x84\x84\x84\x08NSString\x01\x94\x84\x01+"
        + length
        + encoded
        + b"\x86\x84\x02iI"
    )


@pytest.fixture
def chat_db(tmp_path: Path) -> Path:
    path = tmp_path / "chat.db"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    db.executemany(
        "INSERT INTO handle VALUES (?, ?)", [(1, "+15550100"), (2, "friend@example.org")]
    )
    db.executemany(
        "INSERT INTO chat VALUES (?, ?, ?)", [(1, "+15550100", ""), (2, "friend@example.org", "Jo")]
    )
    rows = [
        (1, "hey", None, 1, T0 * NANO, 0, 0, 0, 0),
        (2, None, archived("hi you " * 30), 0, (T0 + 60) * NANO, 1, 0, 0, 0),
        (3, "\ufffc", None, 1, (T0 + 120) * NANO, 0, 1, 0, 0),
        (4, "Loved “hey”", None, 0, (T0 + 130) * NANO, 1, 0, 2000, 0),
        (5, None, None, 1, (T0 + 140) * NANO, 0, 0, 0, 1),
        (6, "other chat", None, 2, T0 + 10, 0, 0, 0, 0),
    ]
    db.executemany("INSERT INTO message VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany(
        "INSERT INTO chat_message_join VALUES (?, ?)",
        [(1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (2, 6)],
    )
    db.commit()
    db.close()
    return path


def test_it_reads_the_busiest_chat_with_text_from_attributed_bodies(chat_db: Path) -> None:
    chat = load_chat(chat_db, keep_text=True, me="Ana")
    assert chat.format == "imessage"
    assert chat.owner == "Ana"
    rows = chat.messages.select("sender", "kind", "text").rows()
    assert rows == [
        ("+15550100", "text", "hey"),
        ("Ana", "text", "hi you " * 30),
        ("+15550100", "media", "\ufffc"),
    ]


def test_a_chat_is_chosen_by_name(chat_db: Path) -> None:
    chat = load_chat(chat_db, chat_name="Jo")
    assert chat.messages.get_column("sender").to_list() == ["friend@example.org"]
    with pytest.raises(ChatFormatError, match="no chat 'Nobody'"):
        load_chat(chat_db, chat_name="Nobody")


def test_apple_time_reads_nanoseconds_and_old_seconds() -> None:
    assert apple_time(T0 * NANO) == datetime(2023, 11, 6, 21, 46, 40)
    assert apple_time(T0) == datetime(2023, 11, 6, 21, 46, 40)


def test_attributed_body_with_a_long_text() -> None:
    assert text_from_attributed_body(archived("x" * 300)) == "x" * 300
    assert text_from_attributed_body(None) == ""
    assert text_from_attributed_body(b"no string here") == ""


def test_another_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (body TEXT)")
    db.commit()
    db.close()
    with pytest.raises(ChatFormatError, match="not a Messages database"):
        load_chat(path)
