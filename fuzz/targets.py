"""What each fuzz target feeds and what it holds the code to: bad input may only ever be refused.

A target gets raw bytes from the fuzzer. It passes if the code under test returns a result that
keeps its promises (messages in time order, a report that serialises) or refuses the input with
the project's own error (ChatFormatError, QuizError) naming the file; any other exception is a
crash worth a regression test.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from anew.chats.errors import ChatFormatError
from anew.chats.formats import imessage, meta, sms, telegram, whatsapp, whatsapp_scanned
from anew.chats.loading import load_chat, parse_text
from anew.chats.metrics import Options
from anew.chats.model import Chat
from anew.chats.reading import Source
from anew.chats.report import analyze
from anew.quizzes.engine import QuizError, load_quiz
from fuzz.archive import archive_import

NAME = "fuzzed"


def _holds_its_promises(chat: Chat) -> None:
    """A parsed chat is in time order and analyses to a JSON-ready report, or is refused."""
    times = chat.messages.get_column("timestamp")
    assert times.is_sorted(), "messages are not in time order"
    if chat.messages.is_empty():
        return
    try:
        report = analyze(chat, options=Options(gap=timedelta(hours=6)))
    except ChatFormatError:
        return
    json.dumps(report, default=str)


def _refused_or_parsed(parse: Callable[[], Chat]) -> None:
    try:
        chat = parse()
    except ChatFormatError as error:
        assert error.source, "the error must name the file"
        return
    _holds_its_promises(chat)


def _json_or_none(data: bytes) -> object | None:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None


def whatsapp_text(data: bytes) -> None:
    """WhatsApp and Signal text exports, through format detection."""
    _refused_or_parsed(lambda: parse_text(Source(NAME, data)))


def whatsapp_direct(data: bytes) -> None:
    """The WhatsApp parser on any decodable text, detection skipped; and on the raw bytes, as the
    loader hands a large UTF-8 file over (the text decoded only if the bytes can't be read)."""
    text = data.decode("utf-8", errors="replace")
    for prefer in (None, "day", "month"):
        _refused_or_parsed(lambda: whatsapp.parse(text, source=NAME, prefer=prefer))  # noqa: B023
    _refused_or_parsed(lambda: whatsapp.parse(lambda: text, source=NAME, utf8=data))


def whatsapp_scan(data: bytes) -> None:
    """The compiled scanner's road against the general road: where the scan takes bytes on, both
    give the same messages (with their texts kept and without), or refuse them with the same
    words."""
    _same_on_both_roads(data, keep_text=False)
    _same_on_both_roads(data, keep_text=True)


def _same_on_both_roads(data: bytes, *, keep_text: bool) -> None:
    try:
        fast = whatsapp_scanned.parse(data, source=NAME, keep_text=keep_text)
    except ChatFormatError as error:
        fast_error: ChatFormatError | None = error
    else:
        if fast is None:
            return
        fast_error = None
    try:
        general = whatsapp.parse(data.decode("utf-8"), source=NAME, keep_text=keep_text)
    except ChatFormatError as error:
        assert str(error) == str(fast_error), f"the roads disagree: {fast_error} / {error}"
        return
    assert fast_error is None, f"only the scanner's road refused it: {fast_error}"
    assert fast is not None
    assert fast.messages.equals(general.messages), "the roads read different messages"
    assert fast.set_aside == general.set_aside, "the roads set aside different lines"
    assert fast.warnings == general.warnings, "the roads warn about different lines"


def telegram_json(data: bytes) -> None:
    """Telegram Desktop's result.json, single chats and whole-account exports."""
    document = _json_or_none(data)
    if document is None or not telegram.looks_like_telegram(document):
        _refused_or_parsed(lambda: parse_text(Source(NAME, data)))
        return
    _refused_or_parsed(lambda: telegram.parse(document, source=NAME))


def meta_json(data: bytes) -> None:
    """Messenger and Instagram message_N.json files."""
    document = _json_or_none(data)
    if document is None or not meta.looks_like_meta(document):
        _refused_or_parsed(lambda: parse_text(Source(NAME, data)))
        return
    _refused_or_parsed(lambda: meta.parse([document], source=NAME))


def sms_xml(data: bytes) -> None:
    """SMS Backup & Restore XML, streamed."""
    import io

    _refused_or_parsed(lambda: sms.parse(io.BytesIO(data), source=NAME))


def any_file(data: bytes) -> None:
    """Whatever a person uploads, as a file: zips, bombs, encodings, SQLite, everything."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload"
        path.write_bytes(data)
        _refused_or_parsed(lambda: load_chat(path, max_bytes=1024 * 1024))


# The part of Apple's Messages chat.db that Anew reads (tests build their databases from it too).
IMESSAGE_SCHEMA = """
CREATE TABLE handle (ROWID INTEGER PRIMARY KEY, id TEXT);
CREATE TABLE chat (ROWID INTEGER PRIMARY KEY, chat_identifier TEXT, display_name TEXT);
CREATE TABLE message (ROWID INTEGER PRIMARY KEY, text TEXT, attributedBody BLOB,
    handle_id INTEGER, date INTEGER, is_from_me INTEGER, cache_has_attachments INTEGER,
    associated_message_type INTEGER, item_type INTEGER);
CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER);
"""


def imessage_db(data: bytes) -> None:
    """A Messages chat.db whose rows come from the fuzzer: dates, flags, texts, archived bodies."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chat.db"
        db = sqlite3.connect(path)
        db.executescript(IMESSAGE_SCHEMA)
        db.execute("INSERT INTO handle VALUES (1, '+15550100')")
        db.execute("INSERT INTO chat VALUES (1, '+15550100', '')")
        chunk = 24
        for number, start in enumerate(range(0, len(data), chunk), start=1):
            row = data[start : start + chunk]
            date = int.from_bytes(row[:8].ljust(8, b"\0"), "little", signed=True)
            flags = row[8] if len(row) > 8 else 0
            body = row[9:]
            text = body.decode("utf-8", errors="replace") if flags & 1 else None
            archived = body if flags & 2 else None
            db.execute(
                "INSERT INTO message VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    number,
                    text,
                    archived,
                    flags & 4 and 1,
                    date,
                    flags & 8 and 1,
                    flags & 16 and 1,
                    2000 if flags & 32 else 0,
                    1 if flags & 64 else 0,
                ),
            )
            db.execute("INSERT INTO chat_message_join VALUES (1, ?)", (number,))
        db.commit()
        db.close()
        _refused_or_parsed(lambda: imessage.parse(path, source=NAME))
        imessage.text_from_attributed_body(data)


def quiz_toml(data: bytes) -> None:
    """A quiz file dropped into ANEW_QUIZZES_DIR: loaded, or refused with the file named."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed-quiz.toml"
        path.write_bytes(data)
        try:
            quiz = load_quiz(path)
        except QuizError as error:
            assert str(path) in str(error), "the error must name the file"
            return
        assert quiz.outcomes and quiz.questions, "a loaded quiz can be taken"


TARGETS: dict[str, Callable[[bytes], None]] = {
    "whatsapp": whatsapp_text,
    "whatsapp-direct": whatsapp_direct,
    "whatsapp-scan": whatsapp_scan,
    "telegram": telegram_json,
    "meta": meta_json,
    "sms": sms_xml,
    "imessage": imessage_db,
    "upload": any_file,
    "quiz": quiz_toml,
    "archive": archive_import,
}
