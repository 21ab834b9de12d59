"""The key word of each WhatsApp table wording, read fast for the compiled scanner's thread.

Any text a placeholder or notice wording matches holds the wording's key word, so a line holding
none of them is plain text (whatsapp_matchers has the whole patterns). The scanner needs only
these words, before Polars is loaded and while it loads: they are read from the tables' `text`
lines directly, which takes a fraction of a full TOML parse of every table
(tests/chats/test_whatsapp_kinds.py holds them to the full parse's).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "whatsapp_languages"
MARKS = "\u200e\u200f"  # WhatsApp's invisible marks, taken out of texts and wordings alike
UNMARK = str.maketrans("", "", MARKS)
MARKS_PATTERN = "[\u200e\u200f]"
MARK_START = "^[\u200e\u200f]"  # U+200F where right-to-left iPhones put it
SLOT_SPLIT = re.compile(r"(\{name\}|\{text\}|\{file\}|\{n\})")
ASCII_LOWER = re.compile("[a-z]")
TEXT_LINE = re.compile(r"""^text\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*')\s*(?:#.*)?$""", re.MULTILINE)


def unmarked(text: str) -> str:
    """The text without WhatsApp's invisible marks."""
    return text.translate(UNMARK)


def key_word(text: str) -> str:
    """The word of a wording the fast search looks for: one every match holds, as rare as can
    be told (capitals, signs and letters outside ASCII weigh more), four bytes or longer where
    the wording has one."""
    words = SLOT_SPLIT.sub(" ", unmarked(text)).split()
    if not words:
        raise ValueError(f"the wording {text!r} has no word of its own")
    return max(words, key=_weight)


def _weight(word: str) -> tuple[bool, int, int]:
    """Four bytes or more first, then rarer letters (a lowercase ASCII letter weighs 1, any
    other character 3), then length."""
    lower = len(word) - len(ASCII_LOWER.sub("", word))
    return (len(word.encode()) >= 4, 3 * len(word) - 2 * lower, len(word))


def texts_of(table: str) -> list[str]:
    """The `text` of every entry of one table's TOML, as a TOML reader reads them (basic strings
    with JSON's escapes, or literal strings)."""
    found = []
    lines = "\n".join(line for line in table.splitlines() if line.startswith("text"))
    for quoted in TEXT_LINE.findall(lines):
        if quoted.startswith("'") or "\\" not in quoted:
            found.append(quoted[1:-1])
        else:
            found.append(json.loads(re.sub(r"\\U([0-9A-Fa-f]{8})", _astral, quoted)))
    return found


def _astral(match: re.Match[str]) -> str:
    """TOML's \\UXXXXXXXX as JSON's surrogate pair."""
    encoded = chr(int(match.group(1), 16)).encode("utf-16-be")
    return "".join(f"\\u{encoded[i : i + 2].hex()}" for i in range(0, len(encoded), 2))


@functools.cache
def key_words() -> tuple[str, ...]:
    """The key words of every table's wordings, sorted and without repeats."""
    texts = [text for path in FOLDER.glob("*.toml") for text in texts_of(path.read_text("utf-8"))]
    return tuple(sorted({key_word(text) for text in texts}))
