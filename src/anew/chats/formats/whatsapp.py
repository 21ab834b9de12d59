"""WhatsApp .txt exports from Android and iOS, in every date and time layout, parsed with Polars.

Each line is matched once against a header pattern; lines without a header continue the message
above them. Header lines are then cut at fixed marks, and only the distinct dates and times are
read field by field. The date order (day, month or year first) is decided per file from the data.

This is the general road. A plain UTF-8 export first goes the compiled scanner's road
(whatsapp_scanned, built on this module's helpers), which reads the same messages faster and
hands back here whatever it does not take on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

import polars as pl

from anew.chats.errors import AmbiguousDates, ChatFormatError
from anew.chats.formats.whatsapp_scan import KIND_WORDS, LRM, Scan
from anew.chats.model import (
    IRREGULAR_MARKS,
    Chat,
    Kind,
    counts,
    finish,
    irregular_spacing,
    measure_text,
    recount_words,
)

DateOrder = Literal["dmy", "mdy", "ymd", "ydm"]
DatePreference = Literal["dayfirst", "monthfirst"] | None

FIRST_YEAR = 2009  # WhatsApp did not exist before; an earlier reading of a date is the wrong one
SPACE = r"[ \x{a0}\x{202f}]"  # new versions put a narrow no-break space before AM/PM
DATE = r"(?<a>[0-9]{1,4})[./-]{1,2}(?<b>[0-9]{1,2})[./-]{1,2}(?<c>[0-9]{1,4})"
TIME = (
    r"(?<hour>[0-9]{1,2})[:.](?<minute>[0-9]{2})(?:[:.](?<second>[0-9]{2}))?"
    r"(?:" + SPACE + r"?(?<ampm>[AaPp]\.?" + SPACE + r"?[Mm]\.?))?"
)
DATE_PART = r"[\x{200e}\x{200f}]?\[?" + DATE
TIME_PART = ",?" + SPACE + TIME
HEADER = "^" + DATE_PART + TIME_PART + r"(?:\] | - )"
# On a header line the first "] " or "- " closes the date and time (neither can hold one), and
# the sender starts two bytes on. Of " - ", the space before the dash stays on the time.
HEADER_END = r"[\]-] "
DATE_END = r"[, \x{a0}\x{202f}]"

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


def first_lines(text: str, count: int) -> list[str]:
    """The first `count` lines that are not blank, however many blank ones come before."""
    start = re.search(r"\S", text)
    opening = text[start.start() : start.start() + 20_000] if start else ""
    return [line for line in opening.splitlines() if line.strip()][:count]


def looks_like_whatsapp(text: str) -> bool:
    """True when one of the first non-empty lines is a WhatsApp message header."""
    head = first_lines(text, 5)
    if not head:
        return False
    found = pl.Series(head).str.contains(HEADER)
    return bool(found.any())


def _split(text: str | Callable[[], str], utf8: bytes | None = None) -> pl.Series:
    """The file's lines. Polars' CSV reader splits them on every core without making a Python
    string of each; a NUL byte (which it would take for a column break) takes the slow road.

    `utf8`, when given, is the file's own bytes, read directly when they are UTF-8; `text` may
    then be a function, called only when they can't be. The reader ends a line at LF and at CR LF
    alike; a CR on its own (old Macs) ends one too, so a file that has any is read again with
    every line end made LF first, as the text always is.
    """
    if utf8 is not None and b"\x00" not in utf8:
        lines = _read_lines(utf8)
        if lines is not None and b"\r" in utf8 and lines.str.contains("\r", literal=True).any():
            lines = _read_lines(utf8.replace(b"\r\n", b"\n").replace(b"\r", b"\n"))
        if lines is not None:
            return lines
    whole = text if isinstance(text, str) else text()
    normalized = whole.replace("\r\n", "\n").replace("\r", "\n") if "\r" in whole else whole
    if "\x00" not in normalized:
        try:
            lines = _read_lines(normalized.encode("utf-8"))
        except UnicodeEncodeError:
            lines = None
        if lines is not None:
            return lines
    return pl.Series("line", normalized.split("\n"))  # reads anything


def _read_lines(data: bytes) -> pl.Series | None:
    """The lines of UTF-8 bytes, or None when Polars can't read them (not UTF-8)."""
    try:
        frame = pl.read_csv(
            data,
            has_header=False,
            separator="\x00",
            quote_char=None,
            new_columns=["line"],
            infer_schema=False,
        )
    except pl.exceptions.PolarsError:
        return None
    # Empty lines come back as nulls, and a final line break adds no empty last line. The lines
    # stay in the reader's pieces: the next step cuts them into its own pieces anyway, so joining
    # them first only copied them (and took no less memory at the peak).
    return frame.to_series().fill_null("")


def _lines(text: str | Callable[[], str], utf8: bytes | None = None) -> pl.DataFrame:
    """Every line, whether it starts a message, and which message it belongs to."""
    header = pl.col("line").str.contains(HEADER)
    # The lazy engine spreads the string work over every core; eager mode uses one.
    return (
        pl.LazyFrame({"line": _split(text, utf8)})
        .with_columns(header.alias("is_header"))
        .with_columns(pl.col("is_header").cum_sum().alias("message"))
        .collect(engine="streaming")
    )


def _check_leading_lines(frame: pl.DataFrame, source: str) -> None:
    is_header = frame.get_column("is_header")
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
            line=stray + 1,
        )


def _bytes(text: pl.Expr, start: pl.Expr | int, length: pl.Expr | None = None) -> pl.Expr:
    """Part of a string by byte offsets, as `str.find` gives them (`str.slice` counts characters),
    as bytes: enough for a key that is looked up, and no UTF-8 check."""
    return text.cast(pl.Binary).bin.slice(start, length)


def _cut(text: pl.Expr, start: pl.Expr | int, length: pl.Expr | None = None) -> pl.Expr:
    """Part of a string by byte offsets. Only ever cut at an ASCII mark, so each part is whole
    UTF-8 again."""
    return _bytes(text, start, length).cast(pl.String)


def _header_parts(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per header line: its date and time as written, its sender and body, and the body
    measured (see model.counts) and marked (`look`) where it needs a closer look (_rare_rows).

    Cut at fixed marks rather than captured by the header pattern: a capture per field per line
    is the slowest part of the parse, and a chat has only a few thousand distinct dates and times
    to read field by field (see _date_table and _time_table). The date keeps the marks before it
    and the time the comma and space before it (and the space after it, before " - "); those
    tables read them.
    """
    line = pl.col("line")
    date_end, end, colon = pl.col("date_end"), pl.col("end"), pl.col("colon")
    body = pl.col("body")
    return (
        frame.lazy()
        .filter(pl.col("is_header"))
        # The marks first, as columns of their own: each is then searched for once.
        .with_columns(
            line.str.find(DATE_END).alias("date_end"),
            line.str.find(HEADER_END).alias("end"),
            # No ": " can come before the header's end, so the first one ends the sender.
            line.str.find(": ", literal=True).alias("colon"),
        )
        .select(
            _bytes(line, 0, date_end).alias("date"),
            _bytes(line, date_end, end - date_end).alias("time"),
            # "Name: text" has a sender; a notice such as "Ana added Sam" has no ": " at all, and
            # "- : text" an empty name: both get none (a cut from nowhere is null).
            _cut(line, pl.when(colon > end + 2).then(end + 2), colon - end - 2).alias("sender"),
            _cut(line, colon + 2).alias("body"),
        )
        .with_columns(
            *counts(body),
            # One literal search for both rarities: spacing that words must count with the
            # pattern, and a body that may be media or a notice (see _kinds). The mark iOS puts
            # before them is searched for anywhere, and looked at closer only at the start.
            (
                body.str.contains_any([*IRREGULAR_MARKS, *KIND_WORDS, LRM])
                | body.str.starts_with(" ")
                | body.str.ends_with(" ")
            )
            .fill_null(False)
            .alias("look"),
        )
        .collect(engine="streaming")
    )


def _rare_rows(parts: pl.DataFrame) -> pl.DataFrame:
    """The header rows whose body `look` marks, with the two flags it stands for: `irregular`
    spacing (words must be counted with the pattern) and `suspect` (may be media or a notice).

    A few rows of a whole chat: the body column is then needed only for them, and only these
    rows' bodies are kept unless the texts are."""
    rows = parts.get_column("look").arg_true()
    body = pl.col("body")
    return parts[rows].select(
        rows.alias("row"),
        "sender",
        "body",
        irregular_spacing(body).alias("irregular"),
        (body.str.starts_with(LRM) | body.str.contains_any(KIND_WORDS)).alias("suspect"),
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


def _date_table(dates: pl.Series) -> pl.DataFrame:
    """The distinct dates as written, in order of first appearance, with their three fields
    (given the first line of each run of one date: the same dates, far fewer rows)."""
    return (
        pl.DataFrame({"date": dates.unique(maintain_order=True)})
        .with_columns(
            pl.col("date").cast(pl.String).str.extract_groups(f"^{DATE_PART}$").alias("fields")
        )
        .unnest("fields")
    )


def _time_table(times: pl.Series) -> pl.DataFrame:
    """The distinct times as written and the time of day each means (null for one that can't
    exist, such as 25:10)."""
    return _time_offsets(times.unique())


def _time_offsets(times: pl.Series) -> pl.DataFrame:
    """Each time as written (in the order given) and the time of day it means."""
    hour = pl.col("hour").cast(pl.Int32)
    ampm = pl.col("ampm").str.to_lowercase().str.slice(0, 1)
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
            pl.col("time").cast(pl.String).str.extract_groups(f"^{TIME_PART} ?$").alias("fields")
        )
        .unnest("fields")
        .select("time", pl.when(hour <= 23).then(offset).alias("offset"))
    )


def _date_runs(date: pl.Series) -> pl.Series:
    """Where each run of one date starts: a chat's lines keep each date together, so the distinct
    dates are found among these few rows, and each line's day by counting them (_days)."""
    return date.ne_missing(date.shift(1)).fill_null(True)


def _timestamps(
    parts: pl.DataFrame, dates: pl.DataFrame, order: DateOrder, runs: pl.Series
) -> pl.Series:
    """Each header's timestamp, looked up from the distinct dates and times (null: can't exist)."""
    days = dates.select("date", _as_date(order).alias("day"))
    times = _time_table(parts.get_column("time"))
    offset = parts.get_column("time").replace_strict(
        times.get_column("time"), times.get_column("offset")
    )
    day = _days(parts.get_column("date"), days, runs)
    return (day.cast(pl.Datetime("us")) + offset).alias("timestamp")


def _days(date: pl.Series, days: pl.DataFrame, runs: pl.Series) -> pl.Series:
    """Each header's day. The n-th run of one date (see _date_runs) is the n-th distinct date
    when no date comes back after another: cheaper than looking each up. Where one does, each
    is looked up."""
    if int(runs.sum()) == days.height:
        return days.get_column("day").gather(runs.cum_sum() - 1)
    return date.replace_strict(days.get_column("date"), days.get_column("day"))


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


def _kinds(senders: pl.Series, rare: pl.DataFrame) -> pl.Series:
    """Each header's kind, or null for a system notice.

    The media, deleted and notice patterns only run on the `suspect` bodies, those that hold one
    of KIND_WORDS or start with the mark iOS puts before them: one literal search over every body
    is far cheaper than three patterns.
    """
    kinds = pl.select(
        pl.when(senders.is_not_null()).then(pl.lit(Kind.TEXT.value)).alias("kind")
    ).to_series()
    suspects = rare.filter(pl.col("suspect"))
    if suspects.height:
        kinds = kinds.scatter(suspects.get_column("row"), suspects.select(_kind()).to_series())
    return kinds


def _continuations(frame: pl.DataFrame) -> pl.DataFrame:
    """The lines that continue each multi-line message, joined (blank lines at the end dropped).

    Most continued messages have one more line, which needs no joining: only the others are
    grouped, as grouping is the slow part."""
    message = pl.col("message")
    alone = (message != message.shift(1)).fill_null(True) & (
        message != message.shift(-1)
    ).fill_null(True)
    lines = (
        frame.lazy()
        .filter(~pl.col("is_header") & (message > 0))
        .with_columns(alone.alias("alone"))
        .collect()
    )
    single = lines.filter(pl.col("alone")).select("message", pl.col("line").alias("more"))
    joined = (
        lines.filter(~pl.col("alone"))
        .group_by("message", maintain_order=True)
        .agg(pl.col("line").str.join("\n").str.strip_chars_end("\n").alias("more"))
    )
    return pl.concat([single, joined]).filter(pl.col("more") != "")


def _continued_rows(continuation: pl.DataFrame) -> pl.Series:
    """The header rows of the continued messages: message n is header row n - 1, so they are put
    in place by position, with no join."""
    return continuation.get_column("message").cast(pl.Int64) - 1


def _texts(parts: pl.DataFrame, continuation: pl.DataFrame) -> pl.Series:
    """Each message's whole text: its first line, then the lines that continue it. Only those
    and the texts that start with iOS's mark are rewritten."""
    body = parts.get_column("body")
    rows = _continued_rows(continuation)
    joined = body.gather(rows) + "\n" + continuation.get_column("more")
    text = body.clone().scatter(rows, joined) if rows.len() else body
    marked = text.str.starts_with(LRM).fill_null(False).arg_true()
    if marked.len():
        text = text.scatter(marked, text.gather(marked).str.strip_chars_start(LRM))
    return text


def _measures(parts: pl.DataFrame, rare: pl.DataFrame, continuation: pl.DataFrame) -> pl.DataFrame:
    """Characters and words of each message: its first line's, plus its continuation's.

    The first line's words are spaces + 1 (model.counts), counted with the pattern where the
    spacing is irregular. A continued text is "first\\nrest", so it has one character more than
    the two parts and exactly their words.
    """
    chars = parts.get_column("chars").clone()
    irregular = rare.filter(pl.col("irregular"))
    words = recount_words(
        parts.get_column("words").clone(), irregular.get_column("row"), irregular.get_column("body")
    )
    if continuation.is_empty():
        return pl.DataFrame([chars, words])
    rows = _continued_rows(continuation)
    more = measure_text(continuation.select(pl.col("more").alias("text")))
    return pl.DataFrame(
        [
            chars.scatter(rows, chars.gather(rows) + 1 + more.get_column("chars")),
            words.scatter(rows, words.gather(rows) + more.get_column("words")),
        ]
    )


def _messages(
    parts: pl.DataFrame,
    timestamps: pl.Series,
    continuation: pl.DataFrame,
    *,
    keep_text: bool,
) -> pl.LazyFrame:
    """Classify each message, measure it, and with keep_text join its lines into its text."""
    rare = _rare_rows(parts)
    senders = parts.get_column("sender")
    text = _texts(parts, continuation) if keep_text else None
    measured = _measures(parts.select("chars", "words"), rare, continuation)
    kinds = _kinds(senders, rare)
    columns = [timestamps, senders, kinds.alias("kind"), *measured.get_columns()]
    messages = pl.DataFrame(columns if text is None else [*columns, text.alias("text")])
    return _settle_kinds(messages, kinds, suspects=bool(rare.get_column("suspect").any()))


def _settle_kinds(messages: pl.DataFrame, kinds: pl.Series, *, suspects: bool) -> pl.LazyFrame:
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


def parse(
    text: str | Callable[[], str],
    *,
    source: str,
    prefer: DatePreference = None,
    keep_text: bool = False,
    utf8: bytes | None = None,
    scanned: Scan | None = None,
) -> Chat:
    """Parse a WhatsApp export; raises ChatFormatError naming the file and line on bad input.

    `utf8` may carry the file's bytes when they are exactly `text` in UTF-8 (no BOM); `text` may
    then be a function that decodes them, called only if the bytes can't be read directly. Such
    bytes go the compiled scanner's road (whatsapp_scanned) where it takes them on; `scanned` is
    what the scanner made of them already, if it has (see reading.ReadAhead)."""
    if utf8 is not None and not keep_text:
        # whatsapp_scanned builds on this module's helpers, so it is imported here, not above
        from anew.chats.formats import whatsapp_scanned

        fast = whatsapp_scanned.parse(utf8, source=source, prefer=prefer, scanned=scanned)
        if fast is not None:
            return fast
    frame = _lines(text, utf8)
    _check_leading_lines(frame, source)
    continuation = _continuations(frame)
    parts = _header_parts(frame)
    header_rows = frame.get_column("is_header")
    del frame  # the biggest table; freeing it now keeps peak memory down
    runs = _date_runs(parts.get_column("date"))
    dates = _date_table(parts.get_column("date").filter(runs))
    order = resolve_date_order(dates, source, prefer)
    timestamps = _timestamps(parts, dates, order, runs)
    if timestamps.null_count():
        header = int(timestamps.is_null().arg_max() or 0)
        line = int(header_rows.arg_true()[header]) + 1
        raise ChatFormatError(source, "this line has a time that doesn't exist", line=line)
    messages = _messages(parts, timestamps, continuation, keep_text=keep_text)
    return Chat(format="whatsapp", messages=finish(messages, keep_text=keep_text))
