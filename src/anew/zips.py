"""Zips from outside (chat exports, her data archive, backups), opened with limits.

A zip's headers are the sender's word: a member may say 1 KB and unpack to 1 GB. So each member's
size, the archive's total and the compression ratio are checked twice, on the headers when the zip
is opened and on the bytes actually unpacked while it is read, and reading stops at the first byte
over a limit.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Collection, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

MB = 1024 * 1024
DEFAULT_MAX_RATIO = 100  # real exports compress text 3-10x and media barely at all
RATIO_FLOOR = MB  # a small file may compress very well (a file of blank lines); only size hurts
CHUNK = 1024 * 1024
Member = str | zipfile.ZipInfo


class ZipRefused(ValueError):
    """A zip, or one file in it, is refused; `where` names the zip and the member."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class ZipLimits:
    """How much one member and the whole zip may unpack to, and how well a member may compress.
    `what` names what the zip should be, for the message ("any chat", "an Anew archive")."""

    max_member_bytes: int
    max_total_bytes: int
    max_ratio: int = DEFAULT_MAX_RATIO
    what: str = "a file of this kind"


def _mb(size: int) -> str:
    return f"{max(size // MB, 1)} MB"


@dataclass
class SafeZip:
    """An open zip whose members are read through the limits; use it as a context manager."""

    archive: zipfile.ZipFile
    name: str
    limits: ZipLimits
    unpacked: int = field(default=0)
    taken: set[str] = field(default_factory=set)

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *_: object) -> None:
        self.archive.close()

    def infolist(self) -> list[zipfile.ZipInfo]:
        """The members, as the zip lists them."""
        return self.archive.infolist()

    def namelist(self) -> list[str]:
        """The members' names."""
        return self.archive.namelist()

    def where(self, member: Member) -> str:
        """The zip and the member, as messages name them: `archive.zip!checkins.json`."""
        filename = member.filename if isinstance(member, zipfile.ZipInfo) else member
        return f"{self.name}!{filename}"

    def read(self, member: Member) -> bytes:
        """The member's bytes, read a chunk at a time and never past a limit. KeyError when the
        zip has no such member."""
        info = self._info(member)
        # Gathered in a BytesIO, whose value is handed over without a copy: joining a list of
        # chunks would hold the member twice at the end.
        gathered = io.BytesIO()
        done = 0
        with self._member_errors(info), self.archive.open(info) as handle:
            while chunk := handle.read(CHUNK):
                done += len(chunk)
                self._count(info, done, len(chunk))
                gathered.write(chunk)
        return gathered.getvalue()

    def read_once(self, member: Member) -> bytes:
        """The member's bytes, as `read`, refusing a member asked for a second time: a file
        that many rows name would be unpacked (and worked on) once for each."""
        info = self._info(member)
        if info.filename in self.taken:
            raise ZipRefused(self.where(info), "this file is named by more than one row")
        self.taken.add(info.filename)
        return self.read(info)

    def head(self, member: Member, size: int) -> bytes:
        """The first `size` bytes of the member (or all of it, when shorter): a peek at how it
        is written, counted against nothing, as it never holds more than `size`."""
        info = self._info(member)
        with self._member_errors(info), self.archive.open(info) as handle:
            return handle.read(size)

    def lines(self, member: Member, *, max_line: int) -> Generator[bytes, None, None]:
        """The member's lines one at a time, none longer than `max_line`. Memory stays flat, so
        the member may be larger than one file held whole may be: the zip's total and the
        compression ratio still hold."""
        info = self._info(member)
        done = 0
        with self._member_errors(info), self.archive.open(info) as handle:
            while line := handle.readline(max_line + 1):
                if len(line) > max_line:
                    raise ZipRefused(self.where(info), f"a line is over {_mb(max_line)}; refused")
                done += len(line)
                self._count(info, done, len(line), whole=False)
                yield line

    def _info(self, member: Member) -> zipfile.ZipInfo:
        return member if isinstance(member, zipfile.ZipInfo) else self.archive.getinfo(member)

    @contextmanager
    def _member_errors(self, info: zipfile.ZipInfo) -> Iterator[None]:
        """zipfile's ways of failing on a member, each turned into a sentence naming it."""
        where = self.where(info)
        try:
            yield
        except ZipRefused:
            raise
        # A damaged member only shows when it is read (a bad CRC, cut-off data).
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as error:
            raise ZipRefused(where, f"this file in the zip is damaged ({error})") from None
        except NotImplementedError:
            raise ZipRefused(where, "this file is packed in a way Anew cannot unpack") from None
        except RuntimeError:  # zipfile's word for an encrypted member
            raise ZipRefused(
                where, "this file is password-protected; export it again without a password"
            ) from None

    def _count(self, info: zipfile.ZipInfo, done: int, more: int, *, whole: bool = True) -> None:
        self.unpacked += more
        check(self.limits, self.where(info), done, info.compress_size, whole=whole)
        if self.unpacked > self.limits.max_total_bytes:
            raise ZipRefused(self.name, _too_much(self.limits))


def _too_much(limits: ZipLimits) -> str:
    return (
        f"this zip file unpacks to far more than {limits.what} "
        f"(over {_mb(limits.max_total_bytes)}); refused"
    )


def check(limits: ZipLimits, where: str, size: int, compressed: int, *, whole: bool = True) -> None:
    """Refuse one member of `size` bytes (declared or unpacked so far) over a limit; a member
    read line by line (`whole=False`) is never held whole, so only its ratio counts here."""
    if whole and size > limits.max_member_bytes:
        raise ZipRefused(
            where, f"this file unpacks to more than {_mb(limits.max_member_bytes)}, the limit here"
        )
    if size > RATIO_FLOOR and size > limits.max_ratio * max(compressed, 1):
        raise ZipRefused(where, "this file is compressed suspiciously well (a zip bomb?)")


def open_zip(
    source: str | Path | IO[bytes],
    name: str,
    limits: ZipLimits,
    *,
    by_line: Collection[str] = (),
) -> SafeZip:
    """Open a zip, refusing a damaged one and one whose headers already declare too much.
    Members named in `by_line` may be read line by line: their size alone refuses them only if
    they are read whole after all."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as error:
        raise ZipRefused(name, f"this zip file is damaged ({error})") from None
    except NotImplementedError as error:  # found by fuzzing: "zip file version 11.6"
        raise ZipRefused(name, f"this zip file is of a kind Anew cannot open ({error})") from None
    opened = SafeZip(archive, name, limits)
    try:
        if sum(info.file_size for info in archive.infolist()) > limits.max_total_bytes:
            raise ZipRefused(name, _too_much(limits))
        for info in archive.infolist():
            whole = info.filename not in by_line
            check(limits, opened.where(info), info.file_size, info.compress_size, whole=whole)
    except ZipRefused:
        archive.close()
        raise
    return opened
