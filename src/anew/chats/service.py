"""Chat imports for both faces: storing an uploaded export in one transaction, her imports, one
import's analysis, how far an upload has come, renaming, saying who is who, and deleting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from anew.chats import store
from anew.chats.errors import ChatFormatError
from anew.chats.formats.whatsapp import DatePreference
from anew.chats.loading import load_chat
from anew.chats.model import MAX_KEPT_CHARS, Chat
from anew.chats.models import ChatImport
from anew.chats.progress import ProgressReporter, read_progress
from anew.chats.report_model import Report
from anew.db import transaction
from anew.errors import Invalid, NotFound
from anew.zips import DEFAULT_MAX_RATIO

NO_SUCH_IMPORT = "There is no such chat import."


class ChatSummary(BaseModel):
    id: int
    name: str
    format: str
    title: str
    participants: list[str]
    me: str | None
    messages: int
    created_at: datetime


class Progress(BaseModel):
    state: Literal["running", "done", "failed", "interrupted"]
    stage: str = Field(description="reading, measuring, storing, done or failed")
    done: int = Field(description="Messages stored so far (counted as they go on PostgreSQL)")
    total: int
    percent: int | None
    import_id: int | None = Field(description="The import, once it is done")
    error: str
    updated_at: datetime


@dataclass(frozen=True)
class ChatReport:
    """One import and its analysis (the object `anew analyze --json` writes)."""

    chat: ChatSummary
    report: Report


@dataclass(frozen=True)
class ImportOptions:
    name: str = ""
    me: str | None = None
    keep_text: bool = False
    prefer: DatePreference = None
    chat: str | None = None


def _summary(row: ChatImport) -> ChatSummary:
    return ChatSummary(
        id=row.id,
        name=row.name,
        format=row.format,
        title=row.title,
        participants=row.participants,
        me=row.me,
        messages=row.message_count,
        created_at=row.created_at,
    )


def _row(db: Session, user_id: int, chat_id: int) -> ChatImport:
    row = store.get_import(db, user_id, chat_id)
    if row is None:
        raise NotFound(NO_SUCH_IMPORT)
    return row


def refuse_overlong(chat: Chat, source: str) -> None:
    """A message whose text is to be kept may be as long as any phone lets one be, no longer:
    a file that holds one far longer is not a chat export, and keeping it would cost the server
    many times its size in memory."""
    chars = chat.messages.get_column("chars")
    if chars.is_empty() or (chars.max() or 0) <= MAX_KEPT_CHARS:  # type: ignore[operator]
        return
    index = int(chars.arg_max() or 0)
    found = chat.messages.row(index, named=True)
    raise ChatFormatError(
        source,
        f"the message from {found['sender']} on {found['timestamp']:%Y-%m-%d at %H:%M} is "
        f"{found['chars']:,} characters long, longer than any phone writes one; Anew keeps the "
        f"text of messages up to {MAX_KEPT_CHARS:,} characters. Untick 'keep the text' to have "
        "this file measured without it.",
        at=f"message {index + 1}",
    )


def import_file(
    db: Session,
    user_id: int,
    path: Path,
    *,
    filename: str,
    options: ImportOptions,
    limit: int,
    report: ProgressReporter,
    max_ratio: int = DEFAULT_MAX_RATIO,
) -> ChatSummary:
    """Read the export at `path` and store it and its analysis in one transaction, or nothing
    (ChatFormatError says where it could not be read)."""
    report("reading")
    chat = load_chat(
        path,
        prefer=options.prefer,
        keep_text=options.keep_text,
        chat_name=options.chat or None,
        max_bytes=limit,
        max_ratio=max_ratio,
        me=options.me or "Me",
    )
    too_long = store.overlong_name(chat)
    if too_long is not None:
        raise ChatFormatError(
            filename,
            f"the sender name {too_long[:40]!r}… is {len(too_long)} characters long, and Anew "
            f"keeps names of up to {store.NAME_LENGTH}; shorten it in the export and try again",
        )
    if options.keep_text:
        refuse_overlong(chat, filename)
    # An unknown `me` is refused by analyze() inside save_import, named with the file below.
    name = options.name or chat.title or PurePath(filename).stem or "Chat"
    total = chat.messages.height
    with transaction(db):
        row = store.save_import(
            db,
            user_id=user_id,
            chat=chat,
            name=name,
            me=options.me,
            keep_text=options.keep_text,
            on_progress=lambda stage, done: report(stage, done=done, total=total),
        )
    report("done", done=total, total=total, import_id=row.id)
    return _summary(row)


def imports(db: Session, user_id: int) -> list[ChatSummary]:
    """Her imports, newest first."""
    return [_summary(row) for row in store.list_imports(db, user_id)]


def chat(db: Session, user_id: int, chat_id: int) -> ChatReport:
    row = _row(db, user_id, chat_id)
    return ChatReport(_summary(row), Report.model_validate(row.report))


def stored_report(db: Session, user_id: int, chat_id: int) -> str:
    """The analysis made at import, as the JSON text it is stored as (sent as it is)."""
    found = store.stored_report(db, user_id, chat_id)
    if found is None:
        raise NotFound(NO_SUCH_IMPORT)
    return found


def metrics(
    db: Session, user_id: int, chat_id: int, *, gap_hours: float | None, split: date | None
) -> Report:
    """The analysis again with another silence gap, or split before and after a date."""
    row = _row(db, user_id, chat_id)
    return Report.model_validate(store.metrics(db, row, gap_hours=gap_hours, split=split))


def progress(db: Session, user_id: int, key: str, *, now: datetime) -> Progress:
    """How far her upload under this key has come, from any server process."""
    found = read_progress(db, user_id, key, now)
    if found is None:
        raise NotFound("There is no import with that progress key.")
    return Progress(**found)


def change(
    db: Session,
    user_id: int,
    chat_id: int,
    *,
    name: str | None = None,
    me: str | None = None,
    forget_me: bool = False,
) -> ChatSummary:
    """Rename the import, or say which participant she is (the analysis is made again to
    match); `forget_me` says she is none of them."""
    with transaction(db):
        row = _row(db, user_id, chat_id)
        if me is not None and me not in row.participants:
            raise Invalid("me", "must be one of the participants")
        if name is not None and name.strip():
            row.name = name.strip()[:200]
        wanted = None if forget_me else me
        if (me is not None or forget_me) and wanted != row.me:
            store.set_me(db, row, wanted)
        return _summary(row)


def delete(db: Session, user_id: int, chat_id: int) -> None:
    """The import and every message of it."""
    with transaction(db):
        store.remove_import(db, _row(db, user_id, chat_id))
