"""Her notification choices, the channels she entered, and the outbox that makes every due
notification a row: whichever server process claims a row sends it, and a sent row is never
sent again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from anew.db import Base, UTCDateTime, one_of, utcnow
from anew.notifications.vocabulary import NoticeKind, SendStatus

CHANNEL_URL_MAX = 1000
KEY_MAX = 100
ERROR_MAX = 300


class NotificationPreferences(Base):
    """What she wants to hear about, and when not to be disturbed (her local times, HH:MM)."""

    __tablename__ = "notification_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    checkin_at: Mapped[str | None] = mapped_column(String(5), default=None)
    habits: Mapped[bool] = mapped_column(Boolean, default=False)
    milestones: Mapped[bool] = mapped_column(Boolean, default=False)
    hard_hours: Mapped[bool] = mapped_column(Boolean, default=False)
    quiet_from: Mapped[str] = mapped_column(String(5), default="22:00")
    quiet_to: Mapped[str] = mapped_column(String(5), default="08:00")
    plain_wording: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NotificationChannel(Base):
    """A place she asked to be reached besides her devices: an Apprise URL (ntfy, Gotify, Matrix,
    email), which can hold a password, so it is never shown whole again."""

    __tablename__ = "notification_channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(CHANNEL_URL_MAX))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NotificationSend(Base):
    """One notification that fell due (`key` names it, e.g. "checkin:2026-12-04"): made once
    per key, whoever comes first; claimed for a while by one sender; then sent, retried or given
    up."""

    __tablename__ = "notification_sends"
    __table_args__ = (
        UniqueConstraint("user_id", "key"),
        one_of("kind", NoticeKind.values()),
        one_of("status", SendStatus.values()),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(KEY_MAX))
    kind: Mapped[str] = mapped_column(String(20))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(10), default=SendStatus.PENDING.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(64), default=None)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_error: Mapped[str] = mapped_column(String(ERROR_MAX), default="")
