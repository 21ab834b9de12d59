"""Every chat format Anew reads, in one ordered registry, and how a file's format is found.

The file's content decides, never its name. loading walks FORMATS to find the format; the "not a
chat export" error, `anew analyze --help` and the upload page's hint (supported_files) are made
from FORMATS, so none of them falls behind it.

Adding a format is one module plus its tests. The module (formats/<name>.py; telegram.py is a
short example) holds the reader and a small class that meets ChatFormat below: the name she
knows the app by, the file she gives in a few words, a sniff and a read; it exports an instance as
FORMAT, which goes into FORMATS here. The sniff must be cheap and say yes to its own files only:
it looks at the first bytes (`head.head`) or at the text or JSON document, which the ChatFile
makes once and keeps for the other sniffs and for the read, so finding the format costs no pass
over the bytes. The read raises ChatFormatError naming the file and the line or field. Tests go
in tests/chats/test_<name>.py, with a real or made-up export beside them under tests/chats/data/
(a real one from another project under tests/data/chats/, with a README naming its source and
licence); tests/chats/test_registry.py and tests/test_cli_analyze.py check that the hint, the
error and the help name every format. One sentence is still written by hand: the error for a JSON
document no format takes names the JSON formats (_not_a_chat).

Formats told by their first bytes and read where the file lies, never read whole (`in_place`: a
Messages database opened in place, an SMS backup streamed), are asked first, before the file is
read at all; a file taken out of a zip is asked in the same order. Such a format must be known to
reading.read_in_place too, which decides before any format module is imported whether a file is
read ahead. A format whose reader needs a module no other one does (XML, SQLite) keeps its entry
in a module of its own and imports the reader inside `read` (sms_entry, imessage_entry), so that
other files are read without it. The other formats are asked in the order below, and the first to
say yes reads the file; their sniffs say no to each other's files (a JSON document is never a
WhatsApp export, and Signal's layout is not WhatsApp's), so the order only settles a file that
two could take: Telegram's before Messenger's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from anew.chats.errors import ChatFormatError
from anew.chats.formats import imessage_entry, meta, signal, sms_entry, telegram, whatsapp
from anew.chats.formats.chat_file import ChatFile, ReadOptions
from anew.chats.model import Chat


class ChatFormat(Protocol):
    """One export format: what it is called, how it is told, and how it is read."""

    name: str  # the app as she knows it: "WhatsApp"
    files: str  # the file she gives, in a few words: "WhatsApp .txt or .zip"
    in_place: bool  # told by its first bytes and read where the file lies (see above)

    def sniff(self, head: ChatFile) -> bool:
        """Whether the file looks like this format, from its start (see ChatFile)."""
        ...

    def read(self, source: ChatFile, options: ReadOptions) -> Chat:
        """The chat in the file; raises ChatFormatError naming the file and where."""
        ...


FORMATS: tuple[ChatFormat, ...] = (
    whatsapp.FORMAT,
    telegram.FORMAT,
    meta.FORMAT,
    signal.FORMAT,
    imessage_entry.FORMAT,
    sms_entry.FORMAT,
)


def opened_in_place(file: ChatFile) -> ChatFormat | None:
    """The format of a file that is told by its first bytes and read where it lies, if it is one."""
    return next((found for found in FORMATS if found.in_place and found.sniff(file)), None)


def find_format(file: ChatFile) -> ChatFormat:
    """The format of a file whose bytes are read; raises ChatFormatError saying why it has none."""
    found = opened_in_place(file) or next(
        (found for found in FORMATS if not found.in_place and found.sniff(file)), None
    )
    if found is None:
        raise _not_a_chat(file)
    return found


def supported_files() -> str:
    """The files Anew reads, as one sentence for the upload page and the command line's help:
    "WhatsApp .txt or .zip, Telegram result.json, ..., or an SMS Backup & Restore .xml."."""
    return _in_words(found.files for found in FORMATS) + "."


def _not_a_chat(file: ChatFile) -> ChatFormatError:
    """Why no format took the file: it is blank, a JSON document of another app, or no chat."""
    text = file.text
    if text.isspace() or not text:
        return ChatFormatError(file.name, "the file is empty")
    if file.is_json:
        return ChatFormatError(
            file.name, "this JSON is not a Telegram, Messenger or Instagram export"
        )
    listed = _in_words(found.files for found in FORMATS)
    return ChatFormatError(file.name, f"this is not a chat export Anew can read ({listed})", line=1)


def _in_words(items: Iterable[str]) -> str:
    """The items as a list in words, "a, b, or c": with the comma before "or", as some items
    hold an "or" of their own ("WhatsApp .txt or .zip")."""
    words = list(items)
    return ", ".join(words[:-1]) + ", or " + words[-1] if len(words) > 1 else "".join(words)
