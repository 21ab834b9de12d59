"""Open any supported export: find its format from the content, never from the file name."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path
from typing import Any

import polars as pl

from anew.chats.errors import ChatFormatError
from anew.chats.formats import meta, telegram, whatsapp
from anew.chats.formats.whatsapp_common import (
    HEADER,
    DatePreference,
    first_lines,
    looks_like_whatsapp,
)
from anew.chats.model import Chat
from anew.chats.reading import (
    DEFAULT_MAX_BYTES,
    SQLITE_MAGIC,
    CountedReader,
    ReadAhead,
    ReadProgress,
    Source,
    decode_text,
    looks_like_sms_backup,
    read_head,
    read_source,
    text_encoding,
)

# Enough of a file to tell its format; a large plain UTF-8 WhatsApp export is never decoded whole.
HEAD_BYTES = 64 * 1024
SIGNAL_HEADER = r"^\[[0-9]{4}-[0-9]{2}-[0-9]{2}, [0-9]{2}:[0-9]{2}\] "


def _json(source: Source, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        problem = (
            "the JSON ends too early (is the file cut short?)"
            if error.pos >= len(text.rstrip())
            else f"this is not valid JSON ({error.msg})"
        )
        raise ChatFormatError(source.name, problem, line=error.lineno) from None


def _is_signal(text: str) -> bool:
    """signal-export writes "[2019-12-24, 12:23] Name: text": ISO dates, no seconds, brackets."""
    head = pl.Series(first_lines(text, 20), dtype=pl.String)
    headers = head.filter(head.str.contains(HEADER))
    return not headers.is_empty() and bool(headers.str.contains(SIGNAL_HEADER).all())


def _is_json(text: str) -> bool:
    """A JSON document, not an iOS WhatsApp line such as "[30/01/19, 20:49:05] ..."."""
    stripped = text.lstrip("\ufeff \t\r\n")
    return stripped.startswith("{") or (stripped.startswith("[") and not stripped[1:2].isdigit())


def parse_text(
    source: Source,
    *,
    prefer: DatePreference = None,
    keep_text: bool = False,
    chat_name: str | None = None,
    me: str = "Me",
) -> Chat:
    """Parse one file's bytes into a Chat."""
    if source.data.startswith(SQLITE_MAGIC):
        raise ChatFormatError(source.name, "give a Messages database as a file, not inside a zip")
    if looks_like_sms_backup(source.data):
        from anew.chats.formats import sms  # only for its files, see load_chat

        handle = io.BytesIO(source.data)
        return sms.parse(handle, source=source.name, me=me, contact=chat_name, keep_text=keep_text)
    utf8 = _utf8_bytes(source.data)
    start = _start(utf8) if utf8 is not None and len(utf8) > HEAD_BYTES else None
    whole = start is None or start.isspace() or _is_json(start)
    text = start if start is not None and not whole else decode_text(source)
    if text.isspace() or not text:
        raise ChatFormatError(source.name, "the file is empty")
    if _is_json(text):
        document = _json(source, text)
        if telegram.looks_like_telegram(document):
            return telegram.parse(
                document, source=source.name, keep_text=keep_text, chat_name=chat_name
            )
        if meta.looks_like_meta(document):
            documents = [document, *(_meta_part(part) for part in source.parts)]
            return meta.parse(documents, source=source.name, keep_text=keep_text)
        raise ChatFormatError(
            source.name, "this JSON is not a Telegram, Messenger or Instagram export"
        )
    if looks_like_whatsapp(text):
        # A UTF-8 file's own bytes (after any byte-order mark) are read by the parser directly;
        # the text is decoded (and checked) only if it needs it.
        chat = whatsapp.parse(
            text if whole else (lambda: decode_text(source)),
            source=source.name,
            prefer=prefer,
            keep_text=keep_text,
            utf8=utf8,
            scanned=source.scanned,
        )
        if _is_signal(text):
            return Chat(format="signal", messages=chat.messages, title=chat.title)
        return chat
    raise ChatFormatError(
        source.name,
        "this is not a chat export Anew can read "
        "(WhatsApp .txt, Telegram, Messenger, Instagram or Signal)",
        line=1,
    )


def load_chat(
    path: Path,
    *,
    prefer: DatePreference = None,
    keep_text: bool = False,
    chat_name: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    me: str = "Me",
    on_read: ReadProgress | None = None,
    ahead: ReadAhead | None = None,
) -> Chat:
    """Load a file, a zip export, or a folder of message_N.json parts of one thread.

    `me` names the owner's side where the export knows it (SMS backups, iMessage); `chat_name` picks
    one chat (Telegram), contact (SMS) or conversation (iMessage) from an export that holds many;
    `ahead` is the file read ahead (see ReadAhead).

    The SMS and iMessage readers (with the XML and SQLite modules they need) are imported only
    for their files: `anew analyze` on any other export starts without them.
    """
    if path.is_dir():
        return _load_parts(path, keep_text=keep_text, max_bytes=max_bytes)
    head = read_head(path)
    if head.startswith(SQLITE_MAGIC):
        from anew.chats.formats import imessage

        return imessage.parse(
            path, source=str(path), me=me, chat_name=chat_name, keep_text=keep_text
        )
    if looks_like_sms_backup(head):  # streamed: no size limit, memory stays flat
        from anew.chats.formats import sms

        with path.open("rb") as handle:
            size = path.stat().st_size
            stream = CountedReader(handle, size, on_read) if on_read else handle
            return sms.parse(
                stream, source=str(path), me=me, contact=chat_name, keep_text=keep_text
            )
    source = read_source(path, max_bytes=max_bytes, on_read=on_read, ahead=ahead)
    return parse_text(source, prefer=prefer, keep_text=keep_text, chat_name=chat_name, me=me)


def _utf8_bytes(data: bytes) -> bytes | None:
    """A UTF-8 file's bytes without its byte-order mark, if it has one (None for UTF-16): what
    the WhatsApp parser reads directly, without decoding the whole file."""
    encoding = text_encoding(data)
    if encoding == "utf-8-sig":
        return data[len(codecs.BOM_UTF8) :]
    return data if encoding == "utf-8" else None


def _start(data: bytes) -> str | None:
    """The first HEAD_BYTES of UTF-8 bytes as text (a character cut in two at the end left
    out), or None when they are not UTF-8."""
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(data[:HEAD_BYTES])
    except UnicodeDecodeError:
        return None


def _meta_part(part: Source) -> Any:
    document = _json(part, decode_text(part))
    if not meta.looks_like_meta(document):
        raise ChatFormatError(part.name, "this is not a Messenger or Instagram message file")
    return document


def _load_parts(folder: Path, *, keep_text: bool, max_bytes: int) -> Chat:
    parts = sorted(folder.glob("message_*.json"))
    if not parts:
        raise ChatFormatError(str(folder), "this folder holds no message_N.json files")
    documents = [_meta_part(read_source(part, max_bytes=max_bytes)) for part in parts]
    return meta.parse(documents, source=str(folder), keep_text=keep_text)
