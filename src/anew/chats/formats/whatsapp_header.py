"""How a WhatsApp message header is written, in every layout Anew reads, for both parsing roads.

A header is a date, the words a locale writes between the date and the time (French "à",
Finnish "klo"), the time with its AM/PM word before it (Korean "오후 3:04", Chinese "下午3:04")
or after it ("9:29 p. m."), and "] " or " - " before the sender. The built-in English and
numeric forms are here; the locale words come from the language tables (whatsapp_words). The
general road matches the Polars patterns made here, the compiled scanner the same words as bytes
(`scan_words`), so that both read the same headers. This module imports no Polars.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SPACE = r"[ \x{a0}\x{202f}]"  # new versions put a narrow no-break space before AM/PM
SPACES = (" ", "\u00a0", "\u202f")
# Arabic phones may write Arabic-Indic digits (and Persian ones their own): read on the general
# road only (the scanner leaves a file that holds any of them to it).
EASTERN_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
DIGIT = r"[0-9\x{660}-\x{669}\x{6f0}-\x{6f9}]"
NOT_DIGIT = r"[^0-9\x{660}-\x{669}\x{6f0}-\x{6f9}]"
# Right-to-left phones put U+200F around a date's fields ("[‏27‏/3‏/2022، 21:41:55]").
MARK = r"[\x{200e}\x{200f}]?"
# Korean and some other locales write "2024. 3. 12." : a space may follow a dot between fields.
SEPARATOR = MARK + r"(?:[./-]{1,2}|[./-]?\. )" + MARK
DATE = f"(?<a>{DIGIT}{{1,4}}){SEPARATOR}(?<b>{DIGIT}{{1,2}}){SEPARATOR}(?<c>{DIGIT}{{1,4}})"
DATE_PART = r"[\x{200e}\x{200f}]?\[?" + MARK + DATE
CLOCK = f"(?<hour>{DIGIT}{{1,2}})[:.](?<minute>{DIGIT}{{2}})(?:[:.](?<second>{DIGIT}{{2}}))?"
BUILT_IN_AMPM = r"[AaPp]\." + "?" + SPACE + r"?[Mm]\.?"  # AM, pm, a.m., p. m.
# On a header line the first "] " or "- " closes the date and time (neither can hold one), and
# the sender starts two bytes on.
HEADER_END = r"[\]-] "
FOLDER = Path(__file__).resolve().parent / "whatsapp_languages"  # the tables (whatsapp_words)
SECTION = re.compile(r"^\[header\][^\n]*\n(.*?)(?=^\[|\Z)", re.DOTALL | re.MULTILINE)
# Characters a locale's word can't hold: they would make a header end, or a time, too early.
UNUSABLE = frozenset("0123456789:[]-,\u200e\u200f" + EASTERN_DIGITS)


@dataclass(frozen=True)
class HeaderWords:
    """The locale words of a header: between the date and the time, and AM and PM spellings
    (besides the built-in AM/am/a.m./p. m. forms). A space in a word stands for any of SPACES."""

    between: tuple[str, ...] = ()
    am: tuple[str, ...] = ()
    pm: tuple[str, ...] = ()

    @property
    def day_periods(self) -> tuple[str, ...]:
        """The AM and PM spellings, longest first (so that a longer one is tried first)."""
        return _longest_first((*self.am, *self.pm))


@functools.cache
def words() -> HeaderWords:
    """The header words of every language table shipped, read once when first needed.

    Only each table's [header] part is read (the scanner's thread needs these words while
    Polars loads; whatsapp_words reads the whole tables), and tests/chats/test_whatsapp_headers.py
    holds them to the whole tables' words."""
    sections = [
        _section(path.read_text(encoding="utf-8")) for path in sorted(FOLDER.glob("*.toml"))
    ]
    return HeaderWords(
        between=_usable(word for found in sections for word in found.get("date_time_words", ())),
        am=_usable(word for found in sections for word in found.get("am", ())),
        pm=_usable(word for found in sections for word in found.get("pm", ())),
    )


def _section(table: str) -> dict[str, list[str]]:
    """A table's [header] part, read as TOML (empty when it has none)."""
    found = SECTION.search(table)
    return tomllib.loads(found.group(1)) if found else {}


def _usable(found: Iterable[str]) -> tuple[str, ...]:
    """The words, each once, with the spaces written as plain spaces; a word that holds a digit,
    a colon, a bracket, a dash or a comma is left out, as it would end the header early."""
    kept: list[str] = []
    for word in found:
        plain = " ".join(word.replace("\u00a0", " ").replace("\u202f", " ").split())
        if plain and not (UNUSABLE & set(plain)) and plain[0] != "." and plain not in kept:
            kept.append(plain)
    return _longest_first(kept)


def _longest_first(found: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(found), key=lambda word: (-len(word), word)))


def _literal(word: str) -> str:
    """A word as a Polars (Rust) pattern: each character exactly, a space as any of SPACES."""
    return "".join(SPACE if char == " " else _escape(char) for char in word)


def _escape(char: str) -> str:
    return "\\" + char if char in r"\.+*?()|[]{}^$#&-~" else char


def _either(found: tuple[str, ...]) -> str:
    return "|".join(_literal(word) for word in found)


def _after_date(header_words: HeaderWords) -> str:
    """What comes between the date and the time: a dot or a comma, a locale's word (after a
    space, or straight after the date as Arabic's "،"), and a space."""
    between = _either(header_words.between)
    return r"\.?,?" + (f"(?:{SPACE}?(?:{between}))?" if between else "") + SPACE


@functools.cache
def date_end(header_words: HeaderWords) -> str:
    """Where the date ends: at what comes after it (_after_date), followed by a word or a time.
    Inside a date a space only ever comes before the next field's digits."""
    clock = f"{DIGIT}{{1,2}}[:.]{DIGIT}{{2}}"
    return _after_date(header_words) + f"(?:{NOT_DIGIT}|{clock})"


@functools.cache
def first_break(header_words: HeaderWords) -> str:
    """The same as date_end, found faster where the date holds no dot before a space (the
    general road's first try): its first comma, space or locale word."""
    between = _either(header_words.between)
    return r"[, \x{a0}\x{202f}]" + (f"|{between}" if between else "")


@functools.cache
def time_part(header_words: HeaderWords) -> str:
    """The time as a header writes it after the date (_after_date), with an AM/PM word before
    the time (`early`) or after it (`ampm`)."""
    period = "|".join(filter(None, (BUILT_IN_AMPM, _either(header_words.day_periods))))
    return (
        _after_date(header_words)
        + f"(?:(?<early>{period}){SPACE}?)?"
        + CLOCK
        + f"(?:{SPACE}?(?<ampm>{period}))?"
    )


@functools.cache
def header(header_words: HeaderWords) -> str:
    """A message header at the start of a line: date, time, then "] " or " - " (one space or
    more before the dash: some exports have two)."""
    return "^" + DATE_PART + time_part(header_words) + r"(?:\] |" + SPACE + "+- )"


@functools.cache
def old_header(header_words: HeaderWords) -> str:
    """The header of WhatsApp's exports of 2012-2013: the time, with seconds, then ": " and the
    name ("09/12/2012 17:03:48: Ana: hi"); captured whole as `head`."""
    return "^(?<head>" + DATE_PART + time_part(header_words) + "): "


@functools.cache
def scan_words(header_words: HeaderWords) -> tuple[tuple[bytes, ...], tuple[bytes, ...]]:
    """The words for the compiled scanner, as UTF-8: those between date and time, and the AM/PM
    spellings (a space in them matches any of SPACES there too)."""
    return (
        tuple(word.encode() for word in header_words.between),
        tuple(word.encode() for word in header_words.day_periods),
    )
