"""Telegram Desktop JSON exports: one chat, or a full export holding many. FORMAT is Telegram's
entry in the registry."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

from anew.chats.errors import ChatFormatError
from anew.chats.formats.chat_file import ChatFile, ReadOptions
from anew.chats.model import Chat, Kind, SetAside, from_rows

MEDIA_KEYS = ("photo", "file", "media_type", "sticker_emoji", "poll", "location_information")

# The kind of set-aside notice (NOTICE_KINDS) of a service entry's "action", as Telegram Desktop
# writes it (its JSON export; the names also appear in public readers' test data). Any other
# action is counted as "service".
SERVICE_KINDS = {
    "phone_call": "call",
    "group_call": "call",
    "invite_to_group_call": "call",
    "group_call_scheduled": "call",
    "invite_members": "members",
    "remove_members": "members",
    "join_group_by_link": "members",
    "join_group_by_request": "members",
    "create_group": "group",
    "create_channel": "group",
    "edit_group_title": "group",
    "edit_group_photo": "group",
    "delete_group_photo": "group",
    "migrate_to_supergroup": "group",
    "migrate_from_group": "group",
    "edit_chat_theme": "group",
    "set_messages_ttl": "disappearing",
}


def looks_like_telegram(document: Any) -> bool:
    """A single-chat export has a "messages" list of typed entries; a full one has "chats"."""
    if not isinstance(document, dict):
        return False
    if isinstance(document.get("chats"), dict) and isinstance(document["chats"].get("list"), list):
        return True
    messages = document.get("messages")
    return isinstance(messages, list) and any(
        isinstance(m, dict) and "type" in m and ("from" in m or "date_unixtime" in m)
        for m in messages[:50]
    )


def flatten_text(text: Any) -> str:
    """Telegram's text is a string, or a list of strings and entity objects with a "text"."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(  # found by fuzzing: a part that is neither a string nor an object
            part if isinstance(part, str) else str(part.get("text", ""))
            for part in text
            if isinstance(part, str | dict)
        )
    return ""


def _timestamp(entry: dict[str, Any], where: str, source: str) -> datetime:
    if isinstance(entry.get("date"), str):
        try:
            return datetime.fromisoformat(entry["date"])
        except ValueError:
            raise ChatFormatError(source, "this date is not readable", at=f"{where}.date") from None
    try:
        return datetime.fromtimestamp(int(entry["date_unixtime"]), UTC).replace(tzinfo=None)
    except (KeyError, TypeError, ValueError):
        raise ChatFormatError(source, "this message has no readable date", at=where) from None
    except (OverflowError, OSError):  # found by fuzzing: a date far outside any calendar
        raise ChatFormatError(
            source, "this message's date is out of range", at=f"{where}.date_unixtime"
        ) from None


def _pick_chat(
    document: dict[str, Any], source: str, chat_name: str | None
) -> tuple[str, list[Any], str]:
    if "chats" not in document:
        return str(document.get("name", "")), document["messages"], "messages"
    chats = document["chats"].get("list") if isinstance(document["chats"], dict) else None
    if not isinstance(chats, list):
        raise ChatFormatError(source, "this export's chat list is not a list", at="chats.list")
    chats = [chat for chat in chats if isinstance(chat, dict)]  # found by fuzzing: stray values
    if chat_name is not None:
        for index, chat in enumerate(chats):
            if chat.get("name") == chat_name:
                return chat_name, chat.get("messages", []), f"chats.list[{index}].messages"
        raise ChatFormatError(source, f"there is no chat named {chat_name!r} in this export")
    with_messages = [(i, c) for i, c in enumerate(chats) if isinstance(c.get("messages"), list)]
    with_messages = [(i, c) for i, c in with_messages if c["messages"]]
    if not with_messages:
        raise ChatFormatError(source, "this Telegram export holds no messages")
    index, chat = max(with_messages, key=lambda item: len(item[1]["messages"]))
    return str(chat.get("name", "")), chat["messages"], f"chats.list[{index}].messages"


def parse(
    document: Any, *, source: str, keep_text: bool = False, chat_name: str | None = None
) -> Chat:
    """Read the messages of one chat; service entries (joins, calls, pins) are not messages."""
    title, entries, path = _pick_chat(document, source, chat_name)
    rows: list[tuple[datetime, str, str, str]] = []
    notices: Counter[str] = Counter()
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        if entry.get("type") == "service":
            notices[SERVICE_KINDS.get(str(entry.get("action")), "service")] += 1
        if entry.get("type") != "message":
            continue
        where = f"{path}[{index}]"
        sender = str(entry.get("from") or entry.get("from_id") or "Unknown")
        text = flatten_text(entry.get("text"))
        media = any(key in entry for key in MEDIA_KEYS)
        kind = Kind.MEDIA.value if media and not text else Kind.TEXT.value
        rows.append((_timestamp(entry, where, source), sender, kind, text))
    return Chat(
        format="telegram",
        messages=from_rows(rows, keep_text=keep_text),
        title=title,
        set_aside=SetAside(notices=dict(notices)),
    )


class TelegramFormat:
    """Telegram Desktop's result.json."""

    name = "Telegram"
    files = "Telegram result.json"
    in_place = False

    def sniff(self, head: ChatFile) -> bool:
        """A JSON document shaped as Telegram writes one (see looks_like_telegram)."""
        return head.is_json and looks_like_telegram(head.document)

    def read(self, source: ChatFile, options: ReadOptions) -> Chat:
        """One chat: the one named `chat_name`, or the one with the most messages."""
        return parse(
            source.document,
            source=source.name,
            keep_text=options.keep_text,
            chat_name=options.chat_name,
        )


FORMAT = TelegramFormat()
