"""Step 6's tables: the makeover plan and its before/after photos."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from anew.db import Base, UTCDateTime, one_of, utcnow
from anew.method.new_look.vocabulary import MakeoverCategory, PhotoKind


class MakeoverItem(Base):
    __tablename__ = "makeover_items"
    __table_args__ = (
        Index("ix_makeover_items_user_id", "user_id"),
        one_of("category", MakeoverCategory.values()),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    planned_on: Mapped[date | None] = mapped_column(Date, default=None)
    # Money in cents, so sums are exact on every database.
    budget_cents: Mapped[int | None] = mapped_column(Integer, default=None)
    cost_cents: Mapped[int | None] = mapped_column(Integer, default=None)
    done: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Photo(Base):
    """A before/after photo, re-encoded without its metadata, with a thumbnail; in the database so
    every server process sees it."""

    __tablename__ = "photos"
    __table_args__ = (
        Index("ix_photos_user_id", "user_id"),
        one_of("kind", PhotoKind.values()),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(8))
    caption: Mapped[str] = mapped_column(String(200), default="")
    media_type: Mapped[str] = mapped_column(String(32))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)
    taken_on: Mapped[date | None] = mapped_column(Date, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
