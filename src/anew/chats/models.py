"""Stored chat imports: one row per import and its messages (text only if she chose to keep it)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from anew.db import Base, UTCDateTime, utcnow


class ChatImport(Base):
    """One uploaded export. `report` caches the analysis with the default options."""

    __tablename__ = "chat_imports"
    __table_args__ = (Index("ix_chat_imports_user_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    format: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200), default="")
    participants: Mapped[list[str]] = mapped_column(JSON)
    me: Mapped[str | None] = mapped_column(String(200), default=None)
    message_count: Mapped[int] = mapped_column(Integer)
    keep_text: Mapped[bool] = mapped_column(default=False)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ChatMessage(Base):
    """One message of an import, as the export wrote its time (no zone)."""

    __tablename__ = "chat_messages"
    __table_args__ = (Index("ix_chat_messages_import_id_position", "import_id", "position"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("chat_imports.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    timestamp: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    sender: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    chars: Mapped[int] = mapped_column(Integer)
    words: Mapped[int] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text, default=None)


class ImportProgress(Base):
    """How far one upload has come, under a key her browser or client chose.

    Written in short transactions of its own, so every server process can read it while the
    import itself is still one uncommitted transaction.
    """

    __tablename__ = "chat_import_progress"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    stage: Mapped[str] = mapped_column(String(16))
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    import_id: Mapped[int | None] = mapped_column(Integer, default=None)
    error: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
