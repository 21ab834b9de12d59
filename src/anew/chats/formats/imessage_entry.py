"""The iMessage format's registry entry, kept apart from its reader (imessage).

The reader needs SQLite, which no other format does; this entry imports it only when a file is a
Messages database, so `anew analyze` on any other export starts without it.
"""

from __future__ import annotations

from anew.chats.errors import ChatFormatError
from anew.chats.formats.chat_file import ChatFile, ReadOptions
from anew.chats.model import Chat
from anew.chats.reading import SQLITE_MAGIC


class IMessageFormat:
    """The macOS Messages database, opened read-only where it lies."""

    name = "iMessage"
    files = "iMessage chat.db"
    in_place = True

    def sniff(self, head: ChatFile) -> bool:
        """A SQLite database (the tables are checked when it is read)."""
        return head.head.startswith(SQLITE_MAGIC)

    def read(self, source: ChatFile, options: ReadOptions) -> Chat:
        """One conversation (`chat_name`, or the one with the most messages). SQLite opens only
        a file, so a database taken out of a zip is refused."""
        if source.path is None:
            raise ChatFormatError(
                source.name, "give a Messages database as a file, not inside a zip"
            )
        from anew.chats.formats import imessage

        return imessage.parse(
            source.path,
            source=source.name,
            me=options.me,
            chat_name=options.chat_name,
            keep_text=options.keep_text,
        )


FORMAT = IMessageFormat()
