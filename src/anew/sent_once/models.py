"""The keys her devices sent with a write, and what each write made."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from anew.db import Base, UTCDateTime, utcnow


class SentKey(Base):
    """One `Idempotency-Key` she sent: the kind of write it was and the row it made. Keys are hers
    alone, so another person's identical key is another row and never finds hers."""

    __tablename__ = "sent_keys"
    __table_args__ = (UniqueConstraint("user_id", "key", name="uq_sent_keys_user_id_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(32))
    made_id: Mapped[int | None] = mapped_column(Integer, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
