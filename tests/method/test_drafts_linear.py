"""A draft of any shape checks in time proportional to its length, proved by counting the work.

No clock here: every search, VADER and the learned models read the draft through
`anew.method.drafts.reading.Reading`, which counts the characters it hands out and the longest
piece. Bounded pieces mean a search that backtracks costs a fixed amount per character at most;
a count that grows faster than the draft, or a piece over WINDOW, fails here.
"""

from __future__ import annotations

import ast
from itertools import cycle, islice, pairwise
from pathlib import Path

import pytest

from anew.method.drafts import rules
from anew.method.drafts.reading import WINDOW, Reading, sentences_of

RULES = Path(rules.__file__)
# Characters handed out per character of the draft: one pass per cue list and model, with room.
PASSES = 80

# Shapes that made the old checker backtrack or rescan: one word repeated without a full stop,
# one giant word, runs of spaces, punctuation or emoji, apostrophes between letters, capitals,
# questions without marks, and mixtures of them.
UNITS = [
    "sorry ",
    "i miss you ",
    "a",
    " ",
    ".",
    "!",
    "how are you ",
    "i'",
    "AAAA ",
    "\U0001f600",
    "you are so ",
    "sorry, ",
    "thinking of you ",
    "I'm so sorry, I miss you. How are you? ",
    "sorry\n",
    "i feel ",
    "don't ",
    "x" * 397 + " ",
]


def _shape(units: list[str], length: int) -> str:
    """The units in turn until `length` characters: deterministic, any mixture."""
    return "".join(islice(cycle("".join(units)), length))


SHAPES = [[unit] for unit in UNITS] + [
    [UNITS[i], UNITS[(i * 7 + 3) % len(UNITS)]] for i in (0, 5, 9)
]


def _work(text: str, monkeypatch: pytest.MonkeyPatch) -> Reading:
    readings: list[Reading] = []

    class Counted(Reading):
        def __init__(self, draft: str) -> None:
            super().__init__(draft)
            readings.append(self)

    monkeypatch.setattr(rules, "Reading", Counted)
    rules.check_draft(text)
    assert len(readings) == 1
    return readings[0]


@pytest.mark.parametrize("units", SHAPES, ids=lambda units: repr("".join(units))[:24])
def test_the_work_grows_no_faster_than_the_draft(
    units: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    small = _work(_shape(units, 2_000), monkeypatch)
    large = _work(_shape(units, 8_000), monkeypatch)
    for reading in (small, large):
        assert reading.longest <= WINDOW
        assert reading.scanned <= PASSES * len(reading.text) + PASSES * WINDOW
    # Four times the draft, at most about four times the work (repeated pieces are read once).
    assert large.scanned <= 4 * small.scanned + PASSES * WINDOW


def test_the_crafted_draft_of_the_issue_is_read_in_bounded_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "sorry " * 3300 + "died"
    reading = _work(text, monkeypatch)
    assert reading.longest <= WINDOW
    assert reading.scanned <= 10 * len(text)  # its pieces repeat: each is searched once
    flag = next(f for f in rules.check_draft(text).flags if f.code == "apology")
    # Still every apology, each located, but for the last piece's: beside "died" they read as
    # sympathy.
    assert 3200 < len(flag.spans) < 3300


def test_sentences_cover_the_draft_in_order_none_too_long() -> None:
    text = "Fine. " + "word " * 300 + "\nand " + "y" * 900 + "? ok"
    pieces = sentences_of(text)
    assert all(0 < len(piece.text) <= WINDOW for piece in pieces)
    assert all(a.end <= b.start for a, b in pairwise(pieces))
    assert "".join(piece.text for piece in pieces).replace(" ", "") == text.replace(" ", "")
    assert all(text[piece.start : piece.end] == piece.text for piece in pieces)


def test_only_a_plain_word_count_reads_the_whole_draft_at_once() -> None:
    """Every other search in the rules is handed a bounded piece: a whole-text search added
    later, which could backtrack over 20,000 characters, fails here."""
    searches = {"search", "finditer", "findall", "match", "fullmatch", "sub", "split"}
    whole = set()
    for node in ast.walk(ast.parse(RULES.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in searches
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id.lstrip("_").isupper()
        ):
            argument = node.args[0] if node.args else None
            if isinstance(argument, ast.Name) and argument.id in {"text", "his_last"}:
                whole.add(node.func.value.id)
    assert whole == {"WORD"}  # \S+ : one character class, matched once per character
