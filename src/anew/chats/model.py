"""The normalized message table every format is read into."""

from __future__ import annotations

import enum
from dataclasses import dataclass

import polars as pl


class Kind(enum.StrEnum):
    """What a message is. System notices are not messages and never reach the table."""

    TEXT = "text"
    MEDIA = "media"
    DELETED = "deleted"


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

# \S+ runs; the same definition for every format, so word counts compare across apps.
WORD_PATTERN = r"\S+"


@dataclass(frozen=True)
class Chat:
    """One parsed conversation: its format, and its messages in time order."""

    format: str
    messages: pl.DataFrame
    title: str = ""

    @property
    def participants(self) -> list[str]:
        """Senders in order of their first message."""
        return self.messages.get_column("sender").unique(maintain_order=True).to_list()


def finish(frame: pl.DataFrame, *, keep_text: bool) -> pl.DataFrame:
    """Order by time (stable, so same-minute messages keep file order) and fit the schema."""
    columns = frame
    if not keep_text:
        columns = columns.with_columns(pl.lit(None, dtype=pl.String()).alias("text"))
    return columns.select(pl.col(name).cast(dtype) for name, dtype in MESSAGE_SCHEMA.items()).sort(
        "timestamp", maintain_order=True
    )


def measure_text(text: pl.Expr) -> list[pl.Expr]:
    """Character and word counts of a text column."""
    return [
        text.str.len_chars().fill_null(0).alias("chars"),
        text.str.count_matches(WORD_PATTERN).fill_null(0).alias("words"),
    ]
