"""Open any supported export: find its format from the content, never from the file name.

The formats and the order they are asked in are formats.registry's; this module takes a path (a
file, a zip export, or a folder of parts) to the bytes or the place the format reads from.
"""

from __future__ import annotations

from pathlib import Path

from anew.chats.formats import meta
from anew.chats.formats.chat_file import ChatFile, DatePreference, ReadOptions
from anew.chats.formats.registry import find_format, opened_in_place
from anew.chats.model import Chat
from anew.chats.reading import (
    DEFAULT_MAX_BYTES,
    ReadAhead,
    ReadProgress,
    Source,
    read_source,
)
from anew.zips import DEFAULT_MAX_RATIO


def parse_text(
    source: Source,
    *,
    prefer: DatePreference = None,
    keep_text: bool = False,
    chat_name: str | None = None,
    me: str = "Me",
) -> Chat:
    """Parse one file's bytes (a file read whole, or one taken out of a zip) into a Chat."""
    options = ReadOptions(prefer=prefer, keep_text=keep_text, chat_name=chat_name, me=me)
    return _read(ChatFile.in_memory(source), options)


def load_chat(
    path: Path,
    *,
    prefer: DatePreference = None,
    keep_text: bool = False,
    chat_name: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_ratio: int = DEFAULT_MAX_RATIO,
    me: str = "Me",
    on_read: ReadProgress | None = None,
    ahead: ReadAhead | None = None,
) -> Chat:
    """Load a file, a zip export, or a folder of message_N.json parts of one thread.

    `me` names the owner's side where the export knows it (SMS backups, iMessage); `chat_name` picks
    one chat (Telegram), contact (SMS) or conversation (iMessage) from an export that holds many;
    `ahead` is the file read ahead (see ReadAhead).

    A Messages database is opened where it lies and an SMS backup is streamed (no size limit,
    memory stays flat); every other file is read whole, within `max_bytes` (a zip
    also within `max_ratio`). The SMS and iMessage
    readers (with the XML and SQLite modules they need) are imported only for their files:
    `anew analyze` on any other export starts without them.
    """
    options = ReadOptions(prefer=prefer, keep_text=keep_text, chat_name=chat_name, me=me)
    if path.is_dir():
        return meta.read_folder(path, options, max_bytes=max_bytes)
    on_disk = ChatFile.on_disk(path, on_read=on_read)
    in_place = opened_in_place(on_disk)
    if in_place is not None:
        return in_place.read(on_disk, options)
    source = read_source(
        path, max_bytes=max_bytes, max_ratio=max_ratio, on_read=on_read, ahead=ahead
    )
    return _read(ChatFile.in_memory(source), options)


def _read(file: ChatFile, options: ReadOptions) -> Chat:
    return find_format(file).read(file, options)
