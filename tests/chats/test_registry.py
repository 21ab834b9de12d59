"""The registry of chat formats: each export is found as its own format, by its content alone, at
the cost of no second decode; and what Anew tells people about the formats names every one."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path
from unittest import mock

import pytest

from anew.chats.errors import ChatFormatError
from anew.chats.formats import chat_file
from anew.chats.formats.chat_file import ChatFile
from anew.chats.formats.registry import FORMATS, find_format, opened_in_place, supported_files
from anew.chats.loading import load_chat
from anew.chats.reading import Source, decode_text
from tests.chats.fixtures import CHAT_MINER

DATA = Path(__file__).parent / "data"
E2EE = {"participants": ["Ana"], "messages": [{"senderName": "Ana", "timestamp": 1, "text": "hi"}]}
SAMPLES = {
    "WhatsApp": (CHAT_MINER / "whatsapp" / "test_ddmmyy_24hrs.txt").read_bytes(),
    "Signal": (CHAT_MINER / "signal" / "test_export.txt").read_bytes(),
    "Telegram": (CHAT_MINER / "telegram" / "test_batch_export.json").read_bytes(),
    "Messenger or Instagram": (CHAT_MINER / "instagram" / "test_export.json").read_bytes(),
    "SMS Backup & Restore": (DATA / "sms-backup.xml").read_bytes(),
}
CHAT = "13/02/21, 10:00 - Ana: one\n14/02/21, 11:00 - Sam: two\n"


def _messages_db(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE chat (ROWID INTEGER PRIMARY KEY)")
    db.close()
    return path


def test_the_upload_hint_names_every_format_in_one_sentence() -> None:
    hint = supported_files()
    for found in FORMATS:
        assert found.name in hint
        assert found.files in hint
    assert hint == (
        "WhatsApp .txt or .zip, Telegram result.json, Messenger or Instagram message_1.json, "
        "Signal, iMessage chat.db, or an SMS Backup & Restore .xml."
    )


def test_a_file_of_no_format_is_told_every_format_anew_reads() -> None:
    with pytest.raises(ChatFormatError) as caught:
        find_format(ChatFile.in_memory(Source("notes.txt", b"Shopping list\n- milk\n")))
    assert caught.value.line == 1
    assert caught.value.problem.startswith("this is not a chat export Anew can read (WhatsApp")
    for found in FORMATS:
        assert found.files in caught.value.problem


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_export_is_claimed_by_its_own_format_only(name: str) -> None:
    file = ChatFile.in_memory(Source(f"export of {name}", SAMPLES[name]))
    assert [found.name for found in FORMATS if found.sniff(file)] == [name]
    assert find_format(file).name == name


def test_a_json_document_with_the_meta_shape_is_meta_however_it_is_written() -> None:
    file = ChatFile.in_memory(Source("ana.json", json.dumps(E2EE).encode()))
    assert find_format(file).name == "Messenger or Instagram"


def test_files_opened_in_place_are_told_before_anything_is_read(tmp_path: Path) -> None:
    backup, chat = tmp_path / "sms.xml", tmp_path / "chat.txt"
    backup.write_bytes(SAMPLES["SMS Backup & Restore"])
    chat.write_text(CHAT)
    database = _messages_db(tmp_path / "chat.db")
    found = {path.name: opened_in_place(ChatFile.on_disk(path)) for path in (backup, database)}
    assert {name: fmt.name for name, fmt in found.items() if fmt} == {
        "sms.xml": "SMS Backup & Restore",
        "chat.db": "iMessage",
    }
    assert opened_in_place(ChatFile.on_disk(chat)) is None
    assert opened_in_place(ChatFile.on_disk(tmp_path)) is None  # read_source names the problem


def test_a_backup_in_a_zip_is_told_by_its_first_bytes_before_any_text_is_decoded(
    tmp_path: Path,
) -> None:
    # Latin-1 bytes are no text to decode; the XML says its own encoding, and the backup is
    # found before any format asks for the text.
    backup = (
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<smses count="1">'
        b'<sms address="+15550100" contact_name="Sam" date="1700000000000" type="1" '
        b'body="caf\xe9" /></smses>\n'
    )
    path = tmp_path / "backup.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("sms-20231114.xml", backup)
    chat = load_chat(path, keep_text=True)
    assert chat.format == "sms"
    assert chat.messages.get_column("text").to_list() == ["café"]


def test_a_messages_database_in_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "messages.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(_messages_db(tmp_path / "chat.db"), "chat.txt")
    with pytest.raises(ChatFormatError, match="give a Messages database as a file"):
        load_chat(path)


def test_a_file_is_decoded_at_most_once_however_many_formats_look_at_it(tmp_path: Path) -> None:
    utf16, utf8 = tmp_path / "utf16.txt", tmp_path / "big.txt"
    utf16.write_text(CHAT, encoding="utf-16")
    utf8.write_text(CHAT * 2000, encoding="utf-8")
    with mock.patch.object(
        chat_file, "decode_text", autospec=True, side_effect=decode_text
    ) as decode:
        assert load_chat(utf16).messages.height == 2
        assert decode.call_count == 1
        assert load_chat(utf8).messages.height == 4000
        assert decode.call_count == 1  # a large UTF-8 export's bytes are read, never decoded


def test_a_json_document_is_parsed_once_for_every_format_that_looks_at_it() -> None:
    instagram = ChatFile.in_memory(Source("export.json", SAMPLES["Messenger or Instagram"]))
    with mock.patch.object(chat_file, "json_document", wraps=chat_file.json_document) as parsed:
        found = find_format(instagram)
        found.read(instagram, chat_file.ReadOptions())
    assert parsed.call_count == 1  # Telegram's sniff parsed it; Meta's and the read reuse it


def test_every_format_is_one_entry_of_the_registry() -> None:
    assert len({found.name for found in FORMATS}) == len(FORMATS)
    in_place = [found.name for found in FORMATS if found.in_place]
    assert in_place == ["iMessage", "SMS Backup & Restore"]  # iMessage's magic bytes first
