"""A draft read once into bounded pieces, so that checking it costs time in proportion to its
length.

Every regular expression, VADER and the learned models are run on pieces of at most `WINDOW`
characters: sentences (a run-on sentence is cut at a space), and windows of whole sentences packed
up to `WINDOW`. However a search backtracks inside a piece, it then costs at most a fixed amount
per character of the draft: 20,000 characters of "sorry sorry ..." check as fast, per character, as
a short message. Every search goes through `Reading`, which counts the characters it hands out
(`scanned`), so a test can hold that count to a multiple of the draft's length. A piece repeated
word for word (a crafted draft, a pasted line) is searched once and its answer reused.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

WINDOW = 400  # characters: longer than nearly every sentence anyone sends, short enough to bound
# A full stop between digits ("5.30", "£12.50") ends no sentence.
_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))+(?:[.!?]+|\n|$)")


@dataclass(frozen=True)
class Piece:
    """Some of the draft's characters: `text` starts at `start` in the draft."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _cut(start: int, text: str) -> Iterator[Piece]:
    """A sentence in pieces of at most WINDOW characters, cut at a space where there is one in the
    second half of the piece, leading spaces left out."""
    while text:
        stripped = text.lstrip()
        start, text = start + len(text) - len(stripped), stripped
        if len(text) <= WINDOW:
            if text:
                yield Piece(start, text)
            return
        cut = text.rfind(" ", WINDOW // 2, WINDOW)
        cut = cut if cut > 0 else WINDOW
        yield Piece(start, text[:cut])
        start, text = start + cut, text[cut:]


def sentences_of(text: str) -> list[Piece]:
    """The draft's sentences, each ending at its punctuation or line break, none over WINDOW."""
    return [
        piece
        for match in _SENTENCE.finditer(text)
        if match.group().strip()
        for piece in _cut(match.start(), match.group())
    ]


def _packed(text: str, sentences: list[Piece]) -> list[Piece]:
    """Whole sentences side by side, as many as fit in WINDOW characters: a short draft is one
    window, read as one text, so a phrase that runs across a full stop is still found."""
    windows: list[Piece] = []
    first = last = None
    for sentence in sentences:
        if first is not None and last is not None and sentence.end - first.start > WINDOW:
            windows.append(Piece(first.start, text[first.start : last.end]))
            first = None
        if first is None:
            first = sentence
        last = sentence
    if first is not None and last is not None:
        windows.append(Piece(first.start, text[first.start : last.end]))
    return windows


class Reading:
    """One draft, its sentences and windows, and the count of characters handed to searches."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = sentences_of(text)
        self.windows = _packed(text, self.sentences)
        self._starts = [sentence.start for sentence in self.sentences]
        self.scanned = 0
        self.longest = 0  # the longest text handed to a search: never over WINDOW
        self._answers: dict[tuple[object, str], object] = {}

    def hand(self, text: str) -> str:
        """A piece's text, counted, for a search or a model that reads it."""
        self.scanned += len(text)
        self.longest = max(self.longest, len(text))
        return text

    def answer(self, asked: object, text: str, work: Callable[[str], T]) -> T:
        """`work` done on a piece's text (counted), or its answer for the same text before."""
        key = (asked, text)
        if key not in self._answers:
            self._answers[key] = work(self.hand(text))
        return self._answers[key]  # type: ignore[return-value]

    def matches(self, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
        """Every match of `pattern` in the draft, window by window, as [start, end) of the draft."""
        for window in self.windows:
            found = self.answer(
                pattern, window.text, lambda text: [m.span() for m in pattern.finditer(text)]
            )
            for start, end in found:
                yield window.start + start, window.start + end

    def first(self, pattern: re.Pattern[str]) -> tuple[int, int] | None:
        return next(self.matches(pattern), None)

    def has(self, pattern: re.Pattern[str], piece: Piece) -> bool:
        return self.answer((pattern, "has"), piece.text, lambda t: pattern.search(t) is not None)

    def count(self, pattern: re.Pattern[str], piece: Piece) -> int:
        return self.answer((pattern, "count"), piece.text, lambda t: len(pattern.findall(t)))

    def sentence_index(self, position: int) -> int:
        """The index of the sentence that holds the character at `position` (or comes before it)."""
        return max(bisect_right(self._starts, position) - 1, 0)
