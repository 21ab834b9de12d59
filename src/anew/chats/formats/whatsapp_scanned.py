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
    message_kinds,
    resolve_date_order,
    settle_kinds,
    time_offsets,
)
from anew.chats.formats.whatsapp_scan import Scan, scan
from anew.chats.model import Chat, finish


def parse(
    data: bytes,
    *,
    source: str,
    prefer: DatePreference = None,
    scanned: Scan | None = None,
) -> Chat | None:
    """The export's messages (no texts), or None where the general road must read it: the scan
    does not take the file on, or a time in it can't exist (that road says on which line).
    `scanned` is the scan of these very bytes, when it was made already."""
    found = scanned or scan(data)
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
    rows = pl.Series(found.suspect_rows)
    suspects = pl.DataFrame(
        {
            "row": rows,
            "sender": names.gather(sender_id.gather(rows)),
            "body": pl.Series(found.suspect_bodies, dtype=pl.String),
            "suspect": pl.repeat(True, rows.len(), eager=True),
        }
    )
    kinds = message_kinds(senders, suspects)
    messages = pl.DataFrame(
        [
            timestamps.alias("timestamp"),
            senders,
            kinds.alias("kind"),
            pl.Series(found.chars).alias("chars"),
            pl.Series(found.words).alias("words"),
        ]
    )
    settled = settle_kinds(messages, kinds, suspects=bool(rows.len()))
    return Chat(format="whatsapp", messages=finish(settled, keep_text=False))
