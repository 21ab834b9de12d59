"""Messenger and Instagram JSON exports (message_N.json), and Messenger's newer E2EE export.

A thread comes in one file or in several parts (message_1.json, message_2.json, ...), given as a
folder or found side by side in a zip. FORMAT is their entry in the registry.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from anew.chats.errors import ChatFormatError
from anew.chats.formats.chat_file import ChatFile, ReadOptions, json_document
from anew.chats.formats.meta_notices import NoticeReader
from anew.chats.model import Chat, Kind, SetAside, from_rows
from anew.chats.reading import Source, decode_text, read_source

MEDIA_KEYS = ("photos", "videos", "audio_files", "gifs", "sticker", "files", "share")


def repair(text: str) -> str:
    """Undo Meta's export bug: UTF-8 bytes written as if each were a latin-1 character."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text  # already proper text


def looks_like_meta(document: Any) -> bool:
    """Messenger/Instagram: "messages" entries with sender_name; E2EE: senderName and timestamp."""
    if not isinstance(document, dict) or not isinstance(document.get("messages"), list):
        return False
    sample = [m for m in document["messages"][:50] if isinstance(m, dict)]
    return bool(sample) and all(("sender_name" in m) or ("senderName" in m) for m in sample)


Row = tuple[datetime, str, str, str]


def _entry(entry: dict[str, Any], where: str, source: str, notices: NoticeReader) -> Row | str:
    """The entry's row, or the kind of notice it is (see meta_notices)."""
    stamp = entry.get("timestamp_ms", entry.get("timestamp"))
    if not isinstance(stamp, int | float):
        raise ChatFormatError(source, "this message has no timestamp", at=where)
    try:
        when = datetime.fromtimestamp(stamp / 1000, UTC).replace(tzinfo=None)
    except (OverflowError, OSError, ValueError):  # found by fuzzing: a year past 9999
        raise ChatFormatError(
            source, "this message's timestamp is out of range", at=where
        ) from None
    if "senderName" in entry:  # the E2EE export is written in proper UTF-8
        sender, text = str(entry["senderName"]), str(entry.get("text") or "")
        media = bool(entry.get("media"))
    else:
        sender = repair(str(entry["sender_name"]))
        text = repair(str(entry.get("content") or ""))
        media = any(key in entry for key in MEDIA_KEYS)
    notice = notices.kind(entry, text)
    if notice is not None:
        return notice
    if entry.get("is_unsent"):
        return when, sender, Kind.DELETED.value, ""
    return when, sender, Kind.MEDIA.value if media and not text else Kind.TEXT.value, text


def _strings(value: Any, depth: int = 0) -> list[str]:
    """The strings inside a JSON value, a few levels deep: media paths, links, thread path."""
    if isinstance(value, str):
        return [value]
    if depth > 3:
        return []
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in _strings(item, depth + 1)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item, depth + 1)]
    return []


def which_app(documents: list[Any], source: str) -> str:
    """Instagram or Messenger: both write the same JSON, but their media paths, share links and
    thread paths name the app ("your_instagram_activity/...", "instagram.com/p/...",
    "your_facebook_activity/..."). Without such a trace, the folder or zip it came in decides
    ("instagram-name-2026-11-27.zip", ".../instagram/message_1.json"); Messenger is the default."""
    for document in documents:
        clues = [document.get("thread_path")]
        clues += [
            {key: entry.get(key) for key in MEDIA_KEYS}
            for entry in document["messages"][:500]
            if isinstance(entry, dict)
        ]
        for text in _strings(clues):
            lowered = text.lower()
            if "instagram" in lowered:
                return "instagram"
            if "facebook" in lowered or "messenger" in lowered:
                return "messenger"
    folders = re.split(r"[/\\!]", source.lower())
    found_in_instagram = any(part.startswith(("instagram", "your_instagram")) for part in folders)
    return "instagram" if found_in_instagram else "messenger"


def parse(
    documents: list[Any], *, source: str, keep_text: bool = False, app: str | None = None
) -> Chat:
    """Merge every part of one thread (they come newest first) into one time-ordered table.
    `app` is "messenger" or "instagram"; left out, it is read from the export (`which_app`)."""
    rows: list[Row] = []
    set_aside: Counter[str] = Counter()
    notices = NoticeReader(_names(documents))
    title = ""
    for part, document in enumerate(documents):
        title = title or repair(str(document.get("title", "")))
        for index, entry in enumerate(document["messages"]):
            if isinstance(entry, dict):
                row = _entry(entry, f"part {part + 1}: messages[{index}]", source, notices)
                if isinstance(row, str):
                    set_aside[row] += 1
                else:
                    rows.append(row)
    app = app or which_app(documents, source)
    return Chat(
        format=app,
        messages=from_rows(rows, keep_text=keep_text),
        title=title,
        set_aside=SetAside(notices=dict(set_aside)),
    )


def _names(documents: list[Any]) -> set[str]:
    """Every name the thread knows: its participants and its senders, as the notices write them."""
    names: set[str] = set()
    for document in documents:
        people = document.get("participants")
        for person in people if isinstance(people, list) else []:
            name = person.get("name") if isinstance(person, dict) else person
            if isinstance(name, str):
                names.add(repair(name))
        for entry in document["messages"]:
            if isinstance(entry, dict):
                sender = entry.get("senderName", entry.get("sender_name"))
                if isinstance(sender, str):
                    names.add(sender if "senderName" in entry else repair(sender))
    return names


def _part(part: Source) -> Any:
    """The document of one more part of a thread, which must be Meta's too."""
    document = json_document(part.name, decode_text(part))
    if not looks_like_meta(document):
        raise ChatFormatError(part.name, "this is not a Messenger or Instagram message file")
    return document


def read_folder(folder: Path, options: ReadOptions, *, max_bytes: int) -> Chat:
    """A folder of one thread's message_N.json parts (as the export unpacks them), each read
    within `max_bytes`."""
    parts = sorted(folder.glob("message_*.json"))
    if not parts:
        raise ChatFormatError(str(folder), "this folder holds no message_N.json files")
    documents = [_part(read_source(part, max_bytes=max_bytes)) for part in parts]
    return parse(documents, source=str(folder), keep_text=options.keep_text)


class MetaFormat:
    """Messenger's and Instagram's message_N.json, alone or with its thread's other parts."""

    name = "Messenger or Instagram"
    files = "Messenger or Instagram message_1.json"
    in_place = False

    def sniff(self, head: ChatFile) -> bool:
        """A JSON document shaped as Meta writes one (see looks_like_meta)."""
        return head.is_json and looks_like_meta(head.document)

    def read(self, source: ChatFile, options: ReadOptions) -> Chat:
        """The whole thread: this file, and the other parts found beside it in a zip."""
        documents = [source.document, *(_part(part) for part in source.parts)]
        return parse(documents, source=source.name, keep_text=options.keep_text)


FORMAT = MetaFormat()
