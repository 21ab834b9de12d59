"""The compiled scanner's road reads every export it takes on exactly as the general road does."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import polars as pl
import pytest
from fuzz import targets
from hypothesis import given, settings
from hypothesis import strategies as st

from anew.chats.errors import ChatFormatError
from anew.chats.formats import (
    whatsapp,
    whatsapp_common,
    whatsapp_header,
    whatsapp_scan,
    whatsapp_scanned,
)
from anew.chats.formats.chat_file import HEAD_BYTES
from anew.chats.loading import load_chat
from anew.chats.model import WORD_PATTERN, Chat
from tests.chats.fixtures import EXPORTS

pytestmark = pytest.mark.skipif(
    not whatsapp_scan.available(), reason="the compiled scanner was not built (no C compiler)"
)

NNBSP, NBSP, LRM, RLM = "\u202f", "\u00a0", "\u200e", "\u200f"


def test_it_reads_every_whatsapp_fixture_as_the_general_road_does() -> None:
    exports = [
        path
        for path in sorted(EXPORTS.rglob("*.txt"))
        if "whatsapp-blind" not in path.parts  # the blind corpus is tested on its own
        and whatsapp_common.looks_like_whatsapp(path.read_text(encoding="utf-8-sig"))
    ]
    assert len(exports) > 100
    for path in exports:
        data = path.read_bytes()
        for keep_text in (False, True):
            fast = whatsapp_scanned.parse(data, source=path.name, keep_text=keep_text)
            assert fast is not None, path
            general = whatsapp.parse(data.decode("utf-8"), source=path.name, keep_text=keep_text)
            assert fast.messages.equals(general.messages), path
            assert (fast.set_aside, fast.warnings) == (general.set_aside, general.warnings), path


def test_parse_takes_the_scanners_road_for_plain_bytes_with_and_without_the_texts() -> None:
    text = "13/01/21, 08:00 - Ana: hi there\nsecond line\n13/01/21, 08:05 - Sam: <Media omitted>\n"
    data = text.encode()
    with (
        mock.patch.object(whatsapp_scanned, "parse", wraps=whatsapp_scanned.parse) as scanned,
        mock.patch.object(whatsapp, "_lines", wraps=whatsapp._lines) as general_road,
    ):
        fast = whatsapp.parse(text, source="chat.txt", utf8=data)
        kept = whatsapp.parse(text, source="chat.txt", utf8=data, keep_text=True)
    assert scanned.call_count == 2
    assert general_road.call_count == 0
    assert fast.messages.select("sender", "kind", "chars", "words").rows() == [
        ("Ana", "text", 20, 4),
        ("Sam", "media", 0, 0),
    ]
    assert kept.messages.drop("text").equals(fast.messages.drop("text"))
    assert kept.messages.get_column("text").to_list() == [
        "hi there\nsecond line",
        "<Media omitted>",
    ]


def test_texts_are_joined_as_the_general_road_joins_them() -> None:
    """Continuation lines joined with LF (CR LF read as LF), blank lines kept only before one
    with text, iOS's marks stripped from the start, and nothing after "Name:"."""
    lines = [
        f"13/01/21, 08:00 - Ana: {LRM}{LRM}hi there",
        "",
        "second line",
        "",
        "",
        "13/01/21, 08:05 - Sam:",
        "",
        "x ",
        "13/01/21, 08:06 - Sam: ",
        "13/01/21, 08:07 - Ana added Jo",
        "not Jo's line",
        f"13/01/21, 08:08 - Jo: {LRM}",
        "",
    ]
    expected = ["hi there\n\nsecond line", "\n\nx ", "", ""]
    for end in ("\n", "\r\n"):
        data = end.join(lines).encode()
        found = whatsapp_scan.scan(data, keep_texts=True)
        assert found is not None
        assert found.texts is not None
        assert pl.Series(found.texts).to_list() == expected
        fast = whatsapp_scanned.parse(data, source="chat.txt", keep_text=True)
        general = whatsapp.parse(data.decode(), source="chat.txt", keep_text=True)
        assert fast is not None
        assert fast.messages.get_column("text").to_list() == expected
        assert fast.messages.equals(general.messages)


def test_a_scan_without_the_texts_is_made_again_when_they_are_kept() -> None:
    data = b"13/01/21, 08:00 - Ana: hi\n13/01/21, 08:01 - Sam: yo\n"
    without = whatsapp_scan.scan(data)
    assert without is not None
    assert without.texts is None
    chat = whatsapp_scanned.parse(data, source="chat.txt", keep_text=True, scanned=without)
    assert chat is not None
    assert chat.messages.get_column("text").to_list() == ["hi", "yo"]


@pytest.mark.parametrize(
    "data",
    [
        b"13/01/21, 08:00 - Ana: hi\x00\n",  # a NUL byte
        b"13/01/21, 08:00 - Ana: hi\r13/01/21, 08:01 - Sam: yo\r",  # old Mac line ends
        b"13/01/21, 08:00 - Ana: caf\xe9\n",  # latin-1, not UTF-8
        b"just some notes\nno messages here\n",
        b"",
    ],
)
def test_it_leaves_files_it_does_not_take_on_to_the_general_road(data: bytes) -> None:
    assert whatsapp_scan.scan(data) is None
    assert whatsapp_scanned.parse(data, source="chat.txt") is None


def test_a_byte_order_mark_is_passed_over_on_the_scanners_road(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        f"{13 + n // 1440:02d}/01/21, {n // 60 % 24:02d}:{n % 60:02d} - Ana: hi {n}"
        for n in range(3000)
    ]
    text = "\n".join(lines) + "\n"
    plain, marked = tmp_path / "plain.txt", tmp_path / "marked.txt"
    plain.write_text(text, encoding="utf-8")
    marked.write_bytes(whatsapp_scan.BOM + text.encode())
    assert marked.stat().st_size > HEAD_BYTES  # read from its bytes, not decoded whole
    found = whatsapp_scan.scan(marked.read_bytes())
    assert found is not None
    assert len(found.chars) == 3000
    roads: list[Chat | None] = []
    original = whatsapp_scanned.parse

    def recording(data: bytes, **options: Any) -> Chat | None:
        roads.append(original(data, **options))
        return roads[-1]

    monkeypatch.setattr(whatsapp_scanned, "parse", recording)
    chat = load_chat(marked)
    assert len(roads) == 1
    assert roads[0] is not None  # the scanner's road took it
    assert chat.messages.equals(load_chat(plain).messages)
    monkeypatch.undo()
    assert chat.messages.equals(whatsapp.parse(text, source="chat.txt").messages)  # general road


def test_white_space_before_the_first_message_is_blank_and_text_there_is_unplaced() -> None:
    data = f" \t{NBSP}\n\n\u3000\n13/01/21, 08:00 - Ana: hi\n".encode()
    found = whatsapp_scan.scan(data)
    assert found is not None
    assert len(found.unplaced_lines) == 0
    targets.whatsapp_scan(data)
    data = f"Chat with Ana\n {NBSP}x\n\n13/01/21, 08:00 - Ana: hi\n".encode()
    found = whatsapp_scan.scan(data)
    assert found is not None
    assert pl.Series(found.unplaced_lines).to_list() == [1, 2]
    targets.whatsapp_scan(data)


def test_a_time_that_cant_exist_goes_the_general_road_which_names_its_line() -> None:
    text = "13/01/21, 08:00 - Ana: hi\n13/01/21, 25:10 - Sam: yo\n"
    assert whatsapp_scan.scan(text.encode()) is not None
    assert whatsapp_scanned.parse(text.encode(), source="chat.txt") is None
    with pytest.raises(ChatFormatError, match="line 2"):
        whatsapp.parse(text, source="chat.txt", utf8=text.encode())


def test_a_column_is_handed_to_polars_once() -> None:
    found = whatsapp_scan.scan(b"13/01/21, 08:00 - Ana: hi\n13/01/21, 08:01 - Sam: a b c\n")
    assert found is not None
    assert len(found.words) == 2
    assert pl.Series(found.words).to_list() == [1, 3]
    with pytest.raises(ValueError, match="handed over already"):
        pl.Series(found.words)


def test_it_numbers_distinct_dates_times_and_senders_in_order_of_appearance() -> None:
    text = (
        "14/01/21, 08:00 - Sam: one\n"
        "14/01/21, 09:00 - Ana added Jo\n"
        "15/01/21, 08:00 - Ana: two\n"
        "14/01/21, 08:00 - Sam: three\n"
    )
    found = whatsapp_scan.scan(text.encode())
    assert found is not None
    assert found.dates == ["14/01/21", "15/01/21"]
    assert found.times == [", 08:00 ", ", 09:00 "]  # the notice's time is there, its row is not
    assert found.senders == ["Sam", "Ana"]
    assert pl.Series(found.date_id).to_list() == [0, 1, 0]
    assert pl.Series(found.sender_id).to_list() == [0, 1, 0]


# --- the header pattern and the measures, against Polars' own ------------------------------

HEADERISH = st.lists(
    st.sampled_from(
        [
            "1",
            "3",
            "12",
            "2021",
            "99999",
            "/",
            ".",
            "-",
            "--",
            ",",
            " ",
            NBSP,
            NNBSP,
            ":",
            "00",
            "5",
            "AM",
            "p.",
            " m.",
            "P",
            "M",
            "]",
            "[",
            "- ",
            "] ",
            " - ",
            LRM,
            "\u200f",
            "x",
            "é",
            ". ",
            "  - ",
            "à ",
            "klo",
            "오후",
            "下午",
            "a. m.",
            "a.",
            " م",
            "،",
            "\u200f/",
        ]
    ),
    max_size=16,
).map("".join)
# Words as the language tables give them (a prefix of another among them, a space inside one).
WORDS = whatsapp_header.HeaderWords(
    between=("à", "klo", "kl.", "،"), am=("a. m.", "a.", "오전", "上午"), pm=("오후", "下午", "م")
)


@settings(max_examples=600, deadline=None)
@given(
    prefix=HEADERISH,
    rest=st.sampled_from(["", "Ana: hi", ": x", "a: b: c"]),
    words=st.sampled_from([whatsapp_header.HeaderWords(), WORDS]),
)
def test_the_header_match_and_its_cuts_are_the_patterns(
    prefix: str, rest: str, words: whatsapp_header.HeaderWords
) -> None:
    _matched_as_the_pattern_does(prefix + rest, words)


def _matched_as_the_pattern_does(line: str, words: whatsapp_header.HeaderWords) -> bool:
    """Whether the line is a header, asserting that the scanner and the pattern agree on it
    and on where its date and its header end."""
    from anew.chats.formats import _whatsapp_scan

    lines = pl.Series([line])
    is_header = bool(lines.str.contains(whatsapp_header.header(words))[0])
    found = _whatsapp_scan.match_header(line.encode(), whatsapp_header.scan_words(words))
    assert (found is not None) == is_header
    if found is not None:  # byte offsets, as str.find gives them
        date_end = lines.str.find(whatsapp_header.date_end(words))[0]
        end = lines.str.find(whatsapp_header.HEADER_END)[0]
        assert found == (date_end, end)
    return is_header


# Headers put together from their parts, each part sometimes a near miss, so that most lines
# are headers or nearly: the words' alternatives are tried far more often than at random.
HEADER_PARTS = st.tuples(
    st.sampled_from(["", LRM, "[", f"{LRM}["]),
    st.sampled_from(
        [
            "12/03/2024",
            "2024. 3. 12",
            "2024-03-12",
            "12.3.2024",
            "1. 2.3",
            "12//3",
            f"{RLM}27{RLM}/3{RLM}/2022",
            f"27/{RLM}3/2022{RLM}",
        ]
    ),
    st.sampled_from(["", ".", ",", ".,", ", "]),
    st.sampled_from([" ", NBSP, NNBSP, "", "  ", "،", " ،"]),
    st.sampled_from(["", "à ", "klo ", "kl. ", "à", "klo" + NBSP, " ", "، "]),
    st.sampled_from(["", "오후 ", "下午", "a. m. ", "PM ", "오후", "a.", "上午 "]),
    st.sampled_from(["21:04", "9.05", "21:04:05", "1:2", "21:04:5"]),
    st.sampled_from(["", " p. m.", NNBSP + "PM", "a.m.", " م", " 오후", " a.", " a. m", "PM"]),
    st.sampled_from(["] ", " - ", "  - ", NBSP + "- ", "- ", "]", " -", ": "]),
).map("".join)


@settings(max_examples=600, deadline=None)
@given(line=HEADER_PARTS, rest=st.sampled_from(["", "Ana: hi", "x - y: z"]))
def test_headers_with_locale_words_are_matched_and_cut_as_the_pattern_does(
    line: str, rest: str
) -> None:
    _matched_as_the_pattern_does(line + rest, WORDS)


def test_the_parts_make_headers_with_every_kind_of_word() -> None:
    lines = [
        "2024. 3. 12. 오후 3:04 - Ana: hi",
        "2024/3/12 下午3:04 - Ana: hi",
        "12/03/2024 à 21:04  - Ana: hi",
        "[12.3.2022 klo 14.08.18] Ana: hi",
        f"12/3/2024, 9:29{NBSP}a. m. - Ana: hi",
        "12/03/2024, 9:04 م - Ana: hi",
    ]
    assert all(_matched_as_the_pattern_does(line, WORDS) for line in lines)
    assert not any(
        _matched_as_the_pattern_does(line, whatsapp_header.HeaderWords()) for line in lines[:2]
    )


TEXTS = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            [
                " ",
                "\t",
                "\x0b",
                "\x0c",
                "\x85",
                NBSP,
                NNBSP,
                "\u1680",
                "\u2003",
                "\u200a",
                "\u2028",
                "\u2029",
                "\u205f",
                "\u3000",
                "\u200b",
                "\u180e",
            ]
        ),
        st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\n\r\x00"),
    ),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(text=TEXTS, padding=st.integers(min_value=0, max_value=20))
def test_characters_and_words_are_counted_as_the_word_pattern_counts(
    text: str, padding: int
) -> None:
    from anew.chats.formats import _whatsapp_scan

    text = "abc de" * padding + text  # long plain runs take the eight-bytes-at-a-time path
    series = pl.Series([text])
    expected = (series.str.len_chars()[0], series.str.count_matches(WORD_PATTERN)[0])
    assert _whatsapp_scan.measure(text.encode()) == expected


# --- whole exports, generated line by line ------------------------------------------------

NAMES = st.sampled_from(["Ana", "Sam", "Jo Marie", "Zoë 🌙", "+1 555 0100", ""])
BODIES = st.one_of(
    TEXTS,
    st.sampled_from(
        [
            "<Media omitted>",
            "image omitted",
            f"{LRM}image omitted",
            "This message was deleted",
            "You deleted this message.",
            "Missed voice call",
            "<attached: 0001-PHOTO.jpg>",
            "I left early",
            "changed my mind",
            "hello: there",
            "is a contact",
            f"{LRM}hi",
        ]
    ),
)
NOTICES = st.sampled_from(
    [
        "Messages and calls are end-to-end encrypted.",
        "Ana added Sam",
        "Sam left",
        'Ana changed the subject to "x"',
        "",
    ]
)


def _stamp(stamp: datetime, layout: str) -> str:
    hour12 = f"{stamp.hour % 12 or 12}:{stamp:%M}"
    ampm = "PM" if stamp.hour >= 12 else "AM"
    return {
        "android": f"{stamp:%d/%m/%y}, {stamp:%H:%M} - ",
        "android-12h": f"{stamp.month}/{stamp.day}/{stamp:%y}, {hour12}{NNBSP}{ampm} - ",
        "spanish": f"{stamp:%d/%m/%Y}, {hour12} {'p. m.' if stamp.hour >= 12 else 'a. m.'} - ",
        "ios": f"[{stamp:%d.%m.%y}, {stamp:%H:%M:%S}] ",
        "ios-12h": f"{LRM}[{stamp:%m/%d/%y}, {hour12}:{stamp:%S}{NNBSP}{ampm}] ",
        "iso": f"{stamp:%Y-%m-%d} {stamp:%H.%M} - ",
        "two-spaces": f"{stamp:%d/%m/%y}, {stamp:%H:%M}  - ",
        "signal": f"[{stamp:%Y-%m-%d %H:%M:%S}] ",
    }[layout]


LINES = st.lists(
    st.one_of(
        st.tuples(st.just("message"), NAMES, BODIES),
        st.tuples(st.just("notice"), st.just(""), NOTICES),
        st.tuples(st.just("more"), st.just(""), TEXTS),
        st.tuples(st.just("blank"), st.just(""), st.just("")),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(
    lines=LINES,
    layout=st.sampled_from(
        ["android", "android-12h", "spanish", "ios", "ios-12h", "iso", "two-spaces", "signal"]
    ),
    crlf=st.booleans(),
    leading_blanks=st.integers(min_value=0, max_value=2),
    minutes=st.lists(st.integers(min_value=0, max_value=3000), min_size=30, max_size=30),
)
def test_generated_exports_read_the_same_on_both_roads(
    lines: list[tuple[str, str, str]],
    layout: str,
    crlf: bool,
    leading_blanks: int,
    minutes: list[int],
) -> None:
    stamp = datetime(2021, 1, 13, 8, 0)
    written = [f"{_stamp(stamp, layout)}Ana: first"] + [""] * 0
    for (kind, name, body), step in zip(lines, minutes, strict=False):
        stamp += timedelta(minutes=step)
        if kind == "message":
            written.append(f"{_stamp(stamp, layout)}{name}: {body}")
        elif kind == "notice":
            written.append(f"{_stamp(stamp, layout)}{body}")
        else:
            written.append(body)
    end = "\r\n" if crlf else "\n"
    data = (end * leading_blanks + end.join(written) + end).encode()
    assert whatsapp_scan.scan(data) is not None
    targets.whatsapp_scan(data)  # the fuzz target: same messages, or the same error, both roads
