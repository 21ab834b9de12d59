"""Messages and notices as docs/metrics.md defines them, from the language tables, on both roads.

Every test here parses on the general road (whatsapp.parse) and on the compiled scanner's road
(whatsapp_scanned.parse) and holds them to the same messages, set-aside counts and warnings.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anew.chats.formats import (
    whatsapp,
    whatsapp_common,
    whatsapp_keywords,
    whatsapp_kinds,
    whatsapp_matchers,
    whatsapp_scan,
    whatsapp_scanned,
    whatsapp_words,
)
from anew.chats.formats.whatsapp_words import Language, Wording
from anew.chats.model import Chat
from tests.chats.fixtures import EXPORTS

LRM = "\u200e"
TABLES = Path(__file__).resolve().parent / "data" / "whatsapp_languages"
SHIPPED = whatsapp_words.languages()
ENTRIES = [
    (language.code, table, wording)
    for language in SHIPPED
    for table, wordings in (("placeholder", language.placeholders), ("notice", language.notices))
    for wording in wordings
]
EASTERN_DIGITS = set("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
FILLS = {"{name}": "Ana Lima", "{text}": "Plans", "{file}": "IMG-0042.jpg", "{n}": "7"}


def _both(text: str, prefer: str | None = "dayfirst") -> Chat:
    """The chat as the general road reads it, after checking the scanner's road agrees."""
    general = whatsapp.parse(text, source="chat.txt", prefer=prefer)  # type: ignore[arg-type]
    if whatsapp_scan.available():
        fast = whatsapp_scanned.parse(text.encode(), source="chat.txt", prefer=prefer)  # type: ignore[arg-type]
        if fast is None:
            # The scanner leaves only files with Arabic-Indic or Persian digits to the other road.
            assert any(ch in EASTERN_DIGITS for ch in text)
            return general
        assert fast.messages.equals(general.messages)
        assert (fast.set_aside, fast.warnings) == (general.set_aside, general.warnings)
    return general


def _kinds(chat: Chat) -> list[tuple[str, str]]:
    return chat.messages.select("sender", "kind").rows()


@pytest.fixture
def extra_tables(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The shipped tables plus the tiny test tables in tests/chats/data/whatsapp_languages."""
    extra = tuple(
        whatsapp_words.read_language(path.name, path.read_text(encoding="utf-8"))
        for path in sorted(TABLES.glob("*.toml"))
    )
    every = SHIPPED + tuple(lang for lang in extra if lang.code not in {s.code for s in SHIPPED})
    monkeypatch.setattr(whatsapp_matchers, "languages", lambda: every)
    monkeypatch.setattr(whatsapp_keywords, "key_words", lambda: whatsapp_matchers.matchers().words)
    whatsapp_matchers.matchers.cache_clear()
    whatsapp_scan.kind_bytes.cache_clear()
    yield
    whatsapp_matchers.matchers.cache_clear()
    whatsapp_scan.kind_bytes.cache_clear()


def _filled(text: str) -> str:
    for slot, fill in FILLS.items():
        text = text.replace(slot, fill)
    return text


def _layouts(wording: Wording) -> list[str]:
    return ["android", "ios"] if wording.layout == "both" else [wording.layout]


def _synthetic(table: str, wording: Wording, layout: str) -> str:
    """The entry's text written as that layout writes it: a placeholder under a person's name, a
    notice without one on Android and behind the mark under the chat's name on iOS."""
    text = _filled(wording.text)
    if layout == "android":
        before = "Sam: " if table == "placeholder" else ""
        return f"13/03/2024, 21:04 - {before}{text}\n"
    return f"[13/03/2024, 21:04:10] Sam: {LRM}{text}\n"


def _assert_read_as(chat: Chat, table: str, kind: str) -> None:
    if table == "placeholder":
        assert chat.messages.get_column("kind").to_list() == [kind]
        assert chat.set_aside.notices == {}
    else:
        assert chat.messages.height == 0
        assert chat.set_aside.notices == {kind: 1}


# --- every entry of every shipped table ------------------------------------------------------


def test_the_english_table_is_shipped_and_every_entry_names_a_source() -> None:
    english = SHIPPED[0]
    assert english.code == "en"
    assert len(english.placeholders) >= 15
    assert len(english.notices) >= 30
    for _code, _table, wording in ENTRIES:
        assert re.match(r"^(github:[^@]+@[0-9a-f]{40}:|fixture:|export:)", wording.source)


@pytest.mark.parametrize(
    ("code", "table", "wording"), ENTRIES, ids=[f"{c}-{w.text[:40]}" for c, _t, w in ENTRIES]
)
def test_every_table_entry_reads_as_its_kind_on_both_roads(
    code: str, table: str, wording: Wording
) -> None:
    for layout in _layouts(wording):
        _assert_read_as(_both(_synthetic(table, wording, layout)), table, wording.kind)
    if whatsapp_common.looks_like_whatsapp(wording.example):  # not a string table's line
        _assert_example_read_by_the_rule(wording, table)


def _assert_example_read_by_the_rule(wording: Wording, table: str) -> None:
    """An example line is read as its kind; where it is an iOS notice under a name without the
    mark (a line pasted where the mark was lost), the rule makes it a message with a warning."""
    chat = _both(wording.example + "\n")
    rest = re.sub(r"^[^\]]*\] ", "", wording.example)
    name, _, body = rest.partition(": ")
    unmarked_notice = (
        table == "notice"
        and wording.example.lstrip("\u200e\u200f").startswith("[")
        and body
        and not body.lstrip(" ").startswith(("\u200e", "\u200f"))
        and wording.kind not in whatsapp_kinds.UNDER_A_NAME
        and not whatsapp_matchers.kind_of(rest)
    )
    if unmarked_notice:
        assert _kinds(chat) == [(name, "text")]
        assert whatsapp_kinds.READS_LIKE_A_NOTICE in [warning.why for warning in chat.warnings]
    else:
        _assert_read_as(chat, table, wording.kind)


SPELT_APART = [
    (code, table, wording)
    for code, table, wording in ENTRIES
    if unicodedata.normalize("NFC", wording.text) != wording.text
]


def test_some_shipped_wordings_are_spelt_apart_from_their_composed_form() -> None:
    assert {code for code, _table, _wording in SPELT_APART} >= {"hi"}


@pytest.mark.parametrize(
    ("code", "table", "wording"),
    SPELT_APART,
    ids=[f"{c}-{w.text[:40]}" for c, _t, w in SPELT_APART],
)
def test_a_wording_reads_as_its_kind_in_its_composed_spelling_too(
    code: str, table: str, wording: Wording
) -> None:
    # Hindi's "छोड़ा" with ड + nukta (U+093C), as a keyboard writes it, is the table's U+095C.
    composed = Wording(**{**wording.__dict__, "text": unicodedata.normalize("NFC", wording.text)})
    for layout in _layouts(wording):
        _assert_read_as(_both(_synthetic(table, composed, layout)), table, wording.kind)


def test_the_fast_read_of_the_key_words_is_the_full_reads() -> None:
    assert whatsapp_keywords.key_words() == whatsapp_matchers.matchers().words
    tables = {p.name: p.read_text("utf-8") for p in sorted(whatsapp_keywords.FOLDER.glob("*.toml"))}
    stored = whatsapp_keywords.STORED.read_text("utf-8").splitlines()
    assert stored[0] == whatsapp_keywords._first_line(tables), (
        "key_words.txt is stale: run .venv/bin/python -m anew.chats.formats.whatsapp_keywords"
    )
    assert tuple(stored[1:]) == whatsapp_matchers.matchers().words
    table = (
        "[[notice]]\ntext = '{name} a\\b'  # literal\n"
        '[[notice]]\ntext = "\\u200Ex \\"y\\" \\U0001F319"\n'
    )
    expected = [entry["text"] for entry in tomllib.loads(table)["notice"]]
    assert expected == ["{name} a\\b", '\u200ex "y" \U0001f319']
    assert whatsapp_keywords.texts_of(table) == expected


def test_every_table_has_a_key_word_the_fast_search_finds() -> None:
    found = whatsapp_matchers.matchers()
    for _code, _table, wording in ENTRIES:
        text = _filled(wording.text)
        assert any(word in text for word in found.words), wording.text


# --- what the issue found ---------------------------------------------------------------------


def test_a_persons_text_that_reads_like_a_notice_stays_their_message() -> None:
    text = (
        "13/03/2024, 21:04 - Ana: I added you to the doc\n"
        "13/03/2024, 21:05 - Ana: she left\n"
        "13/03/2024, 21:06 - Ana: Ana added Bob\n"
        "13/03/2024, 21:07 - Sam: ok\n"
        "[13/03/2024, 21:08:00] Sam: Ana added Bob\n"
        "[13/03/2024, 21:09:00] Sam: she left\n"
    )
    chat = _both(text)
    assert _kinds(chat) == [("Ana", "text")] * 3 + [("Sam", "text")] * 3
    assert [warning.line for warning in chat.warnings] == [1, 2, 3, 5, 6]
    assert chat.set_aside.notices == {}
    assert all("Bob" not in warning.why for warning in chat.warnings)  # never the text


def test_the_same_wordings_without_a_name_or_behind_the_mark_are_notices() -> None:
    text = (
        "13/03/2024, 21:04 - Ana added Bob\n"
        "13/03/2024, 21:05 - Bob left\n"
        "13/03/2024, 21:06 - Sam: hi\n"
        f"[13/03/2024, 21:07:00] Group: {LRM}Ana added Bob\n"
        f"[13/03/2024, 21:08:00] {LRM}Bob left\n"
    )
    chat = _both(text)
    assert _kinds(chat) == [("Sam", "text")]
    assert chat.set_aside.notices == {"members": 4}
    assert chat.warnings == ()


@pytest.mark.usefixtures("extra_tables")
def test_a_russian_subject_change_holding_a_colon_is_a_notice_not_a_participant() -> None:
    text = (
        "13/03/2024, 21:04 - Анна: привет\n"
        "13/03/2024, 21:05 - Анна изменила тему с «План: суббота» на «Море»\n"
        "13/03/2024, 21:06 - Борис: ок\n"
    )
    chat = _both(text)
    assert chat.participants == ["Анна", "Борис"]
    assert chat.set_aside.notices == {"group": 1}


def test_without_its_table_a_foreign_ios_placeholder_is_kept_as_a_message_with_a_warning() -> None:
    # Swahili, which no table has yet.
    text = f"[13/03/2024, 21:04:00] Sam: {LRM}picha imeachwa\n[13/03/2024, 21:05:00] Ana: hi\n"
    chat = _both(text)
    assert _kinds(chat) == [("Sam", "text"), ("Ana", "text")]
    assert [warning.line for warning in chat.warnings] == [1, 1]  # unknown wording, name once


@pytest.mark.usefixtures("extra_tables")
def test_with_its_table_a_foreign_ios_placeholder_is_media() -> None:
    text = (
        f"[13/03/2024, 21:04:00] Sam: {LRM}Bild weggelassen\n"
        f"[13/03/2024, 21:05:00] Sam: Bild weggelassen\n"
        "13/03/2024, 21:06 - Ana: <Media omitted>\n"
    )
    chat = _both(text)
    assert _kinds(chat) == [("Sam", "media"), ("Sam", "media"), ("Ana", "media")]
    assert chat.warnings == ()


@pytest.mark.usefixtures("extra_tables")
def test_a_file_that_changes_language_halfway_is_read_whole() -> None:
    text = (
        "13/03/2024, 21:04 - Ana added Bob\n"
        "13/03/2024, 21:05 - Ana: <Media omitted>\n"
        f"[13/03/2024, 21:06:00] Bob: {LRM}Bild weggelassen\n"
        "13/03/2024, 21:07 - Анна изменила тему с «План: суббота» на «Море»\n"
    )
    chat = _both(text)
    assert _kinds(chat) == [("Ana", "media"), ("Bob", "media")]
    assert chat.set_aside.notices == {"members": 1, "group": 1}


def test_an_empty_body_after_the_name_is_a_message() -> None:
    chat = _both(
        "13/03/2024, 21:04 - Ana:\n13/03/2024, 21:05 - Sam: \n13/03/2024, 21:06 - Ana: x\n"
    )
    assert chat.messages.select("sender", "kind", "chars").rows() == [
        ("Ana", "text", 0),
        ("Sam", "text", 0),
        ("Ana", "text", 1),
    ]


def test_calls_are_notices_under_the_callers_name_on_both_layouts() -> None:
    text = (
        "13/03/2024, 21:04 - Ana: Missed voice call\n"
        f"[13/03/2024, 21:05:00] Sam: {LRM}Missed video call\n"
        "13/03/2024, 21:06 - Ana: Missed voice call, sorry\n"
    )
    chat = _both(text)
    assert _kinds(chat) == [("Ana", "text")]
    assert chat.set_aside.notices == {"call": 2}


def test_an_ios_call_without_the_mark_is_the_persons_message() -> None:
    # Every iOS missed call in starkdmi/whats_json's real exports (183) comes behind U+200E, as
    # every iOS notice does; without it, "Missed voice call" on iOS was typed.
    text = (
        f"[13/03/2024, 21:04:00] Sam: {LRM}Missed voice call\n"
        "[13/03/2024, 21:05:00] Ana: Missed voice call\n"
        f"[13/03/2024, 21:06:00] Ana: {LRM}Waiting for this message\n"
        "[13/03/2024, 21:07:00] Sam: Waiting for this message\n"
    )
    chat = _both(text)
    assert _kinds(chat) == [("Ana", "text"), ("Sam", "text")]
    assert chat.set_aside.notices == {"call": 1, "pending": 1}
    assert [warning.line for warning in chat.warnings] == [2, 4]


def test_an_ios_line_behind_the_mark_with_an_unknown_wording_stays_a_message() -> None:
    text = (
        f"[13/03/2024, 21:04:00] Sam: {LRM}How about Locations?\n[13/03/2024, 21:05:00] Sam: yes\n"
    )
    chat = _both(text)
    assert _kinds(chat) == [("Sam", "text"), ("Sam", "text")]
    assert [warning.line for warning in chat.warnings] == [1]


def test_a_line_without_a_name_and_an_unknown_wording_is_set_aside_as_service_with_a_warning() -> (
    None
):
    chat = _both("13/03/2024, 21:04 - John Doe:.\n13/03/2024, 21:05 - Ana: hi\n")
    assert chat.set_aside.notices == {"service": 1}
    assert [warning.line for warning in chat.warnings] == [1]


# --- every fixture accounts for every header line ---------------------------------------------

# Written apart from the parsers' patterns: a date, a time (maybe with seconds and AM/PM), and
# the "] " or " - " that ends the header.
HEADER_LINE = re.compile(
    r"^[\u200e\u200f]?\[?\d{1,4}[./-]{1,2}\d{1,2}[./-]{1,2}\d{1,4},?[ \u00a0\u202f]"
    r"\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:[ \u00a0\u202f]?[AaPp]\.?[ \u00a0\u202f]?[Mm]\.?)?(?:\] | - )"
)
WHATSAPP_FIXTURES = [
    path
    for path in sorted(EXPORTS.rglob("*.txt"))
    if "whatsapp-blind" not in path.parts  # the blind corpus is tested on its own
    and whatsapp_common.looks_like_whatsapp(path.read_text(encoding="utf-8-sig"))
]


def test_there_are_whatsapp_fixtures_to_account_for() -> None:
    assert len(WHATSAPP_FIXTURES) > 100


@pytest.mark.parametrize("path", WHATSAPP_FIXTURES, ids=lambda p: p.name)
def test_messages_and_set_aside_lines_account_for_every_header_line(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    lines = text.replace("\r\n", "\n").split("\n")
    headers = [number for number, line in enumerate(lines, start=1) if HEADER_LINE.match(line)]
    before = [n for n, line in enumerate(lines[: headers[0] - 1], start=1) if line.strip()]
    chat = _both(text, prefer=None)
    assert chat.messages.height + sum(chat.set_aside.notices.values()) == len(headers)
    assert chat.set_aside.unplaced == len(before)


# --- generated text, under names and as notices -----------------------------------------------

NAMES = st.sampled_from(["Ana", "Sam", "Jo Marie", "Zoë 🌙", "+1 555 0100"])
FILL = st.text(alphabet="abcxyzÀé🌙 ", min_size=1, max_size=12).map(str.strip).filter(bool)
NOTICE_WORDINGS = [
    w for language in SHIPPED for w in language.notices if w.kind not in whatsapp_kinds.UNDER_A_NAME
]


def _fill_with(text: str, fills: list[str]) -> str:
    parts = whatsapp_matchers.SLOT_SPLIT.split(text)
    slots = iter(fills)
    return "".join(
        ("7" if part == "{n}" else next(slots)) if part in whatsapp_matchers.SLOTS else part
        for part in parts
    )


@settings(max_examples=60, deadline=None)
@given(
    wording=st.sampled_from(NOTICE_WORDINGS),
    fills=st.lists(FILL, min_size=4, max_size=4),
    name=NAMES,
    ios=st.booleans(),
)
def test_generated_notice_wordings_under_a_name_stay_that_persons_messages(
    wording: Wording, fills: list[str], name: str, ios: bool
) -> None:
    body = _fill_with(wording.text, fills)
    header = "[13/03/2024, 21:04:00] " if ios else "13/03/2024, 21:04 - "
    chat = _both(f"{header}{name}: {body}\n13/03/2024, 21:05 - {name}: ok\n")
    assert _kinds(chat) == [(name, "text"), (name, "text")]
    assert [warning.line for warning in chat.warnings] == [1]
    assert chat.set_aside.notices == {}


@settings(max_examples=60, deadline=None)
@given(
    wording=st.sampled_from(NOTICE_WORDINGS),
    fills=st.lists(FILL, min_size=4, max_size=4),
    ios=st.booleans(),
)
def test_generated_notices_are_set_aside_by_their_kind(
    wording: Wording, fills: list[str], ios: bool
) -> None:
    body = _fill_with(wording.text, fills)
    notice = f"[13/03/2024, 21:04:00] Group: {LRM}{body}" if ios else f"13/03/2024, 21:04 - {body}"
    chat = _both(f"{notice}\n13/03/2024, 21:05 - Ana: ok\n")
    assert _kinds(chat) == [("Ana", "text")]
    assert chat.set_aside.notices == {wording.kind: 1}
    assert chat.warnings == ()


WORDS = st.lists(
    st.text(alphabet="abé<ё:( ", min_size=1, max_size=6).map(str.encode), min_size=1, max_size=40
)


@pytest.mark.skipif(not whatsapp_scan.available(), reason="the compiled scanner was not built")
@settings(max_examples=300, deadline=None)
@given(words=WORDS, text=st.text(alphabet="abé<ё:( x", max_size=40))
def test_the_compiled_word_search_finds_exactly_the_words_in_a_text(
    words: list[bytes], text: str
) -> None:
    from anew.chats.formats import _whatsapp_scan

    data = text.encode()
    assert _whatsapp_scan.holds_kind_word(data, words) == any(word in data for word in words)


def test_the_languages_all_load_and_english_comes_first() -> None:
    assert SHIPPED[0].code == "en"
    assert all(isinstance(language, Language) for language in SHIPPED)
    assert pl.Series([w.kind for _c, _t, w in ENTRIES]).n_unique() > 5
