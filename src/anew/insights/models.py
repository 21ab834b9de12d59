"""Her plan for her hard hours: a few lines she writes for the moments her urges gather, shown
where her hard hours are named and opened by the heads-up notification before one."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from anew.db import Base, UTCDateTime, utcnow

PLAN_MAX = 2000  # characters: a plan to read in a hard minute, not an essay


class HardHoursPlan(Base):
    __tablename__ = "hard_hours_plans"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
