"""Reading an export's bytes safely: size limits, zip archives (and zip bombs), text encodings."""

from __future__ import annotations

import codecs
import re
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from anew.chats.errors import ChatFormatError
from anew.chats.formats.whatsapp_scan import Scan, scan
from anew.zips import DEFAULT_MAX_RATIO, SafeZip, ZipLimits, ZipRefused, open_zip

DEFAULT_MAX_BYTES = 512 * 1024 * 1024
SQLITE_MAGIC = b"SQLite format 3\x00"
HEAD_SIZE = 4096  # enough to tell a file that is opened in place from one that is read whole
CHAT_SUFFIXES = (".txt", ".json", ".xml", ".md")


@dataclass(frozen=True)
class Source:
    """The bytes of one chat file and the name to use in messages about it.

    `parts` holds the other message_N.json files of the same thread when a zip carries several;
    `scanned` what the compiled WhatsApp scanner made of `data`, when it has seen them already.
    """

    name: str
    data: bytes
    parts: tuple[Source, ...] = ()
    scanned: Scan | None = None


PART_NAME = re.compile(r"^message_\d+\.json$")


def _pick_member(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo:
    candidates = [
        info
        for info in archive.infolist()
        if info.filename  # found by fuzzing: zipfile's is_dir() fails on an empty name
        and not info.is_dir()
        and PurePosixPath(info.filename).suffix.lower() in CHAT_SUFFIXES
        and not PurePosixPath(info.filename).name.startswith(".")
    ]
    if not candidates:
        raise ChatFormatError(
            name, "this zip file holds no chat (no .txt, .json or .xml file in it)"
        )

    def preference(info: zipfile.ZipInfo) -> tuple[int, int]:
        base = PurePosixPath(info.filename).name.lower()
        is_chat = base == "_chat.txt" or base.startswith("whatsapp chat") or base == "result.json"
        return (0 if is_chat else 1, -info.file_size)

    return sorted(candidates, key=preference)[0]


def chat_zip_limits(max_bytes: int, max_ratio: int = DEFAULT_MAX_RATIO) -> ZipLimits:
    """A chat zip: its chat within `max_bytes`, the whole zip (photos too) within 4 times that."""
    return ZipLimits(max_bytes, max_bytes * 4, max_ratio=max_ratio, what="any chat")


def _read_zip(path: Path, max_bytes: int, max_ratio: int) -> Source:
    name = str(path)
    try:
        with open_zip(path, name, chat_zip_limits(max_bytes, max_ratio)) as archive:
            return _read_chat(archive, max_bytes)
    except ZipRefused as error:
        raise ChatFormatError(error.where, error.problem) from None


def _read_chat(archive: SafeZip, max_bytes: int) -> Source:
    member = _pick_member(archive.archive, archive.name)
    source = Source(archive.where(member), archive.read(member))
    folder = PurePosixPath(member.filename).parent
    siblings = [
        info
        for info in archive.infolist()
        if info is not member
        and PurePosixPath(info.filename).parent == folder
        and PART_NAME.match(PurePosixPath(info.filename).name)
    ]
    if not PART_NAME.match(PurePosixPath(member.filename).name) or not siblings:
        return source
    parts = tuple(Source(archive.where(info), archive.read(info)) for info in siblings)
    if sum(len(part.data) for part in (source, *parts)) > max_bytes:
        raise ChatFormatError(archive.name, f"the chat is over the {_mb(max_bytes)} limit")
    return Source(source.name, source.data, parts)


def _mb(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"


ReadProgress = Callable[[int, int], None]
CHUNK = 8 * 1024 * 1024


def _read_file(path: Path, size: int, on_read: ReadProgress | None) -> bytes:
    if on_read is None:
        return path.read_bytes()
    chunks: list[bytes] = []
    done = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            chunks.append(chunk)
            done += len(chunk)
            on_read(min(done, size), size)
    on_read(size, size)
    return b"".join(chunks)


class CountedReader:
    """A file handle that tells `on_read` how far a streaming parser (SMS backups) has read."""

    def __init__(self, handle: BinaryIO, size: int, on_read: ReadProgress) -> None:
        self._handle, self._size, self._on_read, self._done = handle, size, on_read, 0

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self._done += len(data)
        self._on_read(min(self._done, self._size), self._size)
        return data


def read_head(path: Path) -> bytes:
    """The first bytes of a file (none for a folder or a missing file)."""
    if not path.is_file():
        return b""  # read_source names the problem
    with path.open("rb") as handle:
        return handle.read(HEAD_SIZE)


def looks_like_sms_backup(head: bytes) -> bool:
    """The start of the file shows the "SMS Backup & Restore" root element."""
    return b"<smses" in head[:HEAD_SIZE]


def read_in_place(head: bytes) -> bool:
    """A Messages database is opened where it lies and an SMS backup is streamed; every other
    export is read whole."""
    return head.startswith(SQLITE_MAGIC) or looks_like_sms_backup(head)


class ReadAhead:
    """An export's bytes, read and scanned on a thread of its own while the rest of the program
    starts.

    `anew analyze` starts one before it imports Polars: the import keeps one core busy for about
    0.15 s, while reading a large export (about 0.04 s for 60 MB) waits in the kernel and the
    compiled WhatsApp scan (whatsapp_scan, about 0.2 s for a million messages) runs without
    holding the interpreter. `read_source` takes the bytes and their scan when the file still has
    the size it had; anything odd (a read that failed, a file that changed) is read again as
    usual, so errors are reported exactly as without it. A file that is not a WhatsApp export
    costs the scan one pass checking that its bytes are UTF-8, and it gives up at the first line.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: bytes | None = None
        self._scan: Scan | None = None
        self._thread = threading.Thread(target=self._read, name="anew-read-ahead", daemon=True)
        self._thread.start()

    @classmethod
    def start(cls, path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadAhead | None:
        """Start reading a file that `read_source` would read whole; None for anything else (a
        folder, a zip, a file that is opened in place or is over the limit)."""
        try:
            if not path.is_file() or zipfile.is_zipfile(path):
                return None
            size = path.stat().st_size
            if size == 0 or size > max_bytes or read_in_place(read_head(path)):
                return None
        except OSError:
            return None
        return cls(path)

    def _read(self) -> None:
        try:
            data = self.path.read_bytes()
        except OSError:
            return
        self._data = data
        self._scan = scan(data)

    def take(self, path: Path, size: int) -> tuple[bytes, Scan | None] | None:
        """The bytes read ahead and their scan, when they are of this file at this size (once:
        they are let go here, so only the caller keeps them)."""
        self._thread.join()
        data, found, self._data, self._scan = self._data, self._scan, None, None
        if path != self.path or data is None or len(data) != size:
            return None
        return data, found


def read_source(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_ratio: int = DEFAULT_MAX_RATIO,
    on_read: ReadProgress | None = None,
    ahead: ReadAhead | None = None,
) -> Source:
    """The chat file's bytes, opening a zip export (within `chat_zip_limits`) and picking its chat
    file. `on_read` hears (bytes read, bytes in all) as a plain file comes in, and once more when
    it is all read; `ahead` may hold them already."""
    name = str(path)
    if not path.is_file():
        raise ChatFormatError(name, "no such file")
    size = path.stat().st_size
    if size == 0:
        raise ChatFormatError(name, "the file is empty")
    if zipfile.is_zipfile(path):
        source = _read_zip(path, max_bytes, max_ratio)
        if on_read is not None:
            on_read(size, size)
        return source
    if size > max_bytes:
        raise ChatFormatError(name, f"the file is over the {_mb(max_bytes)} limit")
    taken = ahead.take(path, size) if ahead is not None else None
    if taken is None:
        return Source(name, _read_file(path, size, on_read))
    if on_read is not None:
        on_read(size, size)
    data, found = taken
    return Source(name, data, scanned=found)


def text_encoding(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16, from the first bytes."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if len(data) >= 4 and data[1] == 0 and data[3] == 0 and data[0] != 0:
        return "utf-16-le"  # UTF-16 written without a byte-order mark
    if len(data) >= 4 and data[0] == 0 and data[2] == 0 and data[1] != 0:
        return "utf-16-be"  # the same, most significant byte first
    return "utf-8"


def decode_text(source: Source) -> str:
    """Text from UTF-8 (with or without BOM) or UTF-16; anything else is named as not text."""
    data = source.data
    encoding = text_encoding(data)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ChatFormatError(
            source.name, "this is not a text export (it holds bytes that are not text)", line=line
        ) from None
