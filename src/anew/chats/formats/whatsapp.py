"""WhatsApp .txt exports from Android and iOS, in every date and time layout, parsed with Polars.

Each line is matched once against a header pattern; lines without a header continue the message
above them. The date order (day, month or year first) is decided per file from the data itself.
"""

from __future__ import annotations

from typing import Literal

import polars as pl

from anew.chats.errors import AmbiguousDates, ChatFormatError
from anew.chats.model import Chat, Kind, finish, measure_text

DateOrder = Literal["dmy", "mdy", "ymd", "ydm"]
DatePreference = Literal["dayfirst", "monthfirst"] | None

LRM = "\u200e"
FIRST_YEAR = 2009  # WhatsApp did not exist before; an earlier reading of a date is the wrong one
SPACE = r"[ \x{a0}\x{202f}]"  # new versions put a narrow no-break space before AM/PM
HEADER = (
    r"^(?<head>[\x{200e}\x{200f}]?\[?"
    r"(?<a>[0-9]{1,4})[./-]{1,2}(?<b>[0-9]{1,2})[./-]{1,2}(?<c>[0-9]{1,4}),?"
    + SPACE
    + r"(?<hour>[0-9]{1,2})[:.](?<minute>[0-9]{2})(?:[:.](?<second>[0-9]{2}))?"
    r"(?:" + SPACE + r"?(?<ampm>[AaPp]\.?" + SPACE + r"?[Mm]\.?))?"
    r"(?:\] | - ))"
)

MEDIA = (
    r"^(?:<Media omitted>|<attached: [^>]*>|(?:image|video|audio|sticker|GIF|document|Contact card)"
    r" omitted|.* \(file attached\)|<Multimedia omitido>|<Medien ausgeschlossen>|<Médias omis>)$"
)
DELETED = r"^(?:This message was deleted\.?|You deleted this message\.?)$"
# Notices that WhatsApp sometimes writes with a name in front (the group's or a person's).
SYSTEM = (
    r"^(?:Messages and calls are end-to-end encrypted|Messages to this group are now secured"
    r"|Messages you send to this (?:group|chat) are now secured|Missed (?:voice|video|group) call"
    r"|Your security code with|.* changed the (?:subject|group description|group's icon)"
    r"|.* (?:added|removed) |.* created group|.* left$|You joined|.* joined using"
    r"|.* changed their phone number|.* turned (?:on|off) disappearing messages"
    r"|This chat is with a business account|.* is a contact\.?$|Waiting for this message)"
)

ORDERS: dict[DateOrder, tuple[str, str, str]] = {
    # which captured field holds (year, month, day)
    "dmy": ("c", "b", "a"),
    "mdy": ("c", "a", "b"),
    "ymd": ("a", "b", "c"),
    "ydm": ("a", "c", "b"),
}


def looks_like_whatsapp(text: str) -> bool:
    """True when one of the first non-empty lines is a WhatsApp message header."""
    head = [line for line in text[:20_000].splitlines() if line.strip()][:5]
    if not head:
        return False
    found = pl.Series(head).str.contains(HEADER)
    return bool(found.any())


def _split(text: str) -> pl.Series:
    """The file's lines. Polars' CSV reader splits them on every core without making a Python
    string of each; a NUL byte (which it would take for a column break) takes the slow road."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    if "\x00" not in normalized:
        try:
            frame = pl.read_csv(
                normalized.encode("utf-8"),
                has_header=False,
                separator="\x00",
                quote_char=None,
                new_columns=["line"],
                infer_schema=False,
            )
        except (pl.exceptions.PolarsError, UnicodeEncodeError):
            pass  # the line-by-line split below reads anything
        else:
            # Empty lines come back as nulls, and a final line break adds no empty last line.
            # One chunk, not one per reader thread: the later steps then need less memory.
            return frame.to_series().fill_null("").rechunk()
    return pl.Series("line", normalized.split("\n"))


def _lines(text: str) -> pl.DataFrame:
    frame = pl.LazyFrame({"line": _split(text)}).with_row_index("line_no", offset=1)
    headers = pl.col("line").str.extract_groups(HEADER).alias("h")
    # The lazy engine spreads these string operations over every core; eager mode uses one.
    return (
        frame.with_columns(headers)
        .unnest("h")
        .with_columns(
            pl.col("line").str.slice(pl.col("head").str.len_chars()).alias("rest"),
            message=pl.col("a").is_not_null().cum_sum(),
        )
        # A header line's text now lives in "rest"; keep "line" only for continuation lines.
        .with_columns(pl.when(pl.col("a").is_null()).then(pl.col("line")).alias("line"))
        .drop("head")
        .collect()
    )


def _check_leading_lines(frame: pl.DataFrame, source: str) -> None:
    is_header = frame.get_column("a").is_not_null()
    if not is_header.any():
        raise ChatFormatError(source, "no line here looks like a WhatsApp message", line=1)
    first = int(is_header.arg_max() or 0)
    if first == 0:
        return
    leading = frame.head(first).get_column("line").str.strip_chars()
    stray = int((leading != "").arg_max() or 0)
    if leading[stray] != "":
        raise ChatFormatError(
            source,
            "this line does not start with a date and time, so it can't be placed",
            line=int(frame.get_column("line_no")[stray]),
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
    return (year >= FIRST_YEAR) & month.is_between(1, 12) & day.is_between(1, days_in_month)


def _as_date(order: DateOrder) -> pl.Expr:
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
    )


def _same_dates(headers: pl.DataFrame, orders: list[DateOrder]) -> bool:
    dates = headers.select("a", "b", "c").unique()
    first = dates.select(_as_date(orders[0])).to_series()
    return all(dates.select(_as_date(o)).to_series().equals(first) for o in orders[1:])


def _timestamps(order: DateOrder) -> pl.Expr:
    hour = pl.col("hour").cast(pl.Int32)
    ampm = pl.col("ampm").str.to_lowercase().str.slice(0, 1)
    hour = (
        pl.when(ampm == "p").then(hour % 12 + 12).when(ampm == "a").then(hour % 12).otherwise(hour)
    )
    return _as_date(order).cast(pl.Datetime("us")) + pl.duration(
        hours=hour,
        minutes=pl.col("minute").cast(pl.Int32),
        seconds=pl.col("second").cast(pl.Int32).fill_null(0),
    )


def _kind() -> pl.Expr:
    body = pl.col("body")
    marked = body.str.starts_with(LRM)
    clean = body.str.strip_chars_start(LRM)
    return (
        pl.when(pl.col("sender").is_null())
        .then(pl.lit(None, dtype=pl.String))
        .when(clean.str.contains(MEDIA))
        .then(pl.lit(Kind.MEDIA.value))
        .when(clean.str.contains(DELETED))
        .then(pl.lit(Kind.DELETED.value))
        .when(marked | clean.str.contains(SYSTEM))
        .then(pl.lit(None, dtype=pl.String))  # a system notice, dropped below
        .otherwise(pl.lit(Kind.TEXT.value))
    )


def _headers(frame: pl.DataFrame, order: DateOrder) -> pl.DataFrame:
    """One row per header line: its timestamp, and its sender and body when it has them."""
    split = pl.col("rest").str.splitn(": ", 2).struct.rename_fields(["sender", "body"])
    return (
        frame.lazy()
        .filter(pl.col("a").is_not_null())
        .with_columns(_timestamps(order).alias("timestamp"), split.alias("author"))
        .unnest("author")
        .with_columns(
            # "Name: text" has a sender; a notice such as "Ana added Sam" has no ": " at all.
            pl.when(pl.col("body").is_null() | (pl.col("sender") == ""))
            .then(None)
            .otherwise(pl.col("sender"))
            .alias("sender"),
            (pl.col("timestamp").is_null() | (pl.col("hour").cast(pl.Int32) > 23)).alias(
                "bad_time"
            ),
        )
        # Only what the messages need: the date and time fields and the raw line go (memory).
        .select("line_no", "message", "timestamp", "sender", "body", "bad_time")
        .collect()
    )


def _continuations(frame: pl.DataFrame) -> pl.DataFrame:
    """The lines that continue each multi-line message, joined."""
    return (
        frame.lazy()
        .filter(pl.col("a").is_null())
        .group_by("message")
        .agg(pl.col("line").str.join("\n").alias("more"))
        .collect()
    )


def _messages(headers: pl.DataFrame, continuation: pl.DataFrame) -> pl.DataFrame:
    """Join continuation lines to their message, classify it and measure it."""
    text = (
        pl.when(pl.col("more").is_null())
        .then(pl.col("body"))
        .otherwise(pl.concat_str("body", "more", separator="\n"))
        .str.strip_chars_start(LRM)
        .str.strip_chars_end("\n")
    )
    is_text = pl.col("kind") == Kind.TEXT.value
    return (
        headers.lazy()
        .join(continuation.lazy(), on="message", how="left", maintain_order="left")
        .with_columns(text.alias("text"), _kind().alias("kind"))
        .filter(pl.col("kind").is_not_null())
        .with_columns(measure_text(pl.col("text")))
        .with_columns(
            pl.when(is_text).then(pl.col("chars")).otherwise(0).alias("chars"),
            pl.when(is_text).then(pl.col("words")).otherwise(0).alias("words"),
        )
        .collect()
    )


def parse(
    text: str, *, source: str, prefer: DatePreference = None, keep_text: bool = False
) -> Chat:
    """Parse a WhatsApp export; raises ChatFormatError naming the file and line on bad input."""
    frame = _lines(text)
    _check_leading_lines(frame, source)
    dates = frame.select("a", "b", "c").filter(pl.col("a").is_not_null())
    order = resolve_date_order(dates, source, prefer)
    continuation = _continuations(frame)
    headers = _headers(frame.drop("line"), order)
    del frame, dates  # the biggest table; freeing it now keeps peak memory down
    bad_time = headers.filter(pl.col("bad_time"))
    if not bad_time.is_empty():
        line = int(bad_time.get_column("line_no")[0])
        raise ChatFormatError(source, "this line has a time that doesn't exist", line=line)
    messages = _messages(headers, continuation)
    return Chat(format="whatsapp", messages=finish(messages, keep_text=keep_text))
