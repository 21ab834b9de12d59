"""The per-language tables of what WhatsApp writes (whatsapp_languages/*.toml), read once.

WhatsApp writes its placeholders, notices and the words around a header's time in the phone's
language; the parsers read them from these tables rather than from English patterns, so that a
language is added as data with its sources (whatsapp_languages/README.md says the format).
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from typing import Literal

from anew.chats.formats.whatsapp_keywords import FOLDER
from anew.chats.notice_kinds import NOTICE_KINDS

Layout = Literal["ios", "android", "both"]
PLACEHOLDER_KINDS = ("media", "deleted")
LAYOUTS = ("ios", "android", "both")
SLOTS = ("{name}", "{text}", "{file}", "{n}")


class LanguageTableError(ValueError):
    """A language table that does not follow the format; says which file and which entry."""


@dataclass(frozen=True)
class Wording:
    """One placeholder or notice: its kind, its whole text with slots, where it appears and
    where it was seen."""

    kind: str
    text: str
    layout: Layout
    source: str
    example: str = ""


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    date_time_words: tuple[str, ...]
    am: tuple[str, ...]
    pm: tuple[str, ...]
    header_sources: tuple[str, ...]
    placeholders: tuple[Wording, ...]
    notices: tuple[Wording, ...]


@functools.cache
def languages() -> tuple[Language, ...]:
    """Every table shipped with Anew, English first and then by code."""
    found = [
        read_language(entry.name, entry.read_text(encoding="utf-8"))
        for entry in FOLDER.glob("*.toml")
    ]
    return tuple(sorted(found, key=lambda lang: (lang.code != "en", lang.code)))


def read_language(file_name: str, text: str) -> Language:
    """One table, checked: every entry has a known kind and layout, a source and a text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LanguageTableError(f"{file_name}: {error}") from error
    code = data.get("code")
    if not isinstance(code, str) or file_name != f"{code}.toml":
        raise LanguageTableError(f"{file_name}: `code` must be the file's name without .toml")
    header = data.get("header", {})
    return Language(
        code=code,
        name=str(data.get("name", code)),
        date_time_words=tuple(header.get("date_time_words", ())),
        am=tuple(header.get("am", ())),
        pm=tuple(header.get("pm", ())),
        header_sources=tuple(header.get("sources", ())),
        placeholders=_wordings(file_name, data, "placeholder", PLACEHOLDER_KINDS),
        notices=_wordings(file_name, data, "notice", NOTICE_KINDS),
    )


def _wordings(
    file_name: str, data: dict[str, object], table: str, kinds: tuple[str, ...]
) -> tuple[Wording, ...]:
    entries = data.get(table, [])
    if not isinstance(entries, list):
        raise LanguageTableError(f"{file_name}: [[{table}]] must be a list of tables")
    found = []
    for number, entry in enumerate(entries, start=1):
        where = f"{file_name}: [[{table}]] number {number}"
        if entry.get("kind") not in kinds:
            raise LanguageTableError(f"{where}: kind must be one of {', '.join(kinds)}")
        if entry.get("layout", "both") not in LAYOUTS:
            raise LanguageTableError(f"{where}: layout must be one of {', '.join(LAYOUTS)}")
        if not entry.get("source"):
            raise LanguageTableError(f"{where}: every entry names its source")
        if not str(entry.get("text", "")).strip():
            raise LanguageTableError(f"{where}: the text is empty")
        found.append(
            Wording(
                kind=entry["kind"],
                text=entry["text"],
                layout=entry.get("layout", "both"),
                source=entry["source"],
                example=entry.get("example", ""),
            )
        )
    return tuple(found)
