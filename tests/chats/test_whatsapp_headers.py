"""WhatsApp's header layouts: locale words between date and time, AM/PM spellings before or
after the time, two spaces before the dash, the exports of 2012-2013, Signal's layouts beside
WhatsApp's, year-first dates and the file's encoding. Each layout is read on both roads (the
compiled scanner's and the general one) where the scanner takes it on.

The words come from small tables of these tests' own (tests/chats/data/header-tables); each
names where its words were seen. Where a line below is quoted from a real export, the comment
says where from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
from fuzz import targets
from hypothesis import given, settings
from hypothesis import strategies as st

from anew.chats.errors import AmbiguousDates, ChatFormatError
from anew.chats.formats import (
    whatsapp,
    whatsapp_common,
    whatsapp_header,
    whatsapp_scan,
    whatsapp_scanned,
    whatsapp_words,
)
from anew.chats.formats.chat_file import DatePreference
from anew.chats.loading import load_chat, parse_text
from anew.chats.reading import Source
from tests.chats.fixtures import CHAT_MINER

TABLES = Path(__file__).resolve().parent / "data" / "header-tables"
NBSP, NNBSP, LRM, RLM = "\u00a0", "\u202f", "\u200e", "\u200f"


@pytest.fixture
def tables(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The test tables in place of the shipped ones, for both roads."""
    _use_test_tables(monkeypatch)
    yield
    whatsapp_header.words.cache_clear()


def _use_test_tables(monkeypatch: pytest.MonkeyPatch, folder: Path = TABLES) -> None:
    for path in folder.glob("*.toml"):  # each is a table the loader takes too
        whatsapp_words.read_language(path.name, path.read_text(encoding="utf-8"))
    monkeypatch.setattr(whatsapp_header, "FOLDER", folder)
    whatsapp_header.words.cache_clear()


def _read(text: str, *, prefer: DatePreference = None, scanned: bool = True) -> pl.DataFrame:
    """The messages on the general road, checked against the scanner's road: the same messages
    where `scanned` (the scanner takes the file on), else the scanner leaves the file alone."""
    general = whatsapp.parse(text, source="chat.txt", prefer=prefer, keep_text=True).messages
    fast = whatsapp_scanned.parse(text.encode(), source="chat.txt", prefer=prefer)
    if whatsapp_scan.available():
        assert (fast is not None) == scanned
    if fast is not None:
        assert fast.messages.drop("text", strict=False).equals(general.drop("text"))
    return general


def _stamps(messages: pl.DataFrame) -> list[tuple[datetime, str, str]]:
    return messages.select("timestamp", "sender", "text").rows()


@pytest.mark.usefixtures("tables")
@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("{d}/09/2019 à 22:39 - Ana: Salut :)", datetime(2019, 9, 26, 22, 39)),  # rwhatsapp #8
        ("{d}.6.2018 klo 21.25.15 - Ana: moi", datetime(2018, 6, 13, 21, 25, 15)),  # Pustur
        ("[{d}.3.2022 klo 14.08.18] Ana: moi", datetime(2022, 3, 12, 14, 8, 18)),
        ("{d}/3/2025, 9:29 p. m. - Ana: hola", datetime(2025, 3, 28, 21, 29)),  # whats-reader #78
        (f"{{d}}/3/2025, 9:29{NNBSP}p.{NNBSP}m. - Ana: hola", datetime(2025, 3, 28, 21, 29)),
        (f"{{d}}/3/2025, 12:05{NBSP}a. m. - Ana: hola", datetime(2025, 3, 28, 0, 5)),
        ("{d}/03/2025, 9:04 م - Ana: مرحبا", datetime(2025, 3, 28, 21, 4)),
        ("{d}/03/2025, 9:04 ص - Ana: مرحبا", datetime(2025, 3, 28, 9, 4)),
        ("2025. 3. {d}. 오후 3:04 - Ana: 안녕", datetime(2025, 3, 28, 15, 4)),
        ("[2025. 3. {d}. 오전 12:04:05] Ana: 안녕", datetime(2025, 3, 28, 0, 4, 5)),
        ("2025/3/{d} 下午3:04 - Ana: 你好", datetime(2025, 3, 28, 15, 4)),
        ("2025/3/{d} 上午11:04 - Ana: 你好", datetime(2025, 3, 28, 11, 4)),
        ("[2025/03/{d} 午後3:04:05] Ana: こんにちは", datetime(2025, 3, 28, 15, 4, 5)),
    ],
)
def test_locale_words_and_day_periods_are_read_on_both_roads(line: str, stamp: datetime) -> None:
    # The same header a day later, with days above 12, so that the dates settle their order.
    text = f"{line.format(d=28)}\nsecond line\n{line.format(d=29)}\n"
    messages = _read(text)
    assert messages.height == 2
    first = messages.row(0, named=True)
    assert first["timestamp"].time() == stamp.time()
    assert first["timestamp"].day == 28
    assert first["sender"] == "Ana"
    assert first["text"].endswith("\nsecond line")


def _written(stamp: datetime, layout: str) -> str:
    """A header as the phones of these test tables write it (see the parametrized lines above)."""
    hour12 = f"{stamp.hour % 12 or 12}:{stamp:%M}"
    after = stamp.hour >= 12
    spanish, korean = ("p. m.", "오후") if after else ("a. m.", "오전")
    return {
        "french": f"{stamp:%d/%m/%Y} à {stamp:%H:%M} - ",
        "finnish": f"[{stamp.day}.{stamp.month}.{stamp:%Y} klo {stamp:%H.%M.%S}] ",
        "spanish": f"{stamp.day}/{stamp.month}/{stamp:%Y}, {hour12}{NNBSP}{spanish} - ",
        "arabic": f"{stamp:%d/%m/%Y}, {hour12} {'م' if after else 'ص'} - ",
        "korean": f"{stamp:%Y}. {stamp.month}. {stamp.day}. {korean} {hour12} - ",
        "chinese": f"{stamp:%Y/%m/%d} {'下午' if after else '上午'}{hour12} - ",
    }[layout]


@settings(max_examples=150, deadline=None)
@given(
    layout=st.sampled_from(["french", "finnish", "spanish", "arabic", "korean", "chinese"]),
    steps=st.lists(st.integers(min_value=0, max_value=3000), min_size=1, max_size=25),
    bodies=st.lists(st.sampled_from(["hi", "", "a: b", "line\nmore", "\u200eimage omitted"])),
    crlf=st.booleans(),
)
def test_generated_locale_exports_read_the_same_on_both_roads(
    layout: str, steps: list[int], bodies: list[str], crlf: bool
) -> None:
    stamp = datetime(2021, 1, 13, 8, 0)
    written = []
    for number, step in enumerate(steps):
        stamp += timedelta(minutes=step)
        body = bodies[number % len(bodies)] if bodies else "hi"
        written.append(f"{_written(stamp, layout)}{'Ana' if number % 2 else 'Sam'}: {body}")
    data = (("\r\n" if crlf else "\n").join(written) + "\n").encode()
    with pytest.MonkeyPatch.context() as patch:
        _use_test_tables(patch)
        try:
            assert whatsapp_scan.scan(data) is not None or not whatsapp_scan.available()
            targets.whatsapp_scan(data)  # the same messages, or the same error, on both roads
            chat = whatsapp.parse(data.decode(), source="chat.txt", prefer="dayfirst")
            assert chat.messages.height == len(steps)
        finally:
            whatsapp_header.words.cache_clear()


# Arabic iOS exports in github:starkdmi/whats_json@760b3a0a063f8e576156e72f5807c6ab283e0943,
# test/data/languages/arabic_ios.txt (Arabic-Indic digits, U+200F inside the date, "،", a no-break
# space before م) and test/data/ios/WhatsApp Chat - Elon Musk (Arabic).txt (ASCII digits, 24-hour).
ARABIC_INDIC = (
    f"[١٨{RLM}/٣{RLM}/٢٠٢٢، ٢:٥٦:٠٠{NBSP}م] Dmitry S: Hello World\n"
    f"[٢٧{RLM}/٣{RLM}/٢٠٢٢، ٩:٤١:٣٥{NBSP}م] Dmitry S: لم يتم إدراج الصورة\n"
    f"[٢٨{RLM}/٣{RLM}/٢٠٢٢، ٩:٠٥:٠٠{NBSP}ص] +40 521: صباح الخير\n"
)
ARABIC_ASCII = (
    f"{RLM}[{RLM}27{RLM}/3{RLM}/2022، 21:41:55] Dmitry S: {RLM}لم يتم إدراج الصورة\n"
    f"[{RLM}28{RLM}/3{RLM}/2022، 09:05:00] +40 521: صباح الخير\n"
)


def test_the_shipped_arabic_table_reads_arabic_indic_digits_on_the_general_road() -> None:
    messages = _read(ARABIC_INDIC, scanned=False)
    assert [stamp for stamp, *_ in _stamps(messages)] == [
        datetime(2022, 3, 18, 14, 56),
        datetime(2022, 3, 27, 21, 41, 35),
        datetime(2022, 3, 28, 9, 5),
    ]
    assert messages.get_column("sender").to_list() == ["Dmitry S", "Dmitry S", "+40 521"]
    chat = parse_text(Source("chat.txt", ARABIC_INDIC.encode()))  # told from its first lines
    assert (chat.format, chat.messages.height) == ("whatsapp", 3)


def test_the_shipped_arabic_table_reads_marked_ascii_dates_on_both_roads() -> None:
    assert [(stamp, sender) for stamp, sender, _ in _stamps(_read(ARABIC_ASCII))] == [
        (datetime(2022, 3, 27, 21, 41, 55), "Dmitry S"),
        (datetime(2022, 3, 28, 9, 5), "+40 521"),
    ]


def test_the_shipped_finnish_table_reads_klo() -> None:
    # "D.M.YYYY klo hh.mm -", as github:essiviippola/whatsapp-analysis@f7bfaaa1 describes it.
    text = "13.6.2018 klo 21.25 - Ana: moi\n14.6.2018 klo 8.05 - Sam: hei\n"
    assert [stamp for stamp, *_ in _stamps(_read(text))] == [
        datetime(2018, 6, 13, 21, 25),
        datetime(2018, 6, 14, 8, 5),
    ]


def test_the_shipped_french_and_spanish_tables_read_their_headers() -> None:
    # fr.toml's "à" (rwhatsapp's French test lines) and es.toml's "a. m."/"p. m." with the no-break
    # space its Spanish export writes.
    text = (
        "26/09/2019 à 22:39 - Ana: Salut :)\n"
        "27/09/2019 à 08:01 - Sam: Coucou\n"
        f"28/09/2019, 9:29{NBSP}p.{NBSP}m. - Ana: hola\n"
        f"29/09/2019, 12:05{NBSP}a.{NBSP}m. - Sam: buenas\n"
    )
    assert [stamp for stamp, *_ in _stamps(_read(text))] == [
        datetime(2019, 9, 26, 22, 39),
        datetime(2019, 9, 27, 8, 1),
        datetime(2019, 9, 28, 21, 29),
        datetime(2019, 9, 29, 0, 5),
    ]


EXPORTS = Path(__file__).resolve().parent / "data" / "header-exports"  # its README: the sources
VARIANTS = {
    "LF": lambda text: text.encode(),
    "CR LF": lambda text: text.replace("\n", "\r\n").encode(),
    "byte-order mark": lambda text: whatsapp_scan.BOM + text.encode(),
    "byte-order mark, CR LF": lambda text: whatsapp_scan.BOM + text.replace("\n", "\r\n").encode(),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_shipped_chinese_table_reads_the_day_period_before_the_time(variant: str) -> None:
    text = (EXPORTS / "zh-Hans_android.txt").read_text(encoding="utf-8")
    data = VARIANTS[variant](text)
    messages = _read(text)
    assert _stamps(messages) == [
        (datetime(2026, 4, 6, 9, 2), "小王", "早上好！周六的计划还照旧吗？"),
        (datetime(2026, 4, 6, 11, 59), "李娜 🐼", "照旧！\n计划：\n- 9点在车站集合"),
        (datetime(2026, 4, 6, 12, 30), "小王", "<省略影音内容>"),
        (datetime(2026, 4, 6, 13, 54), "李娜 🐼", "好的"),
        (datetime(2026, 4, 13, 23, 59), "小王", "晚安"),
        (datetime(2026, 4, 14, 0, 0), "李娜 🐼", "这条消息已删除"),
    ]
    kinds = messages.get_column("kind").to_list()
    assert kinds == ["text", "text", "media", "text", "text", "deleted"]
    chat = parse_text(Source("chat.txt", data), keep_text=True)  # the file's bytes, as uploaded
    assert (chat.format, chat.set_aside.notices) == ("whatsapp", {"encryption": 1})
    assert chat.messages.equals(messages)
    fast = whatsapp_scanned.parse(data, source="chat.txt", keep_text=True)
    if whatsapp_scan.available():
        assert fast is not None
        assert fast.messages.equals(messages)
        assert fast.set_aside == chat.set_aside


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_shipped_persian_table_reads_persian_digits_on_the_general_road(variant: str) -> None:
    text = (EXPORTS / "fa_android.txt").read_text(encoding="utf-8")
    messages = _read(text, scanned=False)  # the scanner leaves Persian digits to the general road
    assert _stamps(messages) == [
        (datetime(2021, 5, 30, 18, 44), "مریم", "سلام، خسته نباشید"),
        (datetime(2021, 5, 30, 18, 45), "رضا ⭐", "سلام، ممنون\nکلاس\u200cها شنبه\u200cاند"),
        (datetime(2021, 5, 30, 18, 49), "رضا ⭐", "<رسانه حذف شد>"),
        (datetime(2021, 5, 31, 0, 5), "مریم", "شب بخیر"),
        (datetime(2021, 6, 1, 9, 0), "رضا ⭐", "صبح بخیر"),
    ]
    assert messages.get_column("kind").to_list() == ["text", "text", "media", "text", "text"]
    chat = parse_text(Source("chat.txt", VARIANTS[variant](text)), keep_text=True)
    assert chat.format == "whatsapp"
    assert chat.messages.equals(messages)


def test_without_its_table_a_locale_word_is_no_header(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _use_test_tables(monkeypatch, tmp_path)
    try:
        with pytest.raises(ChatFormatError, match="no line here looks like a WhatsApp message"):
            whatsapp.parse("26/09/2019 à 22:39 - Ana: Salut\n", source="chat.txt")
    finally:
        whatsapp_header.words.cache_clear()


@pytest.mark.usefixtures("tables")
def test_a_file_that_mixes_two_languages_reads_every_header() -> None:
    # She changed her phone's language: French headers, then Spanish ones.
    text = (
        "26/09/2019 à 22:39 - Ana: Salut\n"
        "26/09/2019 à 22:40 - Sam: ça va\n"
        "27/09/2019, 9:29 p. m. - Ana: hola\n"
        "27/09/2019, 10:01 a. m. - Sam: buenas\n"
    )
    assert [stamp.strftime("%d %H:%M") for stamp, *_ in _stamps(_read(text))] == [
        "26 22:39",
        "26 22:40",
        "27 10:01",
        "27 21:29",
    ]


@pytest.mark.usefixtures("tables")
def test_the_shipped_and_test_words_are_all_usable_in_a_header() -> None:
    words = whatsapp_header.words()
    assert set(words.between) == {"à", "klo"}
    assert set(words.pm) == {"p. m.", "م", "오후", "下午", "午後"}
    assert words.day_periods[0] == "a. m."  # the longest first


def test_the_header_words_read_fast_are_the_whole_tables_words() -> None:
    words = whatsapp_header.words()
    tables = whatsapp_words.languages()
    between = {" ".join(word.split()) for table in tables for word in table.date_time_words}
    periods = {" ".join(word.split()) for table in tables for word in (*table.am, *table.pm)}
    assert set(words.between) == between  # every one used: none left out as unusable
    assert set(words.day_periods) == periods


def test_every_export_line_the_tables_quote_starts_with_a_header_read_on_both_roads() -> None:
    # The tables' `example`s are lines of real exports (or of WhatsApp's string tables, which
    # start with no date): each that starts with a date must be a header, the same on both roads.
    dated = re.compile(r"^[\u200e\u200f]?\[?[\u200e\u200f]?[0-9\u0660-\u0669]")
    examples = [
        wording.example
        for table in whatsapp_words.languages()
        for wording in (*table.placeholders, *table.notices)
        if dated.match(wording.example)
    ]
    assert len(examples) >= 40
    lines = pl.Series(examples)
    assert lines.str.contains(whatsapp_common.header()).all()
    if whatsapp_scan.available():
        from anew.chats.formats import _whatsapp_scan

        words = whatsapp_header.scan_words(whatsapp_header.words())
        scanned = [line for line in examples if not set(line) & set(whatsapp_header.EASTERN_DIGITS)]
        assert all(_whatsapp_scan.match_header(line.encode(), words) for line in scanned)


def test_words_that_would_end_a_header_early_are_left_out() -> None:
    usable = whatsapp_header._usable(["à", "12h", "a-b", "[x]", ".m", f"p.{NNBSP}m.", "à"])
    assert usable == ("p. m.", "à")


@pytest.mark.parametrize("spaces", ["  ", "   ", f" {NBSP}"])
def test_two_spaces_before_the_dash_neither_hide_a_message_nor_lose_the_file(spaces: str) -> None:
    text = (
        f"12/03/2024, 21:04{spaces}- Ana: hi\n"
        "12/03/2024, 21:05 - Sam: one space\n"
        f"13/03/2024, 21:06{spaces}- Sam: again\n"
    )
    assert [(stamp.day, sender, body) for stamp, sender, body in _stamps(_read(text))] == [
        (12, "Ana", "hi"),
        (12, "Sam", "one space"),
        (13, "Sam", "again"),
    ]


# Exports of 2012-2013: no " - " after the time, seconds in it, ": " before the name. The first
# two are quoted in github.com/nmoya/whatsapp-parser issue 4 (2017, "previous whatsapp export
# formats"); the third is format3 of github:Pustur/whatsapp-chat-parser@140675c1f26a550232c014c
# 0f4db7968db249510:tests/parser.test.ts.
OLD_EXPORTS = [
    (
        "09/12/2012 17:03:48: Sender Name: Message\n"
        "a second line\n"
        "10/12/2012 08:00:01: Ana: Morning\n"
        "13/12/2012 09:15:00: Ana joined\n",  # a notice: no name before it
        [
            (datetime(2012, 12, 9, 17, 3, 48), "Sender Name", "Message\na second line"),
            (datetime(2012, 12, 10, 8, 0, 1), "Ana", "Morning"),
        ],
    ),
    (
        "3/24/14, 1:59:59 PM: Sender Name: Message\n3/25/14, 9:00:00 AM: Ana: hi: there\n",
        [
            (datetime(2014, 3, 24, 13, 59, 59), "Sender Name", "Message"),
            (datetime(2014, 3, 25, 9, 0, 0), "Ana", "hi: there"),
        ],
    ),
    ("13.06.18 21.25.15: a: m\n", [(datetime(2018, 6, 13, 21, 25, 15), "a", "m")]),
]


@pytest.mark.parametrize(("text", "expected"), OLD_EXPORTS)
def test_exports_of_2012_and_2013_are_read_on_the_general_road(
    text: str, expected: list[tuple[datetime, str, str]]
) -> None:
    assert _stamps(_read(text, scanned=False)) == expected
    chat = parse_text(Source("chat.txt", text.encode()))  # told from its first lines
    assert chat.format == "whatsapp"
    assert chat.messages.height == len(expected)


def test_an_old_export_is_told_by_its_first_header_whatever_comes_before() -> None:
    # Text before the first message (here beyond the first 64 lines) does not hide the layout.
    lines = pl.Series(["", "Chat with Ana"] * 40 + OLD_EXPORTS[0][0].splitlines())
    modern = whatsapp_common.modernized(lines).tail(4).to_list()
    assert modern[0] == "09/12/2012 17:03:48 - Sender Name: Message"
    assert modern[3] == "13/12/2012 09:15:00 - Ana joined"


def test_an_old_layout_line_inside_todays_export_stays_text() -> None:
    text = "13/03/2024, 21:04 - Ana: look what I found:\n09/12/2012 17:03:48: Sam: old\n"
    assert _stamps(_read(text))[0][2] == "look what I found:\n09/12/2012 17:03:48: Sam: old"


# signal-export writes "[%Y-%m-%d %H:%M:%S] sender: body" (sigexport/models.py, Message.to_md,
# github:carderne/signal-export@1143c229564cd26ab078fa4a2f29c0e996109237).
SIGNAL = (
    "[2024-03-01 12:00:05] Ana: hi\n"
    "[2024-03-02 09:10:00] Sam: a second\nline\n"
    "[2024-04-03 18:00:00] Ana: (This message was deleted)\n"
)


@pytest.mark.parametrize("prefer", [None, "dayfirst", "monthfirst"])
def test_signals_current_layout_is_signal_and_its_dates_are_never_ambiguous(
    prefer: DatePreference,
) -> None:
    chat = parse_text(Source("chat.md", SIGNAL.encode()), prefer=prefer)
    assert chat.format == "signal"
    assert [stamp for stamp, *_ in chat.messages.select("timestamp").rows()] == [
        datetime(2024, 3, 1, 12, 0, 5),
        datetime(2024, 3, 2, 9, 10),
        datetime(2024, 4, 3, 18, 0),
    ]


def test_chat_miners_signal_export_is_still_signal() -> None:
    chat = load_chat(CHAT_MINER / "signal" / "test_export.txt")
    assert chat.format == "signal"
    assert chat.messages.height == 2


@pytest.mark.parametrize("mark", [LRM, RLM])
def test_a_whatsapp_export_in_signals_layout_stays_whatsapp(mark: str) -> None:
    # iOS WhatsApp puts U+200E (U+200F on right-to-left phones) before its notices and
    # attachments; Signal never does.
    text = SIGNAL.replace("Ana: hi", f"Ana: {mark}image omitted")
    assert parse_text(Source("chat.txt", text.encode())).format == "whatsapp"
    assert not whatsapp_common.looks_like_signal(text)


@pytest.mark.parametrize("prefer", [None, "dayfirst", "monthfirst"])
@pytest.mark.parametrize("layout", ["{y}-{m}-{d}, 10:00 - ", "[{y}/{m}/{d} 10:00:00] "])
def test_a_year_written_first_is_followed_by_the_month(layout: str, prefer: DatePreference) -> None:
    lines = [
        layout.format(y=2024, m="03", d="01") + "Ana: one",
        layout.format(y=2024, m="03", d="02") + "Sam: two",
        layout.format(y=2024, m="04", d="02") + "Ana: three",
    ]
    messages = _read("\n".join(lines) + "\n", prefer=prefer)
    assert [stamp.date().isoformat() for stamp, *_ in _stamps(messages)] == [
        "2024-03-01",
        "2024-03-02",
        "2024-04-02",
    ]


def test_a_buddhist_calendar_year_is_refused_rather_than_read_as_one_far_ahead() -> None:
    with pytest.raises(ChatFormatError, match="not valid in any day/month/year order"):
        _read("18/3/2565, 14:56 - Ana: hi\n19/3/2565, 09:00 - Sam: yo\n")


def test_two_digit_fields_all_under_13_are_still_ambiguous() -> None:
    with pytest.raises(AmbiguousDates):
        _read("01/02/21, 10:00 - A: one\n03/04/21, 11:00 - B: two\n")


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-8"], ids=str
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_utf16_with_or_without_a_mark_and_crlf_read_as_utf8_lf(encoding: str, newline: str) -> None:
    lines = [
        "[25.12.21, 18:00:00] Zoë: Frohe Weihnachten 🎄",
        "second line",
        f"[25.12.21, 18:05:00] Sam: {LRM}image omitted",
        "[26.12.21, 09:00:00] Sam: Danke!",
        "",
    ]
    data = newline.join(lines).encode(encoding)
    if encoding == "utf-16":  # Python writes its own byte order; write both with their mark
        data = b"\xfe\xff" + newline.join(lines).encode("utf-16-be")
    reference = parse_text(Source("chat.txt", "\n".join(lines).encode()), keep_text=True)
    chat = parse_text(Source("chat.txt", data), keep_text=True)
    assert chat.format == "whatsapp"
    assert chat.messages.equals(reference.messages)
    assert chat.messages.get_column("text").to_list()[0] == "Frohe Weihnachten 🎄\nsecond line"
