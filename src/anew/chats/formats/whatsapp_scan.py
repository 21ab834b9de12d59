"""The compiled scan of a plain UTF-8 WhatsApp export (whatsapp_scanner.c), without Polars.

One pass over the file's bytes splits the lines, recognises the headers, numbers the distinct
dates, times and senders and measures every message; whatsapp_scanned builds the message table
from it. This module imports no Polars, so `anew analyze` can scan an export on a thread of its
own while Polars is still being imported (see reading.ReadAhead).
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from anew.chats.formats import whatsapp_header, whatsapp_keywords

try:
    from anew.chats.formats import _whatsapp_scan
    from anew.chats.formats._whatsapp_scan import Column
except ImportError:  # built by `make install` where a C compiler is; else the general road
    _whatsapp_scan = None  # type: ignore[assignment]
    Column = object  # type: ignore[assignment,misc]

LRM = "\u200e"  # the invisible mark iOS puts before attachment lines and notices
BOM = b"\xef\xbb\xbf"  # UTF-8's byte-order mark, which some tools write first
SUSPECT_IOS = 1  # a suspect's flag: its header is the bracketed (iOS) layout


class Scan(NamedTuple):
    """What the scan made of a file: a row per message with a sender (numbers into the lists of
    distinct dates, times and senders, and the message's characters and words); the header
    lines that need a closer look (whatsapp_kinds), with the text after their header, their row
    (UINT32_MAX for a line without a sender, which has none), their line number and flags
    (SUSPECT_IOS); the numbers of the lines with text before the first header; and, when asked
    for, every row's text as the general road joins it (else None). A row needs a look when its
    text starts with LRM or holds one of the tables' key words."""

    date_id: Column
    time_id: Column
    sender_id: Column
    chars: Column
    words: Column
    dates: list[str]
    times: list[str]
    senders: list[str]
    suspect_texts: list[str]
    suspect_rows: Column
    suspect_lines: Column
    suspect_flags: Column
    unplaced_lines: Column
    texts: Column | None


@functools.cache
def kind_bytes() -> tuple[bytes, ...]:
    """The language tables' key words (whatsapp_keywords), as the scanner takes them."""
    return tuple(word.encode() for word in whatsapp_keywords.key_words())


def available() -> bool:
    """Whether the compiled scanner was built (make install builds it where a C compiler is)."""
    return _whatsapp_scan is not None


def scan(data: bytes, *, keep_texts: bool = False) -> Scan | None:
    """The scan of a file's bytes (after its UTF-8 byte-order mark, if it has one), or None when
    the scan does not take the file on: a NUL byte, a CR outside CR LF, bytes that are not UTF-8,
    an Arabic-Indic or Persian digit, text before the first message, no message at all. Other
    threads run meanwhile. `keep_texts` has it copy out the messages' texts too, in one buffer
    (with no Python string made of each)."""
    if _whatsapp_scan is None:
        return None
    text = memoryview(data)[len(BOM) :] if data.startswith(BOM) else data
    header_words = whatsapp_header.scan_words(whatsapp_header.words())
    found = _whatsapp_scan.scan(text, kind_bytes(), header_words, keep_texts)
    return None if found is None else Scan(*found)
