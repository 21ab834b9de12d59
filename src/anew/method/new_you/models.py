"""Step 4's tables: goals and their milestones, habits and their days. Every row carries her
user_id, so deleting her deletes them all."""

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

from anew.db import Base, UTCDateTime, one_of, utcnow
from anew.method.new_you.vocabulary import DayStatus, GoalStatus, LifeArea


class Goal(Base):
    __tablename__ = "goals"
    __table_args__ = (
        Index("ix_goals_user_id", "user_id"),
        one_of("area", LifeArea.values()),
        one_of("status", GoalStatus.values()),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    area: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    why: Mapped[str] = mapped_column(Text, default="")
    target_on: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(16), default="active")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class Milestone(Base):
    __tablename__ = "goal_milestones"
    __table_args__ = (Index("ix_goal_milestones_user_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    done_on: Mapped[date | None] = mapped_column(Date, default=None)


class Habit(Base):
    __tablename__ = "habits"
    __table_args__ = (
        Index("ix_habits_user_id", "user_id"),
        CheckConstraint("per_week BETWEEN 1 AND 7", name="per_week"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="SET NULL"), default=None
    )
    title: Mapped[str] = mapped_column(String(200))
    per_week: Mapped[int] = mapped_column(Integer, default=7)
    started_on: Mapped[date] = mapped_column(Date)
    archived: Mapped[bool] = mapped_column(default=False)
    # HH:MM on her clock; None: reminded with her other habits (anew.notifications.due)
    remind_at: Mapped[str | None] = mapped_column(String(5), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class HabitDay(Base):
    """One day's check-in: done or skipped. Streaks are derived from these, never stored."""

    __tablename__ = "habit_days"
    __table_args__ = (
        UniqueConstraint("habit_id", "day"),
        Index("ix_habit_days_user_id", "user_id"),
        one_of("status", DayStatus.values()),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    habit_id: Mapped[int] = mapped_column(ForeignKey("habits.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8))
