"""The account tables: users and their server-side sessions (browser cookies and API tokens)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, false, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from anew.accounts.roles import Role
from anew.accounts.vocabulary import SessionKind
from anew.db import Base, UTCDateTime, one_of, utcnow

__all__ = ["PendingSignup", "Role", "SessionKind", "User", "UserSession"]


class User(Base):
    """One account. Email is stored lower-cased so it is unique however it was typed."""

    __tablename__ = "users"
    __table_args__ = (one_of("role", [role.value for role in Role]),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default=Role.MEMBER.value)
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    # Where she lives (ISO 3166 code, "" when unset), for the help resources shown to her.
    country: Mapped[str] = mapped_column(String(2), default="")
    # On after a safety check finds concerns or danger; the win-back coaching is hidden then.
    safety_mode: Mapped[bool] = mapped_column(default=False)
    # Off until she answers or puts aside the first-run welcome on the dashboard.
    welcomed: Mapped[bool] = mapped_column(default=False, server_default=true())
    # On only when she asks for it: on days 7, 30 and 90 of her path Today brings back a message
    # from her vault (anew.method.looking_back).
    vault_looks_back: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # One more each time anything of hers changes (anew.data_version): what a process computed
    # from her data stays good for as long as this number stays the same.
    data_version: Mapped[int] = mapped_column(default=0, server_default="0")

    sessions: Mapped[list[UserSession]] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )


class UserSession(Base):
    """A login. Only a hash of the secret is kept, so a leaked table cannot be replayed."""

    __tablename__ = "user_sessions"
    __table_args__ = (
        one_of("kind", SessionKind.values()),
        Index("ix_user_sessions_user_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(back_populates="sessions")


class PendingSignup(Base):
    """A sign-up waiting for its confirmation link (with email set up): the account is made
    only when the link is followed, so the sign-up form never tells whether an email has one."""

    __tablename__ = "pending_signups"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str] = mapped_column(String(254))
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
