from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from anew.chats import reading
from anew.chats.errors import ChatFormatError
from anew.chats.formats import whatsapp_scan, whatsapp_scanned
from anew.chats.formats.chat_file import HEAD_BYTES
from anew.chats.loading import load_chat
from anew.chats.reading import SQLITE_MAGIC, ReadAhead, read_source
from tests.chats.fixtures import WHATSTK

CHAT = "13/02/21, 10:00 - Ana: one\n14/02/21, 11:00 - Sam: two\n"


def _problem(path: Path, **options: object) -> ChatFormatError:
    with pytest.raises(ChatFormatError) as caught:
        load_chat(path, **options)  # type: ignore[arg-type]
    assert str(path) in str(caught.value)
    return caught.value


def test_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    assert "empty" in _problem(tmp_path / "empty.txt").problem
    (tmp_path / "blank.txt").write_text("\n\n  \n")
    assert "empty" in _problem(tmp_path / "blank.txt").problem


def test_binary_garbage(tmp_path: Path) -> None:
    (tmp_path / "garbage.txt").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00\x00\xc3\x28" * 50)
    assert "not a text export" in _problem(tmp_path / "garbage.txt").problem


def test_a_file_of_another_format(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("Shopping list\n- milk\n- bread\n")
    error = _problem(tmp_path / "notes.txt")
    assert error.line == 1
    assert "not a chat export" in error.problem
    (tmp_path / "other.json").write_text('{"hello": "world"}')
    assert (
        "not a Telegram, Messenger or Instagram export" in _problem(tmp_path / "other.json").problem
    )


def test_truncated_json_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "result.json").write_text('{\n "messages": [\n  {"type": "message",\n')
    error = _problem(tmp_path / "result.json")
    assert "ends too early" in error.problem
    assert error.line is not None


def test_a_zip_export_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Sam.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("IMG-0001.jpg", b"\xff\xd8" + b"\x00" * 100)
        archive.writestr("_chat.txt", CHAT)
    assert load_chat(path).messages.height == 2


def test_a_whatstk_zip_equals_its_txt() -> None:
    base = WHATSTK / "generated-by-Makefile" / "hformats"
    assert load_chat(base / "layout-07.zip").messages.equals(
        load_chat(base / "layout-07.txt").messages
    )


def test_a_zip_with_no_chat(tmp_path: Path) -> None:
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("IMG-0001.jpg", b"\xff\xd8")
    assert "holds no chat" in _problem(path).problem


def test_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", b"0" * (20 * 1024 * 1024))
    assert "zip bomb" in _problem(path).problem
    assert "far more than any chat" in _problem(path, max_bytes=1024 * 1024).problem


def test_a_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(CHAT * 100)
    assert "over the" in _problem(path, max_bytes=1024).problem


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ChatFormatError, match="no such file"):
        read_source(tmp_path / "nope.txt")


def _big_chat(lines: int = 4000) -> str:
    """A chat larger than the part read to tell the format (HEAD_BYTES)."""
    text = "".join(
        f"{13 + n // 1440}/02/21, {n // 60 % 24:02d}:{n % 60:02d} - Ana: message number {n} ça va\n"
        for n in range(lines)
    )
    assert len(text.encode()) > HEAD_BYTES
    return text


def test_bytes_that_are_not_text_after_the_first_part_are_named_by_line(tmp_path: Path) -> None:
    text = _big_chat()
    path = tmp_path / "chat.txt"
    path.write_bytes(text.encode() + b"20/02/21, 11:00 - Sam: \xff\xfe broken\n")
    problem = _problem(path)
    assert "not a text export" in problem.problem
    assert problem.line == 4001


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_big_export_reads_the_same_from_its_bytes(tmp_path: Path, newline: str) -> None:
    text = _big_chat().replace("\n", newline)
    path = tmp_path / "chat.txt"
    path.write_bytes(text.encode())
    chat = load_chat(path, keep_text=True)
    assert chat.messages.height == 4000
    assert chat.messages["text"][3999] == "message number 3999 ça va"


def test_a_big_export_with_a_nul_byte_keeps_it_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes((_big_chat() + "20/02/21, 11:00 - Sam: a\x00b\n").encode())
    chat = load_chat(path, keep_text=True)
    assert chat.messages["text"][-1] == "a\x00b"


def test_a_big_file_that_starts_blank_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("\n" * (HEAD_BYTES + 10) + CHAT)
    assert load_chat(path).messages.height == 2


def test_a_read_ahead_hands_over_the_bytes_it_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(CHAT)
    ahead = ReadAhead.start(path)
    assert ahead is not None
    heard: list[tuple[int, int]] = []

    def no_second_read(*_args: object) -> bytes:
        raise AssertionError("the file was read again")

    monkeypatch.setattr(reading, "_read_file", no_second_read)
    source = read_source(path, ahead=ahead, on_read=lambda done, total: heard.append((done, total)))
    assert source.data == CHAT.encode()
    assert heard == [(len(CHAT), len(CHAT))]  # the progress bar still hears the file is read


def test_a_file_that_changed_after_its_read_ahead_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(CHAT)
    ahead = ReadAhead.start(path)
    assert ahead is not None
    taken = ahead.take(path, len(CHAT))
    assert taken is not None
    assert taken[0] == CHAT.encode()
    assert ahead.take(path, len(CHAT)) is None  # handed over once, then let go
    ahead = ReadAhead.start(path)
    assert ahead is not None
    path.write_text(CHAT + "15/02/21, 09:00 - Ana: three\n")
    assert load_chat(path, ahead=ahead).messages.height == 3
    other = tmp_path / "other.txt"
    other.write_text(CHAT)
    assert ReadAhead.start(other) is not None
    assert ahead.take(other, len(CHAT)) is None  # another file's bytes are never handed over


@pytest.mark.skipif(not whatsapp_scan.available(), reason="the compiled scanner was not built")
@pytest.mark.parametrize("mark", [b"", whatsapp_scan.BOM], ids=["plain", "byte-order mark"])
def test_a_read_ahead_scans_the_export_so_the_parse_need_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mark: bytes
) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(mark + _big_chat().encode())
    expected = load_chat(path).messages
    ahead = ReadAhead.start(path)
    assert ahead is not None

    def no_second_scan(_data: bytes) -> None:
        raise AssertionError("the export was scanned again")

    monkeypatch.setattr(whatsapp_scanned, "scan", no_second_scan)
    assert load_chat(path, ahead=ahead).messages.equals(expected)


def test_a_read_ahead_loads_the_same_chat(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(_big_chat())
    ahead = ReadAhead.start(path)
    assert load_chat(path, ahead=ahead).messages.equals(load_chat(path).messages)


def test_no_read_ahead_for_exports_that_are_not_read_whole(tmp_path: Path) -> None:
    zipped = tmp_path / "chat.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("_chat.txt", CHAT)
    database = tmp_path / "chat.db"
    database.write_bytes(SQLITE_MAGIC + b"\x00" * 100)
    backup = tmp_path / "sms.xml"
    backup.write_text('<?xml version="1.0"?>\n<smses count="0"></smses>\n')
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    big = tmp_path / "big.txt"
    big.write_text(CHAT * 100)
    for path in (zipped, database, backup, empty, tmp_path, tmp_path / "missing.txt"):
        assert ReadAhead.start(path) is None, path
    assert ReadAhead.start(big, max_bytes=1024) is None
    assert ReadAhead.start(big) is not None


def test_a_big_export_with_a_lone_carriage_return_breaks_the_line_there(tmp_path: Path) -> None:
    # The CSV reader ends lines at LF and CR LF; a CR on its own must end one too, as it does
    # when the text is decoded whole.
    text = _big_chat().replace("\n", "\r\n") + "20/02/21, 11:00 - Sam: one\rtwo\r\n"
    path = tmp_path / "chat.txt"
    path.write_bytes(text.encode())
    chat = load_chat(path, keep_text=True)
    assert chat.messages["text"][-1] == "one\ntwo"
    assert chat.messages["words"][-1] == 2
    assert chat.messages["text"][3999] == "message number 3999 ça va"
