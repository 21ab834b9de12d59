"""Step 1's tables: no-contact periods and pauses, contacts, urges (and the vault), check-ins."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
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
from anew.method.no_contact.vocabulary import Channel, Initiator, PeriodStatus


class NoContactPeriod(Base):
    """One run of no contact. A slip ends it as "broken"; the next period starts that day."""

    __tablename__ = "nocontact_periods"
    __table_args__ = (
        Index("ix_nocontact_periods_user_id", "user_id"),
        one_of("status", PeriodStatus.values()),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    started_on: Mapped[date] = mapped_column(Date)
    target_days: Mapped[int] = mapped_column(Integer)
    breakup_on: Mapped[date | None] = mapped_column(Date, default=None)
    his_name: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(16), default="active")
    ended_on: Mapped[date | None] = mapped_column(Date, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # "Will he change too?": what must be different this time, on her side and on his.
    change_mine: Mapped[str] = mapped_column(Text, default="")
    change_his: Mapped[str] = mapped_column(Text, default="")
    reflected_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class Pause(Base):
    """A deliberate pause (a court date, a funeral): its days neither count nor break the period."""

    __tablename__ = "nocontact_pauses"
    __table_args__ = (Index("ix_nocontact_pauses_user_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    period_id: Mapped[int] = mapped_column(ForeignKey("nocontact_periods.id", ondelete="CASCADE"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date, default=None)
    reason: Mapped[str] = mapped_column(String(200), default="")


class Contact(Base):
    """A contact with him: who reached out, how, and whether it was only logistics."""

    __tablename__ = "contacts"
    __table_args__ = (
        Index("ix_contacts_user_id", "user_id"),
        one_of("initiator", Initiator.values()),
        one_of("channel", Channel.values()),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    initiator: Mapped[str] = mapped_column(String(8))
    channel: Mapped[str] = mapped_column(String(32))
    logistics: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    broke_period: Mapped[bool] = mapped_column(Boolean, default=False)


class Urge(Base):
    """A moment she wanted to reach out; `message` is the unsent text she kept in the vault."""

    __tablename__ = "urges"
    __table_args__ = (Index("ix_urges_user_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    intensity: Mapped[int] = mapped_column(Integer)
    trigger: Mapped[str] = mapped_column(String(500), default="")
    instead: Mapped[str] = mapped_column(String(500), default="")
    message: Mapped[str | None] = mapped_column(Text, default=None)


class CheckIn(Base):
    """One mood check-in per day (editable)."""

    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("user_id", "day", name="uq_checkins_user_id_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    mood: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
