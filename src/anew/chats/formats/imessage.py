"""iMessage: the macOS Messages database (chat.db), read-only."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from anew.chats.errors import ChatFormatError
from anew.chats.model import Chat, Kind, SetAside, from_rows

APPLE_EPOCH = datetime(2001, 1, 1)
# Newer macOS stores nanoseconds since 2001; older versions stored seconds.
NANOSECOND_DATES = 10**11

MESSAGES = """
SELECT m.date, m.is_from_me, m.text, m.attributedBody, m.cache_has_attachments, h.id
FROM message AS m
JOIN chat_message_join AS cmj ON cmj.message_id = m.ROWID
LEFT JOIN handle AS h ON h.ROWID = m.handle_id
WHERE cmj.chat_id = ?
  AND COALESCE(m.associated_message_type, 0) = 0  -- tapbacks are reactions, not messages
  AND COALESCE(m.item_type, 0) = 0  -- group events (renames, joins) are notices
ORDER BY m.date, m.ROWID
"""
# The entries the query above leaves out, counted so that nothing vanishes silently: tapbacks
# (associated_message_type 2000-2005, and 3000-3005 for one taken back) and group events by
# item_type (1: someone added or removed, 2: the group renamed, others: left, photo changed).
NOTICES = """
SELECT CASE
         WHEN COALESCE(m.associated_message_type, 0) != 0 THEN 'reaction'
         WHEN m.item_type = 1 THEN 'members'
         WHEN m.item_type = 2 THEN 'group'
         ELSE 'service'
       END AS kind, COUNT(*)
FROM message AS m
JOIN chat_message_join AS cmj ON cmj.message_id = m.ROWID
WHERE cmj.chat_id = ?
  AND (COALESCE(m.associated_message_type, 0) != 0 OR COALESCE(m.item_type, 0) != 0)
GROUP BY kind
"""
CHATS = """
SELECT c.ROWID, c.chat_identifier, COALESCE(c.display_name, ''), COUNT(cmj.message_id)
FROM chat AS c LEFT JOIN chat_message_join AS cmj ON cmj.chat_id = c.ROWID
GROUP BY c.ROWID ORDER BY COUNT(cmj.message_id) DESC
"""


def apple_time(value: int) -> datetime:
    """Apple's 2001-based timestamp (nanoseconds, or seconds on old systems), as UTC."""
    seconds = value / 1e9 if abs(value) >= NANOSECOND_DATES else float(value)
    return APPLE_EPOCH + timedelta(seconds=seconds)


def text_from_attributed_body(blob: bytes | None) -> str:
    """The text inside an NSAttributedString archive (typedstream), where newer macOS keeps it."""
    if not blob:
        return ""
    start = blob.find(b"NSString")
    if start < 0:
        return ""
    cursor = start + len(b"NSString") + 5  # class version and the "+" that opens the string
    if cursor >= len(blob):
        return ""
    length = blob[cursor]
    cursor += 1
    if length == 0x81:  # a 16-bit little-endian length follows
        length = int.from_bytes(blob[cursor : cursor + 2], "little")
        cursor += 2
    elif length == 0x82:  # a 32-bit little-endian length follows
        length = int.from_bytes(blob[cursor : cursor + 4], "little")
        cursor += 4
    return blob[cursor : cursor + length].decode("utf-8", errors="replace")


def _pick_chat(db: sqlite3.Connection, source: str, wanted: str | None) -> tuple[int, str]:
    chats = db.execute(CHATS).fetchall()
    if not chats:
        raise ChatFormatError(source, "this Messages database holds no chats")
    for rowid, identifier, name, _count in chats:
        if wanted is None or wanted in (identifier, name):
            return int(rowid), str(name or identifier)
    known = ", ".join(repr(name or identifier) for _, identifier, name, _ in chats[:10])
    raise ChatFormatError(source, f"there is no chat {wanted!r} here; the chats include {known}")


def parse(
    path: Path,
    *,
    source: str,
    me: str = "Me",
    chat_name: str | None = None,
    keep_text: bool = False,
) -> Chat:
    """One conversation: the named chat, or the one with the most messages."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            chat_id, title = _pick_chat(db, source, chat_name)
            found = db.execute(MESSAGES, (chat_id,)).fetchall()
            notices = {str(kind): int(n) for kind, n in db.execute(NOTICES, (chat_id,))}
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        raise ChatFormatError(
            source, f"this is not a Messages database Anew can read ({error})"
        ) from None
    rows = []
    for date, from_me, text, body, attachments, handle in found:
        content = text or text_from_attributed_body(body)
        kind = Kind.MEDIA.value if attachments and not content.strip("\ufffc ") else Kind.TEXT.value
        sender = me if from_me else str(handle or title)
        try:
            when = apple_time(int(date or 0))
        except OverflowError:  # a date no Mac wrote: refuse it rather than guess
            raise ChatFormatError(
                source, f"a message's date ({date}) is out of range", at="message.date"
            ) from None
        rows.append((when, sender, kind, content))
    return Chat(
        format="imessage",
        messages=from_rows(rows, keep_text=keep_text),
        title=title,
        owner=me,
        set_aside=SetAside(notices=notices),
    )
