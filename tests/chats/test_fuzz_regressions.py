"""Every input a fuzzer crashed a parser with (fuzz/, docs/fuzzing.md) is now refused cleanly.

A file here is named `<target>-<what it found>`; the target is the fuzz target that found it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz.targets import TARGETS

from anew.chats.errors import ChatFormatError

FOUND = sorted((Path(__file__).parent / "data" / "fuzz").iterdir())


@pytest.mark.parametrize("path", FOUND, ids=[path.name for path in FOUND])
def test_a_crash_the_fuzzer_found_stays_fixed(path: Path) -> None:
    target = next(
        name for name in sorted(TARGETS, key=len, reverse=True) if path.name.startswith(name)
    )
    TARGETS[target](path.read_bytes())  # raises on anything but a clean refusal or a good parse


@pytest.mark.parametrize(
    ("target", "data", "problem"),
    [
        (
            "telegram",
            b'{"name": "x", "type": "personal_chat", "id": 1, "messages": '
            b'[{"id": 1, "type": "message", "date_unixtime": "99999999999999999", "from": "A", '
            b'"text": "hi"}]}',
            "out of range",
        ),
        (
            "meta",
            b'{"participants": [{"name": "A"}], "messages": [{"sender_name": "A", '
            b'"timestamp_ms": 15792941477186580000, "content": "hi"}]}',
            "out of range",
        ),
        ("sms", b'<?xml version="1.0" encoding="UTz-8"?><smses count="0"></smses>', "encoding"),
    ],
)
def test_the_refusal_says_what_is_wrong(target: str, data: bytes, problem: str) -> None:
    from anew.chats.loading import parse_text
    from anew.chats.reading import Source

    with pytest.raises(ChatFormatError, match=problem):
        parse_text(Source("export", data))
