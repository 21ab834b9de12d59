"""Readers' responses under guide articles, and the block list the admin keeps against spam."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from anew.db import Base, UTCDateTime, one_of, utcnow
from anew.guide.vocabulary import BlockKind, ResponseStatus


class GuideResponse(Base):
    """One response. `html` is the sanitised rendering of `body`; the email is never shown."""

    __tablename__ = "guide_responses"
    __table_args__ = (
        Index("ix_guide_responses_article_status", "article_slug", "status"),
        Index("ix_guide_responses_email", "email"),
        Index("ix_guide_responses_user_id", "user_id"),
        Index("ix_guide_responses_confirm_token_hash", "confirm_token_hash"),
        one_of("status", ResponseStatus.values()),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_slug: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("guide_responses.id", ondelete="CASCADE"), default=None
    )
    name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(254))
    website: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    is_author: Mapped[bool] = mapped_column(default=False)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), default=None
    )
    # A hash of the poster's browser cookie, so she alone sees her response awaiting moderation.
    browser_key: Mapped[str] = mapped_column(String(64), default="")
    # She asked to be emailed when someone replies; the token is her unsubscribe link.
    notify: Mapped[bool] = mapped_column(default=False)
    unsubscribe_token: Mapped[str] = mapped_column(String(43), default="")
    # The hash of the link emailed to prove the address ("" once followed, or when none was sent).
    confirm_token_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class BlockedTerm(Base):
    """A word, an address or an email (or @domain) whose responses are refused."""

    __tablename__ = "guide_blocklist"
    __table_args__ = (one_of("kind", BlockKind.values()),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
