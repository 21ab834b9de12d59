"""The message table of a WhatsApp export from its compiled scan (whatsapp_scan).

Polars reads the few thousand distinct dates and times with the helpers the general parser
(whatsapp) reads them with too (whatsapp_common), and puts the table together from the scan's
columns. The messages are the same as
on the general road (tests/chats/test_whatsapp_scan.py holds the two to it); a file the scan does
not take on goes that road, which also names the line of any error.
"""

from __future__ import annotations

import polars as pl

from anew.chats.formats.chat_file import DatePreference
from anew.chats.formats.whatsapp_common import (
    as_date,
    date_table,
    resolve_date_order,
    settle_kinds,
    time_offsets,
)
from anew.chats.formats.whatsapp_kinds import message_kinds, set_aside
from anew.chats.formats.whatsapp_scan import SUSPECT_IOS, Scan, scan
from anew.chats.model import Chat, finish

NO_ROW = 0xFFFFFFFF  # the scan's row for a line without a sender


def parse(
    data: bytes,
    *,
    source: str,
    prefer: DatePreference = None,
    keep_text: bool = False,
    scanned: Scan | None = None,
) -> Chat | None:
    """The export's messages (with their texts when `keep_text`), or None where the general road
    must read it: the scan does not take the file on, or a time in it can't exist (that road
    says on which line). `scanned` is the scan of these very bytes, when it was made already
    (without the texts, it is made again when they are wanted)."""
    if scanned is None or (keep_text and scanned.texts is None):
        scanned = scan(data, keep_texts=keep_text)
    found = scanned
    if found is None:
        return None
    dates = date_table(pl.Series(found.dates, dtype=pl.String))
    order = resolve_date_order(dates, source, prefer)
    days = dates.select(as_date(order)).to_series()
    offsets = time_offsets(pl.Series(found.times, dtype=pl.String)).get_column("offset")
    if offsets.null_count():
        return None
    timestamps = days.gather(pl.Series(found.date_id)).cast(pl.Datetime("us")) + offsets.gather(
        pl.Series(found.time_id)
    )
    sender_id = pl.Series(found.sender_id)
    names = pl.Series(found.senders, dtype=pl.String)
    senders = names.gather(sender_id).alias("sender")
    kinds, looked = message_kinds(senders, _rare(found, names, sender_id))
    columns = [
        timestamps.alias("timestamp"),
        senders,
        kinds.alias("kind"),
        pl.Series(found.chars).alias("chars"),
        pl.Series(found.words).alias("words"),
    ]
    if keep_text and found.texts is not None:
        columns.append(pl.Series(found.texts).alias("text"))
    settled = settle_kinds(pl.DataFrame(columns), kinds, suspects=looked.rows.len() > 0)
    aside, warnings = set_aside(looked, pl.Series(found.unplaced_lines))
    return Chat(
        format="whatsapp",
        messages=finish(settled, keep_text=keep_text),
        set_aside=aside,
        warnings=warnings,
    )


def _rare(found: Scan, names: pl.Series, sender_id: pl.Series) -> pl.DataFrame:
    """The lines the scan marked for a closer look, as whatsapp_kinds reads them: the sender's
    name and the body are cut from the text after the header where the scan cut them."""
    rows = pl.Series("scanned", found.suspect_rows, dtype=pl.UInt32)
    has_row = rows != NO_ROW
    sender = names.gather(sender_id.gather(rows.filter(has_row)))
    senders = pl.Series("sender", [None] * rows.len(), dtype=pl.String)
    if sender.len():
        senders = senders.scatter(has_row.arg_true(), sender)
    frame = pl.DataFrame(
        [
            rows.cast(pl.Int64).alias("row"),
            pl.Series(found.suspect_lines).cast(pl.Int64).alias("line"),
            ((pl.Series(found.suspect_flags) & SUSPECT_IOS) != 0).alias("flags"),
            pl.Series("text", found.suspect_texts, dtype=pl.String),
            senders,
        ]
    )
    return frame.select(
        pl.when(has_row).then(pl.col("row")).alias("row"),
        "line",
        pl.col("flags").alias("ios"),
        "text",
        "sender",
        pl.col("text").str.slice(pl.col("sender").str.len_chars() + 2).alias("body"),
    )
