"""Every WhatsApp language table is well formed and says where each wording was seen.

Generic over all tables in whatsapp_languages/, so a table added later is checked the same way.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from anew.chats.formats.whatsapp_words import (
    SLOTS,
    Language,
    LanguageTableError,
    Wording,
    languages,
    read_language,
)

REPOSITORY = Path(__file__).resolve().parents[2]
TABLES = resources.files("anew.chats.formats").joinpath("whatsapp_languages")
TABLE_FILES = sorted(entry.name for entry in TABLES.iterdir() if entry.name.endswith(".toml"))
GITHUB_SOURCE = re.compile(r"github:[A-Za-z0-9][\w.-]*/[\w.-]+@[0-9a-f]{40}:\S.*")
SLOT = re.compile(r"\{[^{}]*\}")
# What a slot stands for when an example is checked: a name, any text, a file name, a number.
SLOT_PATTERNS = {"{name}": ".+?", "{text}": ".*?", "{file}": ".+?", "{n}": "[0-9][0-9.,]*"}


def _entries() -> list[tuple[Language, Wording]]:
    return [(lang, entry) for lang in languages() for entry in (*lang.placeholders, *lang.notices)]


def _id(pair: tuple[Language, Wording]) -> str:
    return f"{pair[0].code}:{pair[1].text[:40]}"


def _pattern(text: str) -> re.Pattern[str]:
    """The entry's text with every slot filled by what it stands for."""
    parts = re.split(r"(\{name\}|\{text\}|\{file\}|\{n\})", text)
    return re.compile("".join(SLOT_PATTERNS.get(part, re.escape(part)) for part in parts))


def _is_recognised_source(source: str) -> bool:
    if source.startswith("fixture:"):
        return (REPOSITORY / source.removeprefix("fixture:")).is_file()
    if source.startswith("export:"):
        return bool(source.removeprefix("export:").strip())
    return GITHUB_SOURCE.fullmatch(source) is not None


def test_it_ships_tables_and_loads_every_one() -> None:
    assert TABLE_FILES, "no language tables shipped"
    loaded = {lang.code for lang in languages()}
    assert loaded == {name.removesuffix(".toml") for name in TABLE_FILES}
    assert all(lang.name and lang.name != lang.code for lang in languages())


@pytest.mark.parametrize("file_name", TABLE_FILES)
def test_it_reads_each_table_on_its_own(file_name: str) -> None:
    lang = read_language(file_name, TABLES.joinpath(file_name).read_text(encoding="utf-8"))
    assert lang.placeholders or lang.notices, f"{file_name} has no entries"


@pytest.mark.parametrize("pair", _entries(), ids=_id)
def test_it_names_a_recognised_source_for_every_entry(pair: tuple[Language, Wording]) -> None:
    assert _is_recognised_source(pair[1].source), pair[1].source


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_it_names_sources_for_every_header_that_has_words(lang: Language) -> None:
    if lang.date_time_words or lang.am or lang.pm:
        assert lang.header_sources, f"{lang.code}: header words without a source"
    assert all(_is_recognised_source(source) for source in lang.header_sources)
    for word in (*lang.date_time_words, *lang.am, *lang.pm):
        assert word, f"{lang.code}: an empty header word"
        assert word.strip() == word, f"{lang.code}: header word {word!r}"


@pytest.mark.parametrize("pair", _entries(), ids=_id)
def test_it_uses_only_known_slots(pair: tuple[Language, Wording]) -> None:
    text = pair[1].text
    assert all(slot in SLOTS for slot in SLOT.findall(text)), text
    assert "{" not in SLOT.sub("", text), text
    assert "}" not in SLOT.sub("", text), text
    assert text == text.strip(), repr(text)
    assert not text.startswith("\u200e"), f"the text starts after any U+200E: {text!r}"


@pytest.mark.parametrize("pair", [p for p in _entries() if p[1].example], ids=_id)
def test_it_finds_the_text_in_its_example(pair: tuple[Language, Wording]) -> None:
    entry = pair[1]
    assert _pattern(entry.text).search(entry.example), (entry.text, entry.example)


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_it_never_gives_one_text_two_kinds_in_a_language(lang: Language) -> None:
    kinds: dict[str, set[str]] = {}
    for table, entries in (("placeholder", lang.placeholders), ("notice", lang.notices)):
        for entry in entries:
            kinds.setdefault(entry.text, set()).add(f"{table}:{entry.kind}")
    assert {text: found for text, found in kinds.items() if len(found) > 1} == {}


def _overlapping(a: Wording, b: Wording) -> bool:
    return "both" in (a.layout, b.layout) or a.layout == b.layout


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_it_never_lets_a_slotted_wording_take_another_kinds_text(lang: Language) -> None:
    # "Вы удалили {name}" (a member removed) may match "Вы удалили данное сообщение" (a deleted
    # message): one is a notice, the other a placeholder after a name, so the layout tells them
    # apart. Two notices (or two placeholders) of different kinds would not be told apart at all.
    clashes = [
        (exact.text, slotted.text)
        for entries in (lang.placeholders, lang.notices)
        for exact in entries
        if not SLOT.search(exact.text)
        for slotted in entries
        if SLOT.search(slotted.text)
        and slotted.kind != exact.kind
        and _overlapping(exact, slotted)
        and _pattern(slotted.text).fullmatch(exact.text)
    ]
    assert clashes == []


def test_it_checks_the_pattern_helper_fills_slots() -> None:
    # The example check above would pass vacuously if the pattern matched anything.
    assert _pattern("{name} hat {name} hinzugefügt.").search("Ana hat Bob hinzugefügt.")
    assert not _pattern("{name} hat {name} hinzugefügt.").search("Ana hat Bob entfernt.")
    assert _pattern("{file} • {n} Seiten").fullmatch("a.pdf • 2 Seiten")


def test_it_refuses_an_entry_without_a_source() -> None:
    table = 'code = "xx"\nname = "X"\n[[notice]]\nkind = "members"\ntext = "{name} left"\n'
    with pytest.raises(LanguageTableError, match="source"):
        read_language("xx.toml", table)
