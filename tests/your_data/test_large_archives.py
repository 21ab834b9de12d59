"""Her own export always comes back: a table written one row to a line is read line by line, so
a chat of a million messages imports however large its file, within the zip's total and ratio."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from anew.accounts.models import User
from anew.chats import service as chats
from anew.chats.models import ChatMessage
from anew.chats.progress import ProgressReporter
from anew.chats.service import ImportOptions
from anew.db import utcnow
from anew.your_data.archive import ArchiveError, import_archive, write_archive
from anew.zips import MB, ZipLimits
from tests.people import Person

SMALL = ZipLimits(64 * 1024, 64 * MB, what="an Anew archive")  # one file held whole: 64 KB


def _exported(factory: sessionmaker[Session], person: Person, tmp_path: Path) -> bytes:
    lines = [
        f"13/03/24, {n // 60 % 24:02d}:{n % 60:02d} - Ana: message number {n}\n"
        for n in range(3000)
    ]
    chat = tmp_path / "chat.txt"
    chat.write_text("".join(lines), encoding="utf-8")
    with factory() as db:
        report = ProgressReporter(factory, person.id, None)
        options = ImportOptions(keep_text=True)
        chats.import_file(
            db, person.id, chat, filename="chat.txt", options=options, limit=MB * 10, report=report
        )
        user = db.get(User, person.id)
        assert user is not None
        out = io.BytesIO()
        write_archive(db, user, now=utcnow(), out=out)
    return out.getvalue()


def _restore(factory: sessionmaker[Session], person: Person, data: bytes) -> dict[str, int]:
    with factory() as db:
        user = db.get(User, person.id)
        assert user is not None
        counts = import_archive(db, user, data, name="hers.zip", limits=SMALL)
        db.commit()
        return counts


def test_an_export_larger_than_one_file_may_be_imports_line_by_line(
    factory: sessionmaker[Session], alice: Person, bob: Person, db: Session, tmp_path: Path
) -> None:
    data = _exported(factory, alice, tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        assert zipped.getinfo("chat_messages.json").file_size > SMALL.max_member_bytes
    assert _restore(factory, bob, data)["chat_messages"] == 3000
    texts = db.scalars(
        select(ChatMessage.text).order_by(ChatMessage.import_id, ChatMessage.position)
    ).all()
    assert texts[3000:] == texts[:3000]  # bob's copy, message for message


def _rewritten(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = content if info.filename == name else source.read(info)
            target.writestr(info.filename, body)
    return out.getvalue()


@pytest.mark.parametrize(
    ("broken", "said"),
    [
        (lambda rows: [b"[", rows[0] + b",", rows[1][:20], b"]"], r"chat_messages.json, line 3"),
        (lambda rows: [b"[", rows[0] + b",", rows[1]], "the list of rows is cut off"),
        (lambda rows: [b"[", rows[0], b"]", rows[1]], "there is more after the closing ']'"),
    ],
    ids=["cut-row", "no-end", "after-end"],
)
def test_a_broken_line_is_named(
    factory: sessionmaker[Session],
    alice: Person,
    bob: Person,
    db: Session,
    tmp_path: Path,
    broken: Callable[[list[bytes]], list[bytes]],
    said: str,
) -> None:
    data = _exported(factory, alice, tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        lines = zipped.read("chat_messages.json").splitlines()
    rows = [line.removesuffix(b",") for line in lines[1:3]]
    content = b"\n".join(broken(rows)) + b"\n"
    with pytest.raises(ArchiveError, match=re.escape(said)):
        _restore(factory, bob, _rewritten(data, "chat_messages.json", content))
    assert db.scalar(select(func.count()).select_from(ChatMessage)) == 3000  # alice's alone


def test_a_file_written_whole_still_comes_within_the_limit_for_one_file(
    factory: sessionmaker[Session], alice: Person, bob: Person, tmp_path: Path
) -> None:
    data = _exported(factory, alice, tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        rows = zipped.read("chat_messages.json").replace(b"\n", b"")  # one long line
    with pytest.raises(ArchiveError, match=r"chat_messages\.json: this file unpacks to more"):
        _restore(factory, bob, _rewritten(data, "chat_messages.json", rows))
