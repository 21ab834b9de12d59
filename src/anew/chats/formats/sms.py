"""Android "SMS Backup & Restore" XML, streamed so a multi-gigabyte backup never sits in memory.

defusedxml refuses entity declarations, so an XML bomb is stopped before it can expand.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Protocol
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from anew.chats.errors import ChatFormatError
from anew.chats.model import Chat, Kind, from_rows

RECEIVED, SENT = "1", "2"
UNKNOWN_NAMES = {"", "null", "(Unknown)"}


def _contact(element: Element) -> str:
    name = element.get("contact_name") or ""
    return name if name not in UNKNOWN_NAMES else element.get("address") or "Unknown"


def _when(element: Element, source: str, number: int) -> datetime:
    try:
        return datetime.fromtimestamp(int(element.get("date") or "") / 1000, UTC).replace(
            tzinfo=None
        )
    except (ValueError, OverflowError, OSError):  # unreadable, or out of any calendar's range
        at = f"message {number} (<{element.tag}>), attribute date"
        raise ChatFormatError(source, "this message has no readable date", at=at) from None


def _mms_text(element: Element) -> tuple[str, str]:
    texts = [
        part.get("text") or "" for part in element.iter("part") if part.get("ct") == "text/plain"
    ]
    text = "\n".join(t for t in texts if t and t != "null")
    return (Kind.TEXT.value, text) if text else (Kind.MEDIA.value, "")


class Readable(Protocol):
    """What the streaming XML parser needs of a file: read(size)."""

    def read(self, size: int = -1, /) -> bytes: ...


def _read(handle: Readable, source: str) -> list[tuple[datetime, str, str, str, bool]]:
    """(timestamp, contact, kind, text, sent by me) for every sent or received message."""
    rows: list[tuple[datetime, str, str, str, bool]] = []
    root: Element | None = None
    try:
        for event, element in iterparse(handle, events=("start", "end")):
            if event == "start":
                root = element if root is None else root
                continue
            if element.tag == "sms" and element.get("type") in (RECEIVED, SENT):
                when = _when(element, source, len(rows) + 1)
                body = element.get("body") or ""
                rows.append(
                    (when, _contact(element), Kind.TEXT.value, body, element.get("type") == SENT)
                )
            elif element.tag == "mms" and element.get("msg_box") in (RECEIVED, SENT):
                kind, text = _mms_text(element)
                when = _when(element, source, len(rows) + 1)
                rows.append((when, _contact(element), kind, text, element.get("msg_box") == SENT))
            if element.tag in ("sms", "mms") and root is not None:
                root.clear()  # processed: let it go, so memory stays flat
    except DefusedXmlException:
        raise ChatFormatError(
            source, "this XML declares entities (an XML bomb?); refused"
        ) from None
    except (LookupError, ValueError) as error:  # found by fuzzing: an unknown or multi-byte
        # encoding in <?xml encoding="..."?>
        raise ChatFormatError(
            source, f"this XML's declared encoding can't be read ({error})"
        ) from None
    except ParseError as error:
        line = error.position[0] if error.position else None
        raise ChatFormatError(
            source, f"this XML is damaged or cut short ({error.msg})", line=line
        ) from None
    return rows


def parse(
    handle: Readable,
    *,
    source: str,
    me: str = "Me",
    contact: str | None = None,
    keep_text: bool = False,
) -> Chat:
    """One conversation from the backup: the named contact's, or the one with the most messages."""
    rows = _read(handle, source)
    if not rows:
        raise ChatFormatError(source, "this SMS backup holds no sent or received messages")
    counts = Counter(row[1] for row in rows)
    if contact is None:
        contact = counts.most_common(1)[0][0]
    elif contact not in counts:
        known = ", ".join(repr(name) for name, _ in counts.most_common(10))
        raise ChatFormatError(
            source, f"there are no messages with {contact!r}; the contacts include {known}"
        )
    chosen = [
        (when, me if mine else who, kind, text)
        for when, who, kind, text, mine in rows
        if who == contact
    ]
    messages = from_rows(chosen, keep_text=keep_text)
    return Chat(format="sms", messages=messages, title=contact, owner=me)
