"""WhatsApp .txt exports from Android and iOS, in every date and time layout, parsed with Polars.

Each line is matched once against a header pattern; lines without a header continue the message
above them. Header lines are then cut at fixed marks, and only the distinct dates and times are
read field by field. The date order (day, month or year first) is decided per file from the data.

This is the general road. A plain UTF-8 export first goes the compiled scanner's road
(whatsapp_scanned), which reads the same messages faster and hands back here whatever it does
not take on; both build on whatsapp_common. FORMAT is WhatsApp's entry in the registry.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from anew.chats.errors import ChatFormatError
from anew.chats.formats import whatsapp_header, whatsapp_keywords, whatsapp_scanned
from anew.chats.formats.chat_file import ChatFile, ReadOptions

# Where the command line and the web layer have always found it (chat_file defines it).
from anew.chats.formats.chat_file import DatePreference as DatePreference
from anew.chats.formats.whatsapp_common import (
    DateOrder,
    as_date,
    date_table,
    header,
    looks_like_signal,
    looks_like_whatsapp,
    modernized,
    resolve_date_order,
    settle_kinds,
    time_offsets,
)
from anew.chats.formats.whatsapp_header import HEADER_END
from anew.chats.formats.whatsapp_keywords import MARK_START
from anew.chats.formats.whatsapp_kinds import Kinds, message_kinds, set_aside
from anew.chats.formats.whatsapp_scan import LRM, Scan
from anew.chats.model import (
    IRREGULAR_MARKS,
    MAX_KEPT_CHARS,
    Chat,
    counts,
    finish,
    first_overlong_line,
    irregular_spacing,
    measure_text,
    recount_words,
)

RLM = "\u200f"  # the mark right-to-left iPhones put where others put LRM

# On a header line the first "] " or "- " closes the date and time (HEADER_END), and the sender
# starts two bytes on; the spaces before the dash stay on the time, as what comes between the
# date and the time does (whatsapp_header.date_end).


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
    is_header = pl.col("line").str.contains(header())
    # The lazy engine spreads the string work over every core; eager mode uses one.
    return (
        pl.LazyFrame({"line": modernized(_split(text, utf8))})
        .with_columns(is_header.alias("is_header"))
        .with_columns(pl.col("is_header").cum_sum().alias("message"))
        .collect(engine="streaming")
    )


def _unplaced_lines(frame: pl.DataFrame, source: str) -> pl.Series:
    """The numbers of the lines with text before the first message (they belong to none and are
    set aside); a file with no message header at all is refused."""
    is_header = frame.get_column("is_header")
    if not is_header.any():
        raise ChatFormatError(source, "no line here looks like a WhatsApp message", line=1)
    first = int(is_header.arg_max() or 0)
    leading = frame.head(first).get_column("line").str.strip_chars()
    return (leading != "").arg_true().cast(pl.Int64) + 1


def _bytes(text: pl.Expr, start: pl.Expr | int, length: pl.Expr | int | None = None) -> pl.Expr:
    """Part of a string by byte offsets, as `str.find` gives them (`str.slice` counts characters),
    as bytes: enough for a key that is looked up, and no UTF-8 check."""
    return text.cast(pl.Binary).bin.slice(start, length)


def _cut(text: pl.Expr, start: pl.Expr | int, length: pl.Expr | None = None) -> pl.Expr:
    """Part of a string by byte offsets. Only ever cut at an ASCII mark, so each part is whole
    UTF-8 again."""
    return _bytes(text, start, length).cast(pl.String)


def _header_parts(frame: pl.DataFrame, date_break: str) -> pl.DataFrame:
    """One row per header line: its date and time as written, its sender and body, and the body
    measured (see model.counts) and marked (`look`) where it needs a closer look (_rare_rows).

    Cut at fixed marks rather than captured by the header pattern: a capture per field per line
    is the slowest part of the parse, and a chat has only a few thousand distinct dates and times
    to read field by field (see date_table and _time_table). The date keeps the marks before it
    and the time the comma and space before it (and the space after it, before " - "); those
    tables read them.

    The date ends where `date_break` is first found (see _dated_parts).
    """
    line = pl.col("line")
    date_end, end, colon = pl.col("date_end"), pl.col("end"), pl.col("colon")
    body, sender = pl.col("body"), pl.col("sender")
    words = list(whatsapp_keywords.key_words())
    return (
        frame.lazy()
        .filter(pl.col("is_header"))
        # The marks first, as columns of their own: each is then searched for once.
        .with_columns(
            line.str.find(date_break).alias("date_end"),
            line.str.find(HEADER_END).alias("end"),
            # No ": " can come before the header's end, so the first one ends the sender; a ":"
            # that ends the line ends a name with nothing after it.
            pl.coalesce(
                line.str.find(": ", literal=True),
                pl.when(line.str.ends_with(":")).then(line.str.len_bytes() - 1),
            ).alias("colon"),
        )
        .select(
            _bytes(line, 0, date_end).alias("date"),
            _bytes(line, date_end, end - date_end).alias("time"),
            # "Name: text" has a sender; a notice such as "Ana added Sam" has no ": " at all, and
            # "- : text" an empty name: both get none (a cut from nowhere is null).
            _cut(line, pl.when(colon > end + 2).then(end + 2), colon - end - 2).alias("sender"),
            _cut(line, pl.when(colon > end + 2).then(colon + 2)).fill_null("").alias("body"),
            # The whole text after the header, and whether the header is the bracketed (iOS)
            # layout, for the closer look (whatsapp_kinds).
            _cut(line, end + 2).alias("text"),
            (_bytes(line, end, 1) == b"]").alias("ios"),
        )
        .with_columns(
            pl.when(sender.is_not_null()).then(body).alias("body"),
        )
        .with_columns(
            *counts(body),
            # One literal search for both rarities: spacing that words must count with the
            # pattern, and a body that may be media or a notice (see whatsapp_kinds). The mark
            # iOS puts before them is searched for anywhere, and looked at closer only at the
            # start. A notice is read whole before a name is split off, so the name is searched
            # too (names are short), and a line without a sender is always looked at.
            (
                body.str.contains_any([*IRREGULAR_MARKS, *words, LRM, RLM])
                | body.str.starts_with(" ")
                | body.str.ends_with(" ")
                | sender.str.contains_any(words)
                | sender.is_null()
            )
            .fill_null(True)
            .alias("look"),
        )
        .collect(engine="streaming")
    )


def _dated_parts(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.Series]:
    """The header parts (_header_parts) and where each run of one date starts (_date_runs).

    A date is cut at its first comma, space or locale word, the cheap search; where a date so
    cut ends with a dot, it had a dot before a space ("2025. 3. 28."), and the headers are cut
    again where whatsapp_header.date_end says (the scanner cuts them so too)."""
    words = whatsapp_header.words()
    parts = _header_parts(frame, whatsapp_header.first_break(words))
    runs = _date_runs(parts.get_column("date"))
    if parts.get_column("date").filter(runs).bin.ends_with(b".").any():
        parts = _header_parts(frame, whatsapp_header.date_end(words))
        runs = _date_runs(parts.get_column("date"))
    return parts, runs


def _rare_rows(parts: pl.DataFrame, header_rows: pl.Series) -> pl.DataFrame:
    """The header rows that `look` marks, with the two flags it stands for: `irregular`
    spacing (words must be counted with the pattern) and `suspect` (may be media, deleted or a
    notice), and each one's line number in the file.

    A few rows of a whole chat: the text columns are then needed only for them, and only these
    rows' bodies are kept unless the texts are."""
    rows = parts.get_column("look").arg_true()
    body, sender = pl.col("body"), pl.col("sender")
    words = list(whatsapp_keywords.key_words())
    lines = header_rows.arg_true().gather(rows).cast(pl.Int64) + 1
    return parts[rows].select(
        rows.alias("row"),
        lines.alias("line"),
        "ios",
        "text",
        "sender",
        "body",
        irregular_spacing(body).fill_null(False).alias("irregular"),
        (
            sender.is_null()
            | body.str.strip_chars_start(" ").str.contains(MARK_START)
            | body.str.contains_any(words)
            | sender.str.contains_any(words)
        )
        .fill_null(True)
        .alias("suspect"),
    )


def _looked_at(rare: pl.DataFrame) -> pl.DataFrame:
    """The suspect rows as whatsapp_kinds reads them; a line without a sender has no row."""
    return rare.filter(pl.col("suspect")).select(
        pl.when(pl.col("sender").is_not_null()).then(pl.col("row").cast(pl.Int64)).alias("row"),
        "line",
        "ios",
        "text",
        "sender",
        "body",
    )


def _time_table(times: pl.Series) -> pl.DataFrame:
    """The distinct times as written and the time of day each means (null for one that can't
    exist, such as 25:10)."""
    return time_offsets(times.unique())


def _date_runs(date: pl.Series) -> pl.Series:
    """Where each run of one date starts: a chat's lines keep each date together, so the distinct
    dates are found among these few rows, and each line's day by counting them (_days)."""
    return date.ne_missing(date.shift(1)).fill_null(True)


def _timestamps(
    parts: pl.DataFrame, dates: pl.DataFrame, order: DateOrder, runs: pl.Series
) -> pl.Series:
    """Each header's timestamp, looked up from the distinct dates and times (null: can't exist)."""
    days = dates.select("date", as_date(order).alias("day"))
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
    header_rows: pl.Series,
    *,
    keep_text: bool,
) -> tuple[pl.LazyFrame, Kinds]:
    """Classify each message, measure it, and with keep_text join its lines into its text."""
    rare = _rare_rows(parts, header_rows)
    senders = parts.get_column("sender")
    text = _texts(parts, continuation) if keep_text else None
    measured = _measures(parts.select("chars", "words"), rare, continuation)
    kinds, looked = message_kinds(senders, _looked_at(rare))
    columns = [timestamps, senders, kinds.alias("kind"), *measured.get_columns()]
    messages = pl.DataFrame(columns if text is None else [*columns, text.alias("text")])
    return settle_kinds(messages, kinds, suspects=looked.rows.len() > 0), looked


def _refuse_overlong_lines(utf8: bytes | None, text: str | Callable[[], str], source: str) -> None:
    """With the text to keep, a line longer than any message a phone writes is refused before
    it is split and joined (which would take many times its size in memory)."""
    data = utf8 if utf8 is not None else (text() if callable(text) else text).encode()
    found = first_overlong_line(data)
    if found is not None:
        line, length = found
        raise ChatFormatError(
            source,
            f"this line is {length:,} bytes long, longer than any message a phone writes; "
            f"Anew keeps the text of messages up to {MAX_KEPT_CHARS:,} characters. Untick "
            "'keep the text' to have this file measured without it.",
            line=line,
        )


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
    if keep_text:
        _refuse_overlong_lines(utf8, text, source)
    if utf8 is not None:
        fast = whatsapp_scanned.parse(
            utf8, source=source, prefer=prefer, keep_text=keep_text, scanned=scanned
        )
        if fast is not None:
            return fast
    frame = _lines(text, utf8)
    unplaced = _unplaced_lines(frame, source)
    continuation = _continuations(frame)
    parts, runs = _dated_parts(frame)
    header_rows = frame.get_column("is_header")
    del frame  # the biggest table; freeing it now keeps peak memory down
    dates = date_table(parts.get_column("date").filter(runs))
    order = resolve_date_order(dates, source, prefer)
    timestamps = _timestamps(parts, dates, order, runs)
    if timestamps.null_count():
        header = int(timestamps.is_null().arg_max() or 0)
        line = int(header_rows.arg_true()[header]) + 1
        raise ChatFormatError(source, "this line has a time that doesn't exist", line=line)
    messages, looked = _messages(parts, timestamps, continuation, header_rows, keep_text=keep_text)
    aside, warnings = set_aside(looked, unplaced)
    return Chat(
        format="whatsapp",
        messages=finish(messages, keep_text=keep_text),
        set_aside=aside,
        warnings=warnings,
    )


class WhatsAppFormat:
    """WhatsApp's text export, on its own or in the .zip WhatsApp makes."""

    name = "WhatsApp"
    files = "WhatsApp .txt or .zip"
    in_place = False

    def sniff(self, head: ChatFile) -> bool:
        """One of the first lines is a message header, and they are not Signal's (see signal)."""
        if head.is_json:
            return False
        text = head.text
        return looks_like_whatsapp(text) and not looks_like_signal(text)

    def read(self, source: ChatFile, options: ReadOptions) -> Chat:
        """A UTF-8 file's own bytes (after any byte-order mark) are read directly; the text is
        decoded whole (once) only where they can't be."""
        return parse(
            source.whole_text,
            source=source.name,
            prefer=options.prefer,
            keep_text=options.keep_text,
            utf8=source.utf8,
            scanned=source.scanned,
        )


FORMAT = WhatsAppFormat()
