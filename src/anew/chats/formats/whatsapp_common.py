"""What WhatsApp's text exports look like, and what both of its parsing roads read with.

The header patterns, the settling of message kinds (whatsapp_kinds tells them), and the reading
of the few thousand distinct dates and times of a chat: the general road (whatsapp) and the
compiled scanner's road (whatsapp_scanned) both build on these, so that they read the same
messages, and neither imports the other. Signal's
exports (signal-export) are written in one of these layouts; what tells them apart is here too,
so that the WhatsApp and Signal formats agree on which file is whose.
"""

from __future__ import annotations

import re
from typing import Literal

import polars as pl

from anew.chats.errors import AmbiguousDates, ChatFormatError
from anew.chats.formats import whatsapp_header
from anew.chats.formats.chat_file import DatePreference
from anew.chats.formats.date_examples import date_examples
from anew.chats.formats.whatsapp_scan import LRM
from anew.chats.model import Kind

DateOrder = Literal["dmy", "mdy", "ymd", "ydm"]

FIRST_YEAR = 2009  # WhatsApp did not exist before; an earlier reading of a date is the wrong one
LAST_YEAR = 2100  # nor is a later one a date WhatsApp wrote (a Buddhist-calendar year, 2565)
SPACE = whatsapp_header.SPACE
DATE_PART = whatsapp_header.DATE_PART

ORDERS: dict[DateOrder, tuple[str, str, str]] = {
    # which captured field holds (year, month, day)
    "dmy": ("c", "b", "a"),
    "mdy": ("c", "a", "b"),
    "ymd": ("a", "b", "c"),
    "ydm": ("a", "c", "b"),
}


def first_lines(text: str, count: int) -> list[str]:
    """The first `count` lines that are not blank, however many blank ones come before."""
    start = re.search(r"\S", text)
    opening = text[start.start() : start.start() + 20_000] if start else ""
    return [line for line in opening.splitlines() if line.strip()][:count]


def header() -> str:
    """The pattern of a message header, with the words of every language table."""
    return whatsapp_header.header(whatsapp_header.words())


def old_header() -> str:
    """The pattern of a header of 2012-2013 ("09/12/2012 17:03:48: Ana: hi")."""
    return whatsapp_header.old_header(whatsapp_header.words())


def looks_like_whatsapp(text: str) -> bool:
    """True when one of the first non-empty lines is a WhatsApp message header, of today or of
    2012-2013."""
    head = first_lines(text, 5)
    if not head:
        return False
    lines = pl.Series(head)
    return bool((lines.str.contains(header()) | lines.str.contains(old_header())).any())


def modernized(lines: pl.Series) -> pl.Series:
    """The lines of an export of 2012-2013 ("09/12/2012 17:03:48: Ana: hi") with each header
    written as today's ("09/12/2012 17:03:48 - Ana: hi"); other exports' lines as they are.

    The layout is told by the first line that is a header of either kind: a header of today is
    never one of 2012's, nor the other way round. The scanner takes no such file on (it finds
    no header of today in it)."""
    old = old_header()
    for found in (lines.head(64), lines):  # the first lines tell, but for a rare file
        kinds = (
            found.str.contains(header()).cast(pl.Int8) + found.str.contains(old).cast(pl.Int8) * 2
        )
        first = kinds.filter(kinds > 0).head(1)
        if not first.is_empty():
            return lines.str.replace(old, "${head} - ") if first[0] == 2 else lines
    return lines


# signal-export writes "[2019-12-24, 12:23] Name: text" (before 2022) and "[2024-03-01
# 12:00:05] Name: text" (sigexport/models.py, Message.to_md, github:carderne/signal-export@
# 1143c229564cd26ab078fa4a2f29c0e996109237): a four-digit year first, brackets.
SIGNAL_HEADER = (
    r"^\[[0-9]{4}-[0-9]{2}-[0-9]{2}(?:, [0-9]{2}:[0-9]{2}| [0-9]{2}:[0-9]{2}:[0-9]{2})\] "
)


def looks_like_signal(text: str) -> bool:
    """True when every message header among the first lines is written as signal-export writes
    them (layouts WhatsApp uses, too) and none holds the mark iOS's WhatsApp writes before its
    attachments and notices (U+200E, or U+200F on right-to-left phones), which Signal never
    writes."""
    head = pl.Series(first_lines(text, 20), dtype=pl.String)
    headers = head.filter(head.str.contains(header()))
    return (
        not headers.is_empty()
        and bool(headers.str.contains(SIGNAL_HEADER).all())
        and not bool(head.str.contains_any([LRM, "\u200f"]).any())
    )


def _fields(order: DateOrder) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """Year (two-digit years are 20xx), month and day as integers, read in the given order."""
    year_field, month_field, day_field = ORDERS[order]
    year = pl.col(year_field).cast(pl.Int32)
    year = pl.when(year < 100).then(year + 2000).otherwise(year)
    return year, pl.col(month_field).cast(pl.Int32), pl.col(day_field).cast(pl.Int32)


def _is_real_date(order: DateOrder) -> pl.Expr:
    year, month, day = _fields(order)
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days_in_month = (
        pl.when(month == 2)
        .then(pl.when(leap).then(29).otherwise(28))
        .when(month.is_in([4, 6, 9, 11]))
        .then(30)
        .otherwise(31)
    )
    return (
        year.is_between(FIRST_YEAR, LAST_YEAR)
        & month.is_between(1, 12)
        & day.is_between(1, days_in_month)
    )


def as_date(order: DateOrder) -> pl.Expr:
    """The date of a date_table row, read in the given order."""
    year, month, day = _fields(order)
    return pl.date(year, month, day)


def _plausible_orders(headers: pl.DataFrame) -> dict[DateOrder, int]:
    """Orders that give a real date on every line, with how often each goes back in time.

    Works on the distinct dates in order of first appearance: a few thousand rows, not millions.
    """
    dates = headers.select("a", "b", "c").unique(maintain_order=True)
    widths = dates.select(
        a=pl.col("a").str.len_chars().max() > 2, c=pl.col("c").str.len_chars().max() > 2
    ).row(0, named=True)
    result: dict[DateOrder, int] = {}
    for order, (year_field, _month, _day) in ORDERS.items():
        if any(widths[field] for field in ("a", "c") if field != year_field):
            continue  # a four-digit field can only be the year
        if not dates.select(_is_real_date(order).all()).item():
            continue
        year, month, day = _fields(order)
        key = dates.select((year * 10_000 + month * 100 + day).alias("k")).get_column("k")
        result[order] = int((key.diff().fill_null(0) < 0).sum())
    return result


def resolve_date_order(headers: pl.DataFrame, source: str, prefer: DatePreference) -> DateOrder:
    """Pick the date order: the only valid one, else the one that keeps the chat in time order.

    When several remain, a year written last is the usual layout, so year-first readings give way;
    day-first against month-first is settled by a field above 12, by `prefer`, or not at all.
    """
    plausible = _plausible_orders(headers)
    if not plausible:
        raise ChatFormatError(source, "the dates here are not valid in any day/month/year order")
    fewest = min(plausible.values())
    best = [order for order, backwards in plausible.items() if backwards == fewest]
    if len(best) > 1 and not _same_dates(headers, best):
        best = [order for order in best if order in ("dmy", "mdy")] or best
    if "ymd" in best:  # a year written first is followed by the month (2024-03-01 is 1 March)
        best = [order for order in best if order != "ydm"]
    if len(best) == 1 or _same_dates(headers, best):
        return best[0]
    if prefer is not None:
        wanted = [o for o in best if (o.index("d") < o.index("m")) == (prefer == "dayfirst")]
        if wanted:
            return wanted[0]
    raise AmbiguousDates(
        source,
        "the dates could be day-first or month-first and nothing in the file settles it; "
        "say which with --dayfirst or --monthfirst",
        examples=date_examples(headers, {order: ORDERS[order] for order in best}),
    )


def _same_dates(headers: pl.DataFrame, orders: list[DateOrder]) -> bool:
    dates = headers.select("a", "b", "c").unique()
    first = dates.select(as_date(orders[0])).to_series()
    return all(dates.select(as_date(o)).to_series().equals(first) for o in orders[1:])


def _ascii_digits(*fields: str) -> list[pl.Expr]:
    """The fields with Arabic-Indic and Persian digits written as ASCII ones."""
    eastern = list(whatsapp_header.EASTERN_DIGITS)
    ascii_digits = [str(number % 10) for number in range(len(eastern))]
    return [pl.col(field).str.replace_many(eastern, ascii_digits) for field in fields]


def date_table(dates: pl.Series) -> pl.DataFrame:
    """The distinct dates as written, in order of first appearance, with their three fields (a,
    b, c) for resolve_date_order and as_date. The dates may come already distinct (the scan's) or
    as the first line of each run of one date (the general road's): far fewer rows than lines."""
    return (
        pl.DataFrame({"date": dates.unique(maintain_order=True)})
        .with_columns(
            pl.col("date").cast(pl.String).str.extract_groups(f"^{DATE_PART}$").alias("fields")
        )
        .unnest("fields")
        .with_columns(_ascii_digits("a", "b", "c"))
    )


def _day_period(words: whatsapp_header.HeaderWords) -> pl.Expr:
    """The AM/PM word of a time (before or after it) as "a" or "p", from the tables' spellings
    or the built-in ones' first letter; null for a 24-hour time."""
    written = pl.coalesce("early", "ampm").str.replace_all(SPACE, " ")
    return (
        pl.when(written.is_in(list(words.pm)))
        .then(pl.lit("p"))
        .when(written.is_in(list(words.am)))
        .then(pl.lit("a"))
        .otherwise(written.str.to_lowercase().str.slice(0, 1))
    )


def time_offsets(times: pl.Series) -> pl.DataFrame:
    """Each time as written (in the order given) and the time of day it means."""
    words = whatsapp_header.words()
    hour = pl.col("hour").cast(pl.Int32)
    ampm = _day_period(words)
    day_hour = (
        pl.when(ampm == "p").then(hour % 12 + 12).when(ampm == "a").then(hour % 12).otherwise(hour)
    )
    offset = pl.duration(
        hours=day_hour,
        minutes=pl.col("minute").cast(pl.Int32),
        seconds=pl.col("second").cast(pl.Int32).fill_null(0),
        time_unit="us",
    )
    return (
        pl.DataFrame({"time": times})
        .with_columns(
            pl.col("time")
            .cast(pl.String)
            .str.extract_groups(f"^{whatsapp_header.time_part(words)}{SPACE}*$")
            .alias("fields")
        )
        .unnest("fields")
        .with_columns(_ascii_digits("hour", "minute", "second"))
        .select("time", pl.when(hour <= 23).then(offset).alias("offset"))
    )


def settle_kinds(messages: pl.DataFrame, kinds: pl.Series, *, suspects: bool) -> pl.LazyFrame:
    """Media and deleted messages count no characters or words, and notices are dropped.

    `suspects` is False when no body could be media or a notice: every message is text then."""
    settled = messages.lazy()
    is_text = pl.col("kind") == Kind.TEXT.value
    if suspects:
        settled = settled.with_columns(
            pl.when(is_text).then(pl.col("chars")).otherwise(0).alias("chars"),
            pl.when(is_text).then(pl.col("words")).otherwise(0).alias("words"),
        )
    if kinds.null_count():  # system notices, which are not messages
        settled = settled.filter(pl.col("kind").is_not_null())
    return settled
