from __future__ import annotations

import json
from datetime import datetime

import pytest

from anew.chats.errors import AmbiguousDates, ChatFormatError
from anew.chats.formats import whatsapp, whatsapp_matchers
from anew.chats.loading import load_chat
from anew.chats.reading import Source, decode_text
from tests.chats.fixtures import CHAT_MINER, WHATSTK

CHAT_MINER_LAYOUTS = sorted((CHAT_MINER / "whatsapp").glob("*.txt"))
LAYOUTS = json.loads((WHATSTK / "generated-by-Makefile" / "hformats" / "layouts.json").read_text())


def _parse(text: str, **options: object) -> list[tuple[object, ...]]:
    chat = whatsapp.parse(text, source="chat.txt", keep_text=True, **options)  # type: ignore[arg-type]
    return chat.messages.select("timestamp", "sender", "kind", "text").rows()


@pytest.mark.parametrize("path", CHAT_MINER_LAYOUTS, ids=lambda p: p.name)
def test_it_reads_chat_miners_layouts_as_its_tests_expect(path: object) -> None:
    target = json.loads((CHAT_MINER / "whatsapp" / "target.json").read_text())
    chat = load_chat(path, keep_text=True)  # type: ignore[arg-type]
    # chat-miner lists newest first and joins continuation lines with a space; Anew keeps time order
    # and the line break.
    got = [
        {"timestamp": ts.isoformat(), "author": sender, "message": text.replace("\n", " ")}
        for ts, sender, text in chat.messages.select("timestamp", "sender", "text").rows()
    ]
    assert got == list(reversed(target))


@pytest.mark.parametrize("name", sorted(LAYOUTS), ids=str)
def test_it_reads_every_whatstk_layout_to_the_same_500_messages(name: str) -> None:
    reference = load_chat(WHATSTK / "generated-by-Makefile" / "hformats" / "layout-01.txt").messages
    chat = load_chat(WHATSTK / "generated-by-Makefile" / "hformats" / name).messages
    assert chat.height == 500
    assert chat["sender"].to_list() == reference["sender"].to_list()
    minutes = chat["timestamp"].dt.truncate("1m")  # some layouts have no seconds
    assert minutes.to_list() == reference["timestamp"].dt.truncate("1m").to_list()


@pytest.mark.parametrize(
    ("name", "messages", "people"),
    [
        ("lorem-2000.txt", 2000, 4),
        ("lorem.txt", 500, 4),
        ("lorem-merge-part1.txt", 300, 4),
        ("lorem-merge-part2.txt", 300, 5),
        # The encryption notice under the group's name ("Pokemon Chat"), on Android and without
        # iOS's mark, has a person's form: a message, with two warnings on its line (it reads
        # like a notice, and the name appears nowhere else). whatstk counts 19 and 9 too.
        ("pokemon.txt", 19, 9),
    ],
)
def test_it_reads_whatstks_sample_chats(name: str, messages: int, people: int) -> None:
    chat = load_chat(WHATSTK / "chats" / "whatsapp" / name)
    assert chat.messages.height == messages
    assert len(chat.participants) == people
    if name == "pokemon.txt":
        assert [warning.line for warning in chat.warnings] == [1, 1]
        assert chat.set_aside.notices == {"encryption": 1}


def test_ios_notices_media_and_deleted_messages() -> None:
    text = (
        "[12/03/2024, 09:15:02] Sam: \u200eMessages and calls are end-to-end encrypted. No one "
        "outside of this chat, not even WhatsApp, can read or listen to them.\n"
        "[12/03/2024, 09:16:00] Sam: hi\n"
        "[12/03/2024, 09:17:00] Ana: \u200eimage omitted\n"
        "\u200e[12/03/2024, 09:18:00] Ana: \u200e<attached: 00000012-PHOTO-2024-03-12.jpg>\n"
        "[12/03/2024, 09:19:00] Sam: This message was deleted.\n"
        "[12/03/2024, 09:20:00] Sam: \u200eMissed voice call\n"
        "[13/03/2024, 21:05:00] Ana: see you\n"
    )
    rows = _parse(text)
    assert [(sender, kind) for _, sender, kind, _ in rows] == [
        ("Sam", "text"),
        ("Ana", "media"),
        ("Ana", "media"),
        ("Sam", "deleted"),
        ("Ana", "text"),
    ]


def test_android_system_lines_are_not_messages() -> None:
    text = (
        "3/4/24, 10:00 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"
        '3/4/24, 10:01 - Ana created group "Us"\n'
        "3/4/24, 10:02 - Ana added Sam\n"
        "3/4/24, 10:03 - Sam: <Media omitted>\n"
        "3/4/24, 10:04 - Ana: hello: there\n"
        "3/4/24, 10:05 - : nobody's name before the colon\n"
    )
    assert [(s, k, t) for _, s, k, t in _parse(text, prefer="monthfirst")] == [
        ("Sam", "media", "<Media omitted>"),
        ("Ana", "text", "hello: there"),
    ]


def test_twelve_hour_clocks_in_every_spelling() -> None:
    text = (
        "1/30/19, 12:05\u202fAM - A: midnight\n"
        "1/30/19, 12:10 p. m. - B: noon\n"
        "1/30/19, 8:49 PM - A: evening\n"
        "1/31/19, 7:01 a.m. - B: morning\n"
    )
    assert [ts for ts, *_ in _parse(text)] == [
        datetime(2019, 1, 30, 0, 5),
        datetime(2019, 1, 30, 12, 10),
        datetime(2019, 1, 30, 20, 49),
        datetime(2019, 1, 31, 7, 1),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_encodings_and_line_endings(encoding: str, newline: str) -> None:
    lines = [
        "25.12.21, 18:00 - Ana: Frohe Weihnachten 🎄",
        "second line",
        "25.12.21, 18:05 - Sam: Danke!",
    ]
    data = newline.join(lines).encode(encoding)
    rows = _parse(decode_text(Source("chat.txt", data)))
    assert rows[0][3] == "Frohe Weihnachten 🎄\nsecond line"
    assert rows[1][1:] == ("Sam", "text", "Danke!")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("odd", ["", "\x00", '"'])
def test_blank_lines_quotes_and_nul_bytes_stay_in_the_message(newline: str, odd: str) -> None:
    """Lines are split by Polars' CSV reader, or in Python where a NUL byte would confuse it;
    both must give the same lines, blank ones and quote marks included."""
    lines = [
        "\n",  # blank lines before the first message are allowed
        f'25.12.21, 18:00 - Ana: "first{odd}',
        "",
        "third line",
        "25.12.21, 18:05 - Sam: ok",
        "",
    ]
    rows = _parse(newline.join(lines))
    assert [row[3] for row in rows] == [f'"first{odd}\n\nthird line', "ok"]
    chat = whatsapp.parse(
        newline.join(["", "", f"stray{odd}", "25.12.21, 18:00 - Ana: hi"]), source="chat.txt"
    )
    assert chat.set_aside.unplaced == 1
    assert [warning.line for warning in chat.warnings] == [3]


def test_unclear_dates_need_a_preference() -> None:
    text = "01/02/21, 10:00 - A: one\n03/04/21, 11:00 - B: two\n"
    with pytest.raises(AmbiguousDates, match="--dayfirst or --monthfirst"):
        _parse(text)
    assert _parse(text, prefer="dayfirst")[0][0] == datetime(2021, 2, 1, 10, 0)
    assert _parse(text, prefer="monthfirst")[0][0] == datetime(2021, 1, 2, 10, 0)


def test_a_first_field_above_12_settles_the_order() -> None:
    assert _parse("01/02/21, 10:00 - A: one\n13/02/21, 11:00 - B: two\n")[0][0] == datetime(
        2021, 2, 1, 10
    )


def test_a_stray_line_before_the_first_message_is_set_aside_and_named() -> None:
    chat = whatsapp.parse("hello there\n\n13/02/21, 10:00 - A: one\n", source="chat.txt")
    assert chat.messages.height == 1
    assert chat.set_aside.unplaced == 1
    assert [warning.line for warning in chat.warnings] == [1]
    assert "hello" not in chat.warnings[0].why


def test_a_file_without_any_message_is_refused() -> None:
    with pytest.raises(ChatFormatError) as caught:
        _parse("hello there\nno dates here\n")
    assert caught.value.line == 1


def test_an_impossible_time_is_named() -> None:
    with pytest.raises(ChatFormatError) as caught:
        _parse("13/02/21, 10:00 - A: one\n14/02/21, 25:00 - B: two\n")
    assert caught.value.line == 2


# Bodies of each kind, as English exports write them (en.toml has their sources).
PLACEHOLDER_BODIES = [
    "<Media omitted>",
    "<attached: 00000012-PHOTO-2024-03-12.jpg>",
    *(f"{what} omitted" for what in ("image", "video", "audio", "sticker", "GIF")),
    "Contact card omitted",
    "holiday.pdf (file attached)",
    "This message was deleted",
    "You deleted this message.",
]
NOTICE_BODIES = [
    "Messages to this group are now secured with end-to-end encryption. Tap for more info.",
    "Your security code with Sam changed. Tap to learn more.",
    'Ana changed the subject from "Us" to "We"',
    "Ana changed the group description",
    "Ana changed this group's icon",
    "Ana added Sam",
    "Ana removed Sam",
    'Ana created group "Us"',
    "Sam left",
    "Sam joined using this group's invite link",
    "Sam changed their phone number to a new number. Tap to message or add the new number.",
    "This chat is with a business account. Tap to learn more.",
]


@pytest.mark.parametrize("body", [*PLACEHOLDER_BODIES, *NOTICE_BODIES])
def test_every_media_and_notice_body_holds_a_word_the_fast_check_looks_for(body: str) -> None:
    assert whatsapp_matchers.kind_of(body) is not None
    assert any(word in body for word in whatsapp_matchers.matchers().words)


def test_placeholders_behind_a_name_keep_their_kind_and_notices_there_stay_messages() -> None:
    bodies = [*PLACEHOLDER_BODIES, *NOTICE_BODIES]
    lines = [f"21/02/21, 10:{minute:02d} - Ana: {body}" for minute, body in enumerate(bodies)]
    text = "\n".join(["21/02/21, 09:00 - Sam: hello there", *lines, "21/02/21, 11:00 - Sam: bye"])
    chat = whatsapp.parse(text + "\n", source="chat.txt")
    kinds = chat.messages.get_column("kind").to_list()
    assert kinds == ["text", *["media"] * 9, *["deleted"] * 2, *["text"] * 13]
    assert [warning.line for warning in chat.warnings] == list(range(13, 25))
    assert chat.set_aside.notices == {}


def test_continued_and_marked_messages_keep_their_whole_text() -> None:
    text = (
        "[21/02/21, 10:00:00] Ana: first\n"
        "second line\n"
        "\n"
        "[21/02/21, 10:01:00] Sam: plain\n"
        "[21/02/21, 10:02:00] Ana: \u200e\u200e<attached: a.jpg>\n"
        "[21/02/21, 10:03:00] Sam: last\n"
        "  indented\n"
    )
    assert [body for *_, body in _parse(text)] == [
        "first\nsecond line",
        "plain",
        "<attached: a.jpg>",
        "last\n  indented",
    ]


def test_continued_messages_of_one_and_of_several_lines_side_by_side() -> None:
    text = (
        "21/02/21, 10:00 - Ana: one\n"
        "two\n"
        "21/02/21, 10:01 - Sam: a\n"
        "b\n"
        "\n"
        "c\n"
        "\n"
        "\n"
        "21/02/21, 10:02 - Ana: only blank after\n"
        "\n"
        "21/02/21, 10:03 - Sam: x\n"
        "y\n"
    )
    assert [body for *_, body in _parse(text)] == [
        "one\ntwo",
        "a\nb\n\nc",
        "only blank after",
        "x\ny",
    ]


def test_names_with_dashes_colons_and_brackets_end_where_the_header_does() -> None:
    text = (
        "21/02/21, 10:00 - Jean-Luc - Paris: hi - there\n"
        "21/02/21, 10:01 - Ana: time: 10:30 - ok\n"
        "[21/02/21, 10:02:00] Sam] x: [brackets] - too\n"
        "21/02/21, 10:03 pm - Bo: late\n"
    )
    rows = [(stamp.strftime("%H:%M"), sender, body) for stamp, sender, _kind, body in _parse(text)]
    assert rows == [
        ("10:00", "Jean-Luc - Paris", "hi - there"),
        ("10:01", "Ana", "time: 10:30 - ok"),
        ("10:02", "Sam] x", "[brackets] - too"),
        ("22:03", "Bo", "late"),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_files_own_bytes_parse_as_its_text_does(newline: str) -> None:
    text = newline.join(
        ["[21/02/21, 10:00:00] Zoë: ça va ?", "suite", "[21/02/21, 10:01:00] Sam: ✓", ""]
    )
    from_text = whatsapp.parse(text, source="chat.txt", keep_text=True)
    from_bytes = whatsapp.parse(text, source="chat.txt", keep_text=True, utf8=text.encode())
    assert from_bytes.messages.equals(from_text.messages)
    assert from_bytes.messages["text"].to_list() == ["ça va ?\nsuite", "✓"]


def test_a_date_that_comes_back_after_another_keeps_its_day() -> None:
    text = (
        "13/02/21, 10:00 - A: one\n"
        "14/02/21, 09:00 - B: two\n"
        "13/02/21, 11:00 - A: three, sent while offline\n"
        "14/02/21, 09:30 - B: four\n"
    )
    got = [(stamp.day, stamp.hour, body) for stamp, _sender, _kind, body in _parse(text)]
    # Back in time order; each message on the day its own line says.
    assert got == [
        (13, 10, "one"),
        (13, 11, "three, sent while offline"),
        (14, 9, "two"),
        (14, 9, "four"),
    ]
