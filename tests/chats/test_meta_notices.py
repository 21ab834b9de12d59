"""Messenger's and Instagram's reaction and call entries are notices, set aside and counted.

The wordings are the ones Meta's JSON exports write, as public projects' test data shows them
(found with a code search over public repositories' files, December 2026):
- "Liked a message" (Instagram; in several Meta-export readers' tests, e.g. one with
  "sender_name": "Kunal Singh" and "You sent an attachment.");
- "Reacted 😡 to your message " with its trailing space, "You started an audio call",
  "Audio call ended" with "call_duration": 0, "userB started an audio call" (a Meta-export
  parser's vitest file, parse-meta.test.ts);
- "The video chat ended.", "You called {name}.", "{name} called you." as "type": "Generic"
  (a Messenger statistics script), "{name} missed your video chat.",
  "You missed a video chat with {name}." (a Processing sketch over message_1.json),
  "missed your call" (a Messenger cleaning script's list of phrases).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anew.chats.formats.meta import parse
from anew.chats.formats.meta_notices import NoticeReader
from anew.chats.loading import load_chat
from anew.chats.report import analyze

NAMES = ("Ana Lima", "Sam")


def _thread(*entries: dict[str, object]) -> dict[str, object]:
    messages = [
        {
            "sender_name": entry["from"],
            "timestamp_ms": 1_700_000_000_000 + i * 60_000,
            **{key: value for key, value in entry.items() if key != "from"},
        }
        for i, entry in enumerate(entries)
    ]
    return {
        "participants": [{"name": name} for name in NAMES],
        "messages": list(reversed(messages)),  # Meta writes newest first
        "title": "Sam",
    }


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("Liked a message", "reaction"),
        ("liked a message", "reaction"),
        ("Reacted 😡 to your message ", "reaction"),
        ("Reacted ❤ to your message", "reaction"),
        ("Sam reacted 👍 to your message", "reaction"),
        ("You started an audio call", "call"),
        ("Sam started a video chat", "call"),
        ("The video chat ended.", "call"),
        ("You called Sam.", "call"),
        ("Ana Lima called you.", "call"),
        ("Sam missed your call.", "call"),
        ("Sam missed your video chat.", "call"),
        ("You missed a video chat with Sam.", "call"),
        ("You missed a call from Ana Lima", "call"),
    ],
)
def test_meta_wordings_are_notices(content: str, kind: str) -> None:
    assert NoticeReader(NAMES).kind({"content": content}, content) == kind


@pytest.mark.parametrize(
    "content",
    [
        "You called me stupid.",  # not one of the thread's names
        "Bob missed your call.",
        "I liked a message you sent",
        "Sam reacted badly to your message",  # far more than an emoji
        "she said: The video chat ended.",
        "",
    ],
)
def test_a_person_typing_something_like_a_notice_keeps_her_message(content: str) -> None:
    assert NoticeReader(NAMES).kind({"content": content}, content) is None


def test_structure_marks_a_call_or_a_member_change() -> None:
    reader = NoticeReader(NAMES)
    assert reader.kind({"call_duration": 42, "content": ""}, "") == "call"
    assert reader.kind({"type": "Call"}, "Anything at all") == "call"
    assert reader.kind({"type": "Subscribe"}, "Sam added Bo to the group.") == "members"
    assert reader.kind({"type": "Generic"}, "hello") is None


def test_reactions_and_calls_are_set_aside_and_counted() -> None:
    chat = parse(
        [
            _thread(
                {"from": "Ana Lima", "content": "coffee tomorrow?"},
                {"from": "Sam", "content": "Liked a message"},
                {"from": "Sam", "content": "Reacted ❤ to your message"},
                {"from": "Sam", "content": "yes! 11?"},
                {"from": "Ana Lima", "content": "You started an audio call"},
                {"from": "Ana Lima", "content": "Audio call ended", "call_duration": 184},
                {"from": "Sam", "content": "Sam missed your call."},
                {"from": "Ana Lima", "content": "You called Sam."},
            )
        ],
        source="message_1.json",
        keep_text=True,
    )
    assert chat.messages.select("sender", "text").rows() == [
        ("Ana Lima", "coffee tomorrow?"),
        ("Sam", "yes! 11?"),
    ]
    assert chat.set_aside.notices == {"reaction": 2, "call": 4}
    report = analyze(chat)
    assert report["set_aside"] == {"notices": {"reaction": 2, "call": 4}, "unplaced": 0}
    assert report["messages"] == {"Ana Lima": 1, "Sam": 1}


def test_mojibake_names_in_a_notice_are_repaired_first(tmp_path: Path) -> None:
    """Meta writes "Zoë" as UTF-8 bytes read as latin-1, in names and content alike."""
    broken = "Zo\u00c3\u00ab"
    document = {
        "participants": [{"name": broken}, {"name": "Sam"}],
        "messages": [
            {"sender_name": broken, "timestamp_ms": 2_000_000, "content": f"{broken} called you."},
            {"sender_name": "Sam", "timestamp_ms": 1_000_000, "content": "hi"},
        ],
    }
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps(document))
    chat = load_chat(path)
    assert chat.participants == ["Sam"]
    assert chat.set_aside.notices == {"call": 1}


def test_the_chat_miner_instagram_export_sets_nothing_aside() -> None:
    from tests.chats.fixtures import CHAT_MINER

    chat = load_chat(CHAT_MINER / "instagram" / "test_export.json")
    assert chat.messages.height == 2
    assert chat.set_aside.notices == {}


def test_every_wording_holds_one_of_the_clues_the_reader_looks_for_first() -> None:
    from anew.chats.formats.meta_notices import CLUES, WORDINGS

    for wordings in WORDINGS.values():
        for wording in wordings:
            assert any(clue in wording.lower() for clue in CLUES), wording
