"""Quiz attempts: which outcome, under a random token for the share link; never the answers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from anew.db import Base, UTCDateTime, utcnow


class QuizAttempt(Base):
    """One finished quiz. `user_id` is None for visitors; only the outcome is kept."""

    __tablename__ = "quiz_attempts"
    __table_args__ = (
        Index("ix_quiz_attempts_user_id", "user_id"),
        Index("ix_quiz_attempts_quiz_slug", "quiz_slug"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(43), unique=True)
    quiz_slug: Mapped[str] = mapped_column(String(100))
    outcome_id: Mapped[str] = mapped_column(String(50))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
