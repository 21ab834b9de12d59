"""The key word of each WhatsApp table wording, read fast for the compiled scanner's thread.

Any text a placeholder or notice wording matches holds the wording's key word, so a line holding
none of them is plain text (whatsapp_matchers has the whole patterns). The scanner needs only
these words, before Polars is loaded and while it loads: they are read from the tables' `text`
lines directly, which takes a fraction of a full TOML parse of every table
(tests/chats/test_whatsapp_kinds.py holds them to the full parse's), and are kept worked out in
key_words.txt with a hash of the tables, so that usually not even that is needed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "whatsapp_languages"
REWRITE = "python -m anew.chats.formats.whatsapp_keywords"
STORED = FOLDER / "key_words.txt"  # the key words worked out, read fast on the scanner's thread
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


def spellings(text: str) -> tuple[str, ...]:
    """The wording as the table spells it and in Unicode's composed form (NFC), if that differs.

    A phone or a keyboard may write the same letter as one code point or as a letter and a mark:
    Hindi's "ड़" as U+095C (as WhatsApp's own table does) or as ड and the nukta U+093C, which is
    the composed form, since Unicode keeps U+095C out of composition. Both are matched."""
    composed = unicodedata.normalize("NFC", text)
    return (text,) if composed == text else (text, composed)


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
    """The key words of every table's wordings, sorted and without repeats: from key_words.txt
    when it was written from these very tables (a hash of them says so), else worked out."""
    tables = {path.name: path.read_text("utf-8") for path in sorted(FOLDER.glob("*.toml"))}
    stored = STORED.read_text("utf-8").splitlines() if STORED.exists() else []
    if stored and stored[0] == _first_line(tables):
        return tuple(stored[1:])
    return _worked_out(tables)


def _worked_out(tables: dict[str, str]) -> tuple[str, ...]:
    texts = [text for table in tables.values() for text in texts_of(table)]
    return tuple(sorted({key_word(spelt) for text in texts for spelt in spellings(text)}))


def _first_line(tables: dict[str, str]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for name, table in tables.items():
        digest.update(name.encode() + b"\0" + table.encode() + b"\0")
    return f"# key words of the tables {digest.hexdigest()}; {REWRITE} rewrites this"


def write_key_words() -> None:
    """Work the key words out and store them with the tables' hash (run after editing a table;
    tests/chats/test_whatsapp_kinds.py says when they are stale)."""
    tables = {path.name: path.read_text("utf-8") for path in sorted(FOLDER.glob("*.toml"))}
    lines = [_first_line(tables), *_worked_out(tables)]
    STORED.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_key_words()
