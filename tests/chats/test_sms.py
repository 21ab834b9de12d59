from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from anew.chats.errors import ChatFormatError
from anew.chats.loading import load_chat
from anew.chats.report import analyze

BACKUP = (Path(__file__).parent / "data" / "sms-backup.xml").read_text()


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    path = tmp_path / "sms-20231114.xml"
    path.write_text(BACKUP)
    return path


def test_it_reads_sent_and_received_messages_of_the_busiest_contact(backup: Path) -> None:
    chat = load_chat(backup, keep_text=True, me="Ana")
    assert chat.format == "sms"
    assert chat.title == "Sam"
    assert chat.messages.select("timestamp", "sender", "kind", "text").rows() == [
        (datetime(2023, 11, 14, 22, 13, 20), "Sam", "text", "Are you up?"),
        (datetime(2023, 11, 14, 22, 23, 20), "Ana", "text", "Yes & no"),
        (datetime(2023, 11, 14, 22, 28, 20), "Sam", "media", ""),
        (datetime(2023, 11, 14, 22, 30, 0), "Ana", "text", "look at this"),
    ]


def test_the_owner_is_me_by_default(backup: Path) -> None:
    report = analyze(load_chat(backup))
    assert report["me"] == "Me"
    assert report["messages"] == {"Sam": 2, "Me": 2}


def test_a_contact_can_be_chosen_by_name_or_number(backup: Path) -> None:
    chat = load_chat(backup, chat_name="+15550199")
    assert chat.messages.height == 1
    with pytest.raises(ChatFormatError, match="no messages with 'Alex'"):
        load_chat(backup, chat_name="Alex")


def test_an_entity_bomb_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE smses [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n'
        '<smses count="1"><sms date="1" type="1" body="&b;" address="1" /></smses>'
    )
    with pytest.raises(ChatFormatError, match="XML bomb"):
        load_chat(bomb)


def test_a_cut_short_backup_names_the_line(tmp_path: Path, backup: Path) -> None:
    cut = tmp_path / "cut.xml"
    cut.write_text(BACKUP[: BACKUP.index("<mms")] + "<sms date=")
    with pytest.raises(ChatFormatError) as caught:
        load_chat(cut)
    assert caught.value.line == 7
    assert "damaged or cut short" in caught.value.problem


def test_a_message_without_a_date_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nodate.xml"
    path.write_text('<smses count="1"><sms type="1" body="hi" address="1" date="soon" /></smses>')
    with pytest.raises(ChatFormatError, match=r"message 1 \(<sms>\), attribute date"):
        load_chat(path)
