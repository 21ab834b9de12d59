"""Which WhatsApp header lines are messages (text, media, deleted) and which are notices.

docs/metrics.md ("Messages, notices and what is set aside") is the rule; both parsing roads hand
the few lines that need a look here, as a table of the same columns, and get back the same
kinds, set-aside counts and warnings. A line is a notice by its form in its layout and its whole
wording in one of the language tables (whatsapp_matchers):

- without "Name: " after the header, it is a notice (of the kind its wording says, else
  "service");
- its whole text after the header is read as a notice wording before a name is split off (a
  subject holding ": " does not make a participant);
- under a name, a placeholder is a message of its kind (media, deleted), in any language, with
  or without the mark; on iOS a text that starts with U+200E and is wholly a notice wording is a
  notice; a call or "waiting for this message" is a notice under a name on Android without
  the mark (WhatsApp writes them under the caller's or sender's name there); anything else is
  the person's message, with a warning when it reads like a notice.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from anew.chats.formats.whatsapp_keywords import MARK_START, MARKS_PATTERN
from anew.chats.formats.whatsapp_matchers import matchers
from anew.chats.model import NOTICE_KINDS, ChatWarning, Kind, SetAside

READS_LIKE_A_NOTICE = (
    "this line reads like a note WhatsApp writes itself, but it comes under a person's name, "
    "so it counts as their message"
)
UNKNOWN_MARKED = (
    "this line starts with the mark WhatsApp puts before its own notes, but Anew doesn't know "
    "its wording, so it counts as a message"
)
NAME_ONCE = (
    "the name on this line appears nowhere else, and the line reads like a note WhatsApp "
    "writes; it may be the group's name rather than a person's"
)
UNKNOWN_NOTICE = (
    "this line has no name before it, so it was set aside as a note WhatsApp wrote, though "
    "Anew doesn't know its wording"
)
UNPLACED = "this line comes before the first message and belongs to none, so it was set aside"

# Notices WhatsApp writes under a person's name on Android: a call under the caller's, and
# "Waiting for this message" under the sender's of a message that could not be read. (On iOS
# they are written with the mark, as every iOS notice is: 183 missed calls in starkdmi/whats_json's
# real iOS exports, every one behind U+200E.)
UNDER_A_NAME = ("call", "pending")

# The columns both roads hand over: the row of the message (null: a line without a sender),
# the line's number in the file, whether its header is the bracketed (iOS) layout, the whole
# text after the header, and the sender and body it was split into (null without a sender).
RARE_SCHEMA = {
    "row": pl.Int64,
    "line": pl.Int64,
    "ios": pl.Boolean,
    "text": pl.String,
    "sender": pl.String,
    "body": pl.String,
}


@dataclass(frozen=True)
class Kinds:
    """The kind of each looked-at row (null: a notice), what was set aside, and the warnings."""

    rows: pl.Series
    kinds: pl.Series
    notices: dict[str, int]
    warnings: list[ChatWarning]


def _kind_of(text: pl.Expr, patterns: dict[str, str]) -> pl.Expr:
    """The kinds whose patterns match the whole text (a list: empty for none, and more than one
    only where wordings of two kinds both match, which _settle decides)."""
    return pl.concat_list(
        [pl.when(text.str.contains(p)).then(pl.lit(kind)) for kind, p in patterns.items()]
    ).list.drop_nulls()


def _settle(read: pl.DataFrame, column: str, text: str) -> pl.DataFrame:
    """The one kind of each line from its list of matching kinds: the most specific wording's
    where several kinds match (a few lines at most, so in Python)."""
    kinds = pl.col(column)
    several = read.filter(kinds.list.len() > 1)
    read = read.with_columns(kinds.list.first().alias(column))
    if several.height:
        found = matchers()
        chosen = [
            found.most_specific(whole, options)
            for whole, options in several.select(text, column).iter_rows()
        ]
        settled = read.get_column(column).scatter(
            several.get_column("_index"), pl.Series(chosen, dtype=pl.String)
        )
        read = read.with_columns(settled)
    return read


def _clean(text: pl.Expr) -> pl.Expr:
    """The text as wordings are matched against it: without WhatsApp's marks or the spaces
    around it (Arabic exports put two spaces after the name before an attachment)."""
    return text.str.replace_all(MARKS_PATTERN, "").str.strip_chars(" ")


def _marked(body: pl.Expr) -> pl.Expr:
    """Whether the body starts (after any spaces) with U+200E, or U+200F on right-to-left
    phones: the mark iOS puts before its notices and placeholders."""
    return body.str.strip_chars_start(" ").str.contains(MARK_START)


def _readings(rare: pl.DataFrame) -> pl.DataFrame:
    """Each looked-at line's notice kind (null: a message), message kind and warning."""
    found = matchers()
    text, body, sender, ios = pl.col("text"), pl.col("body"), pl.col("sender"), pl.col("ios")
    read = rare.with_row_index("_index").with_columns(
        _kind_of(_clean(text), found.notices).alias("whole"),
        _kind_of(_clean(body), found.notices).alias("said"),
        _kind_of(_clean(body), found.placeholders).alias("placeholder"),
    )
    read = _settle(_settle(_settle(read, "whole", "text"), "said", "body"), "placeholder", "body")
    whole, said, placeholder = pl.col("whole"), pl.col("said"), pl.col("placeholder")
    marked = _marked(body).fill_null(False)
    notice = (
        pl.when(whole.is_not_null())
        .then(whole)
        .when(sender.is_null())
        .then(pl.lit("service"))
        .when(placeholder.is_not_null())
        .then(pl.lit(None, dtype=pl.String))
        .when(said.is_not_null() & ((ios & marked) | (~ios & said.is_in(UNDER_A_NAME))))
        .then(said)
        .otherwise(pl.lit(None, dtype=pl.String))
    )
    return read.with_columns(notice.alias("notice")).with_columns(
        pl.when(pl.col("notice").is_not_null())
        .then(pl.lit(None, dtype=pl.String))
        .otherwise(placeholder.fill_null(Kind.TEXT.value))
        .alias("kind"),
        pl.when(pl.col("notice").is_not_null() & sender.is_null() & whole.is_null())
        .then(pl.lit(UNKNOWN_NOTICE))
        .when(pl.col("notice").is_not_null() | placeholder.is_not_null())
        .then(pl.lit(None, dtype=pl.String))
        .when(said.is_not_null())
        .then(pl.lit(READS_LIKE_A_NOTICE))
        .when(ios & marked)
        .then(pl.lit(UNKNOWN_MARKED))
        .otherwise(pl.lit(None, dtype=pl.String))
        .alias("why"),
    )


def classify(rare: pl.DataFrame, senders: pl.Series) -> Kinds:
    """Read the looked-at lines (RARE_SCHEMA); `senders` is every message row's sender, to tell
    a name that appears once."""
    if rare.is_empty():  # the patterns are not even built
        return Kinds(pl.Series("row", [], pl.Int64), pl.Series("kind", [], pl.String), {}, [])
    read = _readings(rare.cast(RARE_SCHEMA))  # type: ignore[arg-type]
    counted = read.filter(pl.col("notice").is_not_null()).get_column("notice").value_counts()
    by_kind = dict(zip(counted.get_column("notice"), counted.get_column("count"), strict=True))
    notices = {kind: int(by_kind[kind]) for kind in NOTICE_KINDS if kind in by_kind}
    warned = read.filter(pl.col("why").is_not_null())
    warnings = [ChatWarning(line, why) for line, why in warned.select("line", "why").iter_rows()]
    notice_like = warned.filter(pl.col("why") != UNKNOWN_NOTICE)
    if notice_like.height:
        names = senders.filter(senders.is_in(notice_like.get_column("sender").implode()))
        counts = names.value_counts()
        once = counts.filter(pl.col("count") == 1).get_column(names.name)
        alone = notice_like.filter(pl.col("sender").is_in(once.implode()))
        warnings += [ChatWarning(line, NAME_ONCE) for line in alone.get_column("line")]
    rows = read.filter(pl.col("row").is_not_null())
    return Kinds(rows.get_column("row"), rows.get_column("kind"), notices, warnings)


def message_kinds(senders: pl.Series, rare: pl.DataFrame) -> tuple[pl.Series, Kinds]:
    """Each row's kind (null for a notice: settle_kinds drops it): text where it has a sender,
    unless the looked-at lines (`rare`, RARE_SCHEMA) say otherwise."""
    kinds = pl.select(
        pl.when(senders.is_not_null()).then(pl.lit(Kind.TEXT.value)).alias("kind")
    ).to_series()
    found = classify(rare, senders)
    if found.rows.len():
        kinds = kinds.scatter(found.rows, found.kinds)
    return kinds, found


def set_aside(found: Kinds, unplaced: pl.Series) -> tuple[SetAside, tuple[ChatWarning, ...]]:
    """The chat's set-aside counts and its warnings in line order, from the looked-at lines and
    the numbers of the lines before the first message."""
    lines = unplaced.cast(pl.Int64).to_list()
    warnings = [*found.warnings, *(ChatWarning(line, UNPLACED) for line in lines)]
    ordered = tuple(sorted(warnings, key=lambda warning: (warning.line, warning.why)))
    return SetAside(notices=found.notices, unplaced=len(lines)), ordered
