"""Imports in the database: all-or-nothing bulk writes, and reading them back for metrics."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import polars as pl
from sqlalchemy import Text, cast, delete, select
from sqlalchemy.orm import Session

from anew.chats.metrics import Options
from anew.chats.model import MESSAGE_SCHEMA, Chat, ChatWarning, SetAside
from anew.chats.models import ChatImport, ChatMessage
from anew.chats.report import analyze

COLUMNS = ("import_id", "position", "timestamp", "sender", "kind", "chars", "words", "text")
# Built from the constant column list above, never from input.
INSERT_SQL = (
    f"INSERT INTO chat_messages ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"  # noqa: S608
)
COPY_SQL = f"COPY chat_messages ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT csv)"


OnProgress = Callable[[str, int], None]
NAME_LENGTH = ChatMessage.__table__.c.sender.type.length  # type: ignore[attr-defined]
CHUNK_ROWS = 100_000  # rows per insert, and how often progress is reported


def overlong_name(chat: Chat) -> str | None:
    """A sender's name longer than the database keeps (PostgreSQL refuses it; SQLite would keep
    it silently), or None."""
    names = set(chat.participants) | set(chat.messages.get_column("sender").unique().to_list())
    return next((name for name in sorted(names) if len(name) > NAME_LENGTH), None)


def save_import(
    db: Session,
    *,
    user_id: int,
    chat: Chat,
    name: str,
    me: str | None,
    keep_text: bool,
    on_progress: OnProgress | None = None,
) -> ChatImport:
    """Store the chat and its analysis in the caller's transaction; nothing is committed here.

    `on_progress(stage, rows_stored)` hears "measuring", then "storing" before the first write
    and again after every chunk of rows.
    """
    progress = on_progress or _quiet
    progress("measuring", 0)
    report = analyze(chat, me=me)
    progress("storing", 0)
    row = ChatImport(
        user_id=user_id,
        name=name.replace("\x00", "")[:200],
        format=chat.format,
        title=chat.title.replace("\x00", "")[:200],
        participants=report["participants"],  # her too, in a thread where she wrote nothing
        me=report["me"],
        message_count=chat.messages.height,
        keep_text=keep_text,
        report=report,
    )
    db.add(row)
    db.flush()
    total = chat.messages.height
    for start in range(0, total, CHUNK_ROWS):
        _bulk_insert(db, _stored_rows(chat.messages, row.id, start, keep_text=keep_text))
        progress("storing", min(start + CHUNK_ROWS, total))
    return row


def _stored_rows(
    messages: pl.DataFrame, import_id: int, start: int, *, keep_text: bool
) -> pl.DataFrame:
    """One chunk of the messages as they are stored, made chunk by chunk: a whole table made
    ready at once would hold another copy of every sender and text."""
    chunk = messages.slice(start, CHUNK_ROWS)
    text = pl.col("text") if keep_text else pl.lit(None, dtype=pl.String)
    return chunk.select(
        pl.lit(import_id).alias("import_id"),
        pl.int_range(start, start + chunk.height).alias("position"),
        "timestamp",
        # NUL cannot be stored in PostgreSQL text; an export that holds one keeps a visible
        # stand-in.
        pl.col("sender").str.replace_all("\x00", "\ufffd", literal=True),
        "kind",
        "chars",
        "words",
        text.str.replace_all("\x00", "\ufffd", literal=True).alias("text"),
    )


def _quiet(_stage: str, _done: int) -> None:
    """No one is listening for progress."""


def _bulk_insert(db: Session, frame: pl.DataFrame) -> None:
    """COPY on PostgreSQL; one executemany on SQLite. Both inside the session's transaction."""
    connection = db.connection()
    if connection.dialect.name == "postgresql":
        buffer = io.BytesIO()
        frame.write_csv(buffer, include_header=False, datetime_format="%Y-%m-%d %H:%M:%S%.f")
        raw = connection.connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(COPY_SQL) as copy:  # type: ignore[union-attr]
            copy.write(buffer.getvalue())
        return
    # Rows are made as the insert takes them: a chunk's rows as Python objects all at once
    # would take several times the chunk's size.
    rows = frame.with_columns(pl.col("timestamp").dt.strftime("%Y-%m-%d %H:%M:%S.%6f")).iter_rows()
    cursor = connection.connection.cursor()
    cursor.executemany(INSERT_SQL, rows)  # type: ignore[arg-type]  # sqlite3 takes any iterable


def list_imports(db: Session, user_id: int) -> Sequence[ChatImport]:
    """Her imports, newest first."""
    query = select(ChatImport).where(ChatImport.user_id == user_id).order_by(ChatImport.id.desc())
    return db.scalars(query).all()


def latest_import(db: Session, user_id: int) -> ChatImport | None:
    """Her newest import (the dashboard shows its headline figures)."""
    query = (
        select(ChatImport)
        .where(ChatImport.user_id == user_id)
        .order_by(ChatImport.id.desc())
        .limit(1)
    )
    return db.scalar(query)


def get_import(db: Session, user_id: int, import_id: int) -> ChatImport | None:
    """One of her imports; None for anyone else's, so callers answer 404."""
    return db.scalar(
        select(ChatImport).where(ChatImport.id == import_id, ChatImport.user_id == user_id)
    )


def load_messages(db: Session, row: ChatImport) -> Chat:
    """The stored messages of an import as a Chat again."""
    query = (
        select(*(getattr(ChatMessage, name) for name in MESSAGE_SCHEMA.names()))
        .where(ChatMessage.import_id == row.id)
        .order_by(ChatMessage.position)
    )
    result = db.execute(query)
    frame = pl.DataFrame(result.all(), schema=list(MESSAGE_SCHEMA.names()), orient="row")
    if frame.get_column("timestamp").dtype == pl.String:
        frame = frame.with_columns(pl.col("timestamp").str.to_datetime())
    frame = frame.select(pl.col(n).cast(t) for n, t in MESSAGE_SCHEMA.items())
    set_aside, warnings = file_findings(row.report)
    return Chat(
        format=row.format,
        messages=frame,
        title=row.title,
        owner=row.me,  # so a thread where she wrote nothing is read as it was on import
        set_aside=set_aside,
        warnings=warnings,
    )


def file_findings(report: dict[str, Any]) -> tuple[SetAside, tuple[ChatWarning, ...]]:
    """What the file held besides messages, as the stored report keeps it: only the import read
    the file, so a report made again from the stored messages takes these from it."""
    found = report.get("set_aside") or {}
    set_aside = SetAside(
        notices={str(k): int(n) for k, n in (found.get("notices") or {}).items()},
        unplaced=int(found.get("unplaced") or 0),
    )
    warnings = tuple(
        ChatWarning(line=int(w["line"]), why=str(w["why"])) for w in report.get("warnings") or ()
    )
    return set_aside, warnings


def stored_report(db: Session, user_id: int, import_id: int) -> str | None:
    """Her import's cached report as the JSON text it is stored as, to be sent as it is rather
    than parsed and written out again on every request; None when there is no such import of
    hers."""
    query = select(cast(ChatImport.report, Text)).where(
        ChatImport.id == import_id, ChatImport.user_id == user_id
    )
    return db.scalar(query)


def metrics(
    db: Session, row: ChatImport, *, gap_hours: float | None = None, split: date | None = None
) -> dict[str, Any]:
    """The cached report, or a fresh one when other options are asked for."""
    if gap_hours is None and split is None:
        return row.report
    gap = timedelta(hours=gap_hours) if gap_hours is not None else Options().gap
    return analyze(load_messages(db, row), me=row.me, options=Options(gap=gap, split=split))


def set_me(db: Session, row: ChatImport, me: str | None) -> None:
    """Say which participant she is; the cached report is rebuilt to match."""
    row.report = analyze(replace(load_messages(db, row), owner=me), me=me)
    row.me = me


def remove_import(db: Session, row: ChatImport) -> None:
    """Delete the import and every message of it."""
    db.execute(delete(ChatMessage).where(ChatMessage.import_id == row.id))
    db.delete(row)


def latest_from(db: Session, row: ChatImport, sender: str, limit: int = 8) -> list[ChatMessage]:
    """A participant's latest text messages in an import (only where she kept the text)."""
    if not row.keep_text:
        return []
    query = (
        select(ChatMessage)
        .where(
            ChatMessage.import_id == row.id,
            ChatMessage.sender == sender,
            ChatMessage.kind == "text",
            ChatMessage.text.is_not(None),
        )
        .order_by(ChatMessage.position.desc())
        .limit(limit)
    )
    return list(db.scalars(query))
