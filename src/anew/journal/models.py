"""The journal's table. Every entry carries her user_id, so her export, import and deletion
find it like any other row of hers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from anew.db import Base, UTCDateTime, utcnow
from anew.journal.rules import LONGEST_KEY, MAX_DAY


class JournalEntry(Base):
    """One entry: a free one (day is null) or her answer to one day's question of the path."""

    __tablename__ = "journal_entries"
    __table_args__ = (
        # Hers, newest first, read from the index: the page's first entries without a sort.
        Index("ix_journal_entries_user_id", "user_id", "written_on", "id"),
        # A write sent again after she was offline carries the same key: stored once.
        UniqueConstraint("user_id", "idempotency_key"),
        CheckConstraint("mood BETWEEN 1 AND 10", name="mood"),
        CheckConstraint(f"day BETWEEN 1 AND {MAX_DAY}", name="day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    mood: Mapped[int | None] = mapped_column(Integer, default=None)
    day: Mapped[int | None] = mapped_column(Integer, default=None)
    written_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    idempotency_key: Mapped[str | None] = mapped_column(String(LONGEST_KEY), default=None)
