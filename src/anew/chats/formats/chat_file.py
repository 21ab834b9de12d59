"""One file given to Anew, as the chat formats look at it, and the options they read it with.

The formats (registry.FORMATS) are asked in turn whether a file is theirs, and the one that says
yes reads it. Each view of the file here (its first bytes, its text, its JSON document) is made
once, when a format first asks for it, and kept for the next: telling the format adds no pass over
the bytes and no second decode. This module imports no Polars and no format.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, BinaryIO, Literal

from anew.chats.errors import ChatFormatError
from anew.chats.formats.whatsapp_scan import Scan
from anew.chats.reading import (
    HEAD_SIZE,
    CountedReader,
    ReadProgress,
    Source,
    decode_text,
    read_head,
    text_encoding,
)

# Enough of a file's text to tell its format; a large plain UTF-8 WhatsApp export is never
# decoded whole.
HEAD_BYTES = 64 * 1024

DatePreference = Literal["dayfirst", "monthfirst"] | None


@dataclass(frozen=True)
class ReadOptions:
    """What she told Anew about the file, for the formats that need it: which of day and month
    comes first where the dates can't say (`prefer`), whether the texts are kept, which chat or
    contact of an export of many (`chat_name`), and her own name where the export knows which side
    is hers (`me`: SMS backups, iMessage)."""

    prefer: DatePreference = None
    keep_text: bool = False
    chat_name: str | None = None
    me: str = "Me"


def looks_like_json(text: str) -> bool:
    """A JSON document, not an iOS WhatsApp line such as "[30/01/19, 20:49:05] ..."."""
    stripped = text.lstrip("\ufeff \t\r\n")
    return stripped.startswith("{") or (stripped.startswith("[") and not stripped[1:2].isdigit())


def json_document(name: str, text: str) -> Any:
    """The JSON document in a file's text; a broken one is named with its line."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        problem = (
            "the JSON ends too early (is the file cut short?)"
            if error.pos >= len(text.rstrip())
            else f"this is not valid JSON ({error.msg})"
        )
        raise ChatFormatError(name, problem, line=error.lineno) from None
    except RecursionError:  # a real export nests a few levels; thousands are made to crash us
        raise ChatFormatError(
            name, "this JSON is nested far deeper than any chat export; it can't be read"
        ) from None


class ChatFile:
    """One file given to Anew: its name and first bytes, and either the whole of its bytes (a
    file read whole, or one taken out of a zip) or where it lies (a file that is opened in place,
    see registry.ChatFormat.in_place)."""

    def __init__(
        self,
        name: str,
        head: bytes,
        *,
        source: Source | None = None,
        path: Path | None = None,
        on_read: ReadProgress | None = None,
    ) -> None:
        self.name = name
        self.head = head
        self.source = source
        self.path = path
        self._on_read = on_read
        self._whole_text: str | None = None

    @classmethod
    def on_disk(cls, path: Path, *, on_read: ReadProgress | None = None) -> ChatFile:
        """A file where it lies, of which only the first bytes are read: enough for the formats
        that are opened in place to tell theirs. `on_read` hears how far a stream has read."""
        return cls(str(path), read_head(path), path=path, on_read=on_read)

    @classmethod
    def in_memory(cls, source: Source) -> ChatFile:
        """A file whose bytes are all read."""
        return cls(source.name, source.data[:HEAD_SIZE], source=source)

    @property
    def data(self) -> bytes:
        """The whole file's bytes; only a file in memory has them."""
        return self._read().data

    def _read(self) -> Source:
        if self.source is None:  # a caller's mistake: only in-place formats see such a file
            raise ValueError(f"{self.name} is opened where it lies; its bytes were not read")
        return self.source

    @property
    def parts(self) -> tuple[Source, ...]:
        """The other message_N.json parts of the same thread found beside the file in a zip."""
        return () if self.source is None else self.source.parts

    @property
    def scanned(self) -> Scan | None:
        """What the compiled WhatsApp scanner made of the bytes, if it has seen them already."""
        return None if self.source is None else self.source.scanned

    @cached_property
    def utf8(self) -> bytes | None:
        """A UTF-8 file's bytes without its byte-order mark, if it has one (None for UTF-16):
        what the WhatsApp parser reads directly, without decoding the whole file."""
        encoding = text_encoding(self.data)
        if encoding == "utf-8-sig":
            return self.data[len(codecs.BOM_UTF8) :]
        return self.data if encoding == "utf-8" else None

    @cached_property
    def text(self) -> str:
        """The text the formats are told by: the start of a large UTF-8 file where that tells
        (see `whole`), else the whole text. Raises ChatFormatError when the file is not text."""
        start = self._start
        return self.whole_text() if start is None else start

    @property
    def whole(self) -> bool:
        """Whether `text` is the whole file's text."""
        return self._start is None

    @cached_property
    def _start(self) -> str | None:
        """The first HEAD_BYTES of a large UTF-8 file as text (a character cut in two at the end
        left out), where they tell its format: not when they are not UTF-8, nor blank (the
        messages start further on), nor the start of a JSON document (which is read whole)."""
        utf8 = self.utf8
        if utf8 is None or len(utf8) <= HEAD_BYTES:
            return None
        try:
            start = codecs.getincrementaldecoder("utf-8")().decode(utf8[:HEAD_BYTES])
        except UnicodeDecodeError:
            return None
        return None if start.isspace() or looks_like_json(start) else start

    def whole_text(self) -> str:
        """The whole file as text, decoded once (UTF-8 with or without BOM, or UTF-16); bytes
        that are not text are named with their line."""
        if self._whole_text is None:
            self._whole_text = decode_text(self._read())
        return self._whole_text

    @cached_property
    def is_json(self) -> bool:
        """Whether the text is a JSON document."""
        return looks_like_json(self.text)

    @cached_property
    def document(self) -> Any:
        """The file's JSON document, parsed once."""
        return json_document(self.name, self.whole_text())

    @contextmanager
    def stream(self) -> Iterator[BinaryIO | CountedReader]:
        """The file's bytes as a stream: from where it lies (and `on_read` hears how far it has
        come), or from memory."""
        if self.path is None:
            yield io.BytesIO(self.data)
            return
        with self.path.open("rb") as handle:
            size = self.path.stat().st_size
            yield CountedReader(handle, size, self._on_read) if self._on_read else handle
