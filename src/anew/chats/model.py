"""The normalized message table every format is read into."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

import polars as pl

# The keys of `set_aside.notices`, defined apart so that the WhatsApp tables load without Polars.
from anew.chats.notice_kinds import NOTICE_KINDS as NOTICE_KINDS


class Kind(enum.StrEnum):
    """What a message is. System notices are not messages and never reach the table."""

    TEXT = "text"
    MEDIA = "media"
    DELETED = "deleted"


# The longest message whose text is kept: WhatsApp's own limit is 65,536 characters, Messenger's
# 20,000, Telegram's 4,096. A file holding one far longer is not a chat export.
MAX_KEPT_CHARS = 100_000
MAX_LINE_BYTES = 4 * MAX_KEPT_CHARS  # the most UTF-8 can take for that many characters


def first_overlong_line(data: bytes, limit: int = MAX_LINE_BYTES) -> tuple[int, int] | None:
    """(line number, length in bytes) of the first line longer than `limit`, or None.

    Cheap on any file: it asks whether each stretch of limit/2 bytes holds a line break (a
    memchr that stops at the first), and measures a line only where one does not; a line longer
    than the limit always covers such a stretch whole."""
    step = max(limit // 2, 1)
    for start in range(0, len(data), step):
        if data.find(b"\n", start, start + step) != -1:
            continue
        begins = data.rfind(b"\n", 0, start) + 1
        ends = data.find(b"\n", start)
        ends = len(data) if ends == -1 else ends
        if ends - begins > limit:
            return data.count(b"\n", 0, begins) + 1, ends - begins
    return None


MESSAGE_SCHEMA = pl.Schema(
    {
        "timestamp": pl.Datetime("us"),
        "sender": pl.String(),
        "kind": pl.String(),
        "chars": pl.UInt32(),
        "words": pl.UInt32(),
        "text": pl.String(),
    }
)

FORMAT_NAMES = {
    "whatsapp": "WhatsApp",
    "telegram": "Telegram",
    "messenger": "Messenger",
    "instagram": "Instagram",
    "signal": "Signal",
    "sms": "SMS",
    "imessage": "iMessage",
}

# \S+ runs; the same definition for every format, so word counts compare across apps.
WORD_PATTERN = r"\S+"
# Spacing that single-space counting would get wrong: any other white space, two in a row, or
# white space at either end.
IRREGULAR_SPACING = r"[^\S ]|  |^ | $"
# The same, as literals for a single multi-string search: every character WORD_PATTERN takes for
# white space except the plain space (tests/chats/test_model.py checks the list), and two spaces.
OTHER_WHITE_SPACE = (
    "\t\n\x0b\x0c\r\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
IRREGULAR_MARKS = [*OTHER_WHITE_SPACE, "  "]


@dataclass(frozen=True)
class ChatWarning:
    """Something in the file she may want to look at: where (its line) and why, never the
    message's text, so a report of an import without kept text holds no words of hers."""

    line: int
    why: str


@dataclass(frozen=True)
class SetAside:
    """What the file holds besides messages, counted so that nothing vanishes silently:
    notices by kind (NOTICE_KINDS) and lines that belong to no message (`unplaced`)."""

    notices: dict[str, int] = field(default_factory=dict)
    unplaced: int = 0

    def document(self) -> dict[str, object]:
        """As the reports write it: every kind with a count, then the unplaced lines."""
        return {"notices": {k: n for k, n in self.notices.items() if n}, "unplaced": self.unplaced}


@dataclass(frozen=True)
class Chat:
    """One parsed conversation: its format, its messages in time order, and what was set aside."""

    format: str
    messages: pl.DataFrame
    title: str = ""
    owner: str | None = None  # SMS and iMessage know which side is the person who exported
    set_aside: SetAside = field(default_factory=SetAside)
    warnings: tuple[ChatWarning, ...] = ()

    @property
    def participants(self) -> list[str]:
        """Senders in order of their first message."""
        return self.messages.get_column("sender").unique(maintain_order=True).to_list()


def finish(frame: pl.DataFrame | pl.LazyFrame, *, keep_text: bool) -> pl.DataFrame:
    """Order by time (stable, so same-minute messages keep file order) and fit the schema."""
    text = pl.col("text") if keep_text else pl.lit(None, dtype=pl.String())
    # One lazy select: an eager one would first copy every column of a frame whose columns are
    # cut into different pieces (as a parser's often are) into one piece each.
    fitted = (
        frame.lazy()
        .select(
            (text if name == "text" else pl.col(name)).cast(dtype).alias(name)
            for name, dtype in MESSAGE_SCHEMA.items()
        )
        .collect()
    )
    # Exports are nearly always in time order already; checking is far cheaper than sorting.
    if fitted.get_column("timestamp").is_sorted():
        return fitted
    return fitted.sort("timestamp", maintain_order=True)


def measure_text(frame: pl.DataFrame, column: str = "text") -> pl.DataFrame:
    """Add the character and word counts of a text column."""
    measured = (
        frame.lazy()
        .select(
            *counts(pl.col(column)),
            irregular_spacing(pl.col(column)).alias("irregular"),
            pl.col(column).alias("text"),
        )
        .collect(engine="streaming")
    )
    return frame.with_columns(measured.get_column("chars"), settle_words(measured).alias("words"))


def counts(text: pl.Expr) -> list[pl.Expr]:
    """Characters, and a first word count that settle_words corrects where it can be wrong.

    Most messages part their words with single spaces, and for them the words are the spaces plus
    one: counting a literal is about three times faster than matching WORD_PATTERN. Only the others
    (line breaks, tabs, runs of spaces, a space at either end: `irregular_spacing`) need it.
    """
    return [
        text.str.len_chars().fill_null(0).cast(pl.UInt32).alias("chars"),
        pl.when(text.str.len_bytes().fill_null(0) == 0)
        .then(0)
        .otherwise(text.str.count_matches(" ", literal=True) + 1)
        .cast(pl.UInt32)
        .alias("words"),
    ]


def irregular_spacing(text: pl.Expr) -> pl.Expr:
    """IRREGULAR_SPACING found by literal search, which is cheaper than the pattern."""
    return (
        text.str.contains_any(IRREGULAR_MARKS) | text.str.starts_with(" ") | text.str.ends_with(" ")
    ).fill_null(False)


def settle_words(measured: pl.DataFrame) -> pl.Series:
    """The word counts from `counts`, counted with WORD_PATTERN where the spacing is irregular
    (columns words, irregular and text)."""
    irregular = measured.get_column("irregular").arg_true()
    texts = measured.get_column("text").gather(irregular)
    return recount_words(measured.get_column("words"), irregular, texts)


def recount_words(words: pl.Series, rows: pl.Series, texts: pl.Series) -> pl.Series:
    """`words` with the given rows counted again with WORD_PATTERN from their texts (changed in
    place, as Series.scatter changes a series: pass a copy to keep the original)."""
    if not rows.len():
        return words
    return words.scatter(rows, texts.str.count_matches(WORD_PATTERN).cast(pl.UInt32))


def word_counts(text: pl.Series) -> pl.Series:
    """How many WORD_PATTERN runs each text holds (0 for none)."""
    return measure_text(pl.DataFrame({"text": text})).get_column("words")


def from_rows(rows: list[tuple[datetime, str, str, str]], *, keep_text: bool) -> pl.DataFrame:
    """The message table from (timestamp, sender, kind, text) rows, as JSON formats build them."""
    frame = pl.DataFrame(
        rows,
        schema={
            "timestamp": pl.Datetime("us"),
            "sender": pl.String,
            "kind": pl.String,
            "text": pl.String,
        },
        orient="row",
    )
    counted = measure_text(frame)
    media = pl.col("kind") != Kind.TEXT.value
    return finish(
        counted.with_columns(
            pl.when(media).then(0).otherwise(pl.col("chars")).alias("chars"),
            pl.when(media).then(0).otherwise(pl.col("words")).alias("words"),
        ),
        keep_text=keep_text,
    )
