"""The SMS Backup & Restore format's registry entry, kept apart from its reader (sms).

The reader needs the XML modules that no other format does; this entry imports it only when a
file is a backup, so `anew analyze` on any other export starts without them.
"""

from __future__ import annotations

from anew.chats.formats.chat_file import ChatFile, ReadOptions
from anew.chats.model import Chat
from anew.chats.reading import looks_like_sms_backup


class SmsBackupFormat:
    """Android's "SMS Backup & Restore" XML, streamed: a backup of any size reads in flat
    memory, with no size limit."""

    name = "SMS Backup & Restore"
    files = "an SMS Backup & Restore .xml"
    in_place = True

    def sniff(self, head: ChatFile) -> bool:
        """The start of the file shows the backup's root element."""
        return looks_like_sms_backup(head.head)

    def read(self, source: ChatFile, options: ReadOptions) -> Chat:
        """One contact's conversation (`chat_name`, or the one with the most messages)."""
        from anew.chats.formats import sms

        with source.stream() as stream:
            return sms.parse(
                stream,
                source=source.name,
                me=options.me,
                contact=options.chat_name,
                keep_text=options.keep_text,
            )


FORMAT = SmsBackupFormat()
