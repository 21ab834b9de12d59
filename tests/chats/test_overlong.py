"""A message far longer than any phone writes is refused before its text is kept: such a file is
not a chat export, and splitting and joining it would take many times its size in memory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anew.chats.errors import ChatFormatError
from anew.chats.loading import load_chat
from anew.chats.model import MAX_KEPT_CHARS, MAX_LINE_BYTES, Chat, first_overlong_line
from anew.chats.service import refuse_overlong

HEAD = "13/03/24, 09:00 - Ana: "


@pytest.mark.parametrize("where", [0, 1, 7])
@pytest.mark.parametrize("extra", [1, 1000, MAX_LINE_BYTES])
def test_the_first_overlong_line_is_found_wherever_it_lies(where: int, extra: int) -> None:
    lines = [f"line {n}".encode() for n in range(10)]
    lines[where] = b"x" * (MAX_LINE_BYTES + extra)
    found = first_overlong_line(b"\n".join(lines))
    assert found == (where + 1, MAX_LINE_BYTES + extra)


def test_lines_up_to_the_limit_pass() -> None:
    lines = [b"y" * MAX_LINE_BYTES for _ in range(5)]
    assert first_overlong_line(b"\n".join(lines)) is None
    assert first_overlong_line(b"") is None
    assert first_overlong_line(b"x" * MAX_LINE_BYTES) is None
    assert first_overlong_line(b"x" * (MAX_LINE_BYTES + 1)) == (1, MAX_LINE_BYTES + 1)


def test_a_whatsapp_line_too_long_to_keep_is_refused_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(f"{HEAD}hi\n{HEAD}" + "a" * (MAX_LINE_BYTES + 5) + "\n", encoding="utf-8")
    with pytest.raises(ChatFormatError) as refused:
        load_chat(path, keep_text=True)
    assert refused.value.line == 2
    assert "Untick 'keep the text'" in str(refused.value)
    measured = load_chat(path)  # without its text, the file is measured as ever
    assert measured.messages.get_column("chars").to_list() == [2, MAX_LINE_BYTES + 5]


def test_a_json_message_too_long_to_keep_is_refused_by_who_and_when(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    messages = [
        {"id": 1, "type": "message", "date": "2024-03-13T09:00:00", "from": "Ana", "text": "hi"},
        {
            "id": 2,
            "type": "message",
            "date": "2024-03-13T09:05:00",
            "from": "Sam",
            "text": "b" * (MAX_KEPT_CHARS + 1),
        },
    ]
    path.write_text(json.dumps({"name": "Sam", "type": "personal_chat", "messages": messages}))
    chat = load_chat(path, keep_text=True)
    with pytest.raises(ChatFormatError) as refused:
        refuse_overlong(chat, "result.json")
    assert refused.value.at == "message 2"
    assert "from Sam on 2024-03-13 at 09:05" in str(refused.value)
    refuse_overlong(Chat(format="telegram", messages=chat.messages.head(1)), "result.json")
