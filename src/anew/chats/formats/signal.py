"""Signal's text export (made with signal-export), read by the WhatsApp parser.

signal-export writes layouts WhatsApp uses too ("[2019-12-24, 12:23] Name: text" and, since 2022,
"[2024-03-01 12:00:05] Name: text"), so the messages are WhatsApp's road's; only the chat is
Signal's. whatsapp_common tells the two apart, for this sniff and WhatsApp's alike; its dates,
year first, are never ambiguous.
"""

from __future__ import annotations

from anew.chats.formats import whatsapp
from anew.chats.formats.chat_file import ChatFile, ReadOptions
from anew.chats.formats.whatsapp_common import looks_like_signal, looks_like_whatsapp
from anew.chats.model import Chat


class SignalFormat:
    """signal-export's text file."""

    name = "Signal"
    files = "Signal"
    in_place = False

    def sniff(self, head: ChatFile) -> bool:
        """Message headers among the first lines, every one written as signal-export does."""
        if head.is_json:
            return False
        text = head.text
        return looks_like_whatsapp(text) and looks_like_signal(text)

    def read(self, source: ChatFile, options: ReadOptions) -> Chat:
        """The messages as WhatsApp's parser reads them, as a Signal chat."""
        chat = whatsapp.FORMAT.read(source, options)
        return Chat(format="signal", messages=chat.messages, title=chat.title)


FORMAT = SignalFormat()
