"""The safety check's table: when she took it and its result; the answers only if she chose."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from anew.db import Base, UTCDateTime, one_of, utcnow
from anew.safety.vocabulary import SafetyResult


class SafetyCheck(Base):
    """One time she took the check. `answers` is None unless she asked Anew to keep them."""

    __tablename__ = "safety_checks"
    __table_args__ = (
        Index("ix_safety_checks_user_id", "user_id"),
        one_of("result", SafetyResult.values()),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    result: Mapped[str] = mapped_column(String(16))
    answers: Mapped[dict[str, str] | None] = mapped_column(JSON, default=None)
