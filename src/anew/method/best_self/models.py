"""Step 5's table: the qualities board."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from anew.db import Base, UTCDateTime, utcnow

QUALITY_LISTS = ("he_valued", "i_value", "my_strengths")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Quality(Base):
    __tablename__ = "qualities"
    __table_args__ = (
        Index("ix_qualities_user_id", "user_id"),
        CheckConstraint(_in("list", QUALITY_LISTS), name="list"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    list: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    this_week: Mapped[str] = mapped_column(Text, default="")
    reflection: Mapped[str] = mapped_column(Text, default="")
    done: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
