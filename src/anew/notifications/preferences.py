"""Her notification choices for both faces, read and replaced whole, with her channels (masked
when read: a channel URL can hold a password)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from anew.accounts.clock import HH_MM
from anew.db import transaction, utcnow
from anew.errors import Invalid
from anew.notifications import channels as channel_urls
from anew.notifications.models import (
    CHANNEL_URL_MAX,
    NotificationChannel,
    NotificationPreferences,
)
from anew.storable import StorableText

MAX_CHANNELS = 10


class ChannelIn(BaseModel):
    model_config = ConfigDict(strict=True)  # "yes" is not true, "7" not a number

    id: int | None = Field(
        default=None, description="a channel of hers to keep; none for a new one"
    )
    url: StorableText = Field(
        min_length=1,
        max_length=CHANNEL_URL_MAX,
        description="an Apprise URL; a kept channel may send back its masked URL unchanged",
    )
    enabled: bool = True


class ChannelOut(BaseModel):
    id: int
    url: str = Field(description="masked: anything that could be a secret is hidden")
    enabled: bool


class PreferencesIn(BaseModel):
    model_config = ConfigDict(strict=True)  # "yes" is not true, "7" not a number

    checkin_at: str | None = Field(
        default=None, pattern=HH_MM, description="HH:MM, hers; null: off"
    )
    habits: bool = False
    milestones: bool = False
    hard_hours: bool = False
    quiet_from: str = Field(default="22:00", pattern=HH_MM)
    quiet_to: str = Field(default="08:00", pattern=HH_MM)
    plain_wording: bool = Field(
        default=False, description="say plainly what it is about; off: lock-screen safe words"
    )
    channels: list[ChannelIn] = Field(default_factory=list, max_length=MAX_CHANNELS)


class PreferencesOut(BaseModel):
    checkin_at: str | None
    habits: bool
    milestones: bool
    hard_hours: bool
    quiet_from: str
    quiet_to: str
    plain_wording: bool
    channels: list[ChannelOut]


def stored(db: Session, user_id: int) -> NotificationPreferences:
    """Her choices, or the defaults (everything off) when she has made none."""
    return db.get(NotificationPreferences, user_id) or NotificationPreferences(
        user_id=user_id,
        checkin_at=None,
        habits=False,
        milestones=False,
        hard_hours=False,
        quiet_from="22:00",
        quiet_to="08:00",
        plain_wording=False,
    )


def her_channels(db: Session, user_id: int) -> list[NotificationChannel]:
    return list(
        db.scalars(
            select(NotificationChannel)
            .where(NotificationChannel.user_id == user_id)
            .order_by(NotificationChannel.id)
        )
    )


def read(db: Session, user_id: int) -> PreferencesOut:
    row = stored(db, user_id)
    return PreferencesOut(
        checkin_at=row.checkin_at,
        habits=row.habits,
        milestones=row.milestones,
        hard_hours=row.hard_hours,
        quiet_from=row.quiet_from,
        quiet_to=row.quiet_to,
        plain_wording=row.plain_wording,
        channels=[
            ChannelOut(id=c.id, url=channel_urls.masked(c.url), enabled=c.enabled)
            for c in her_channels(db, user_id)
        ],
    )


def _replace_channels(db: Session, user_id: int, wanted: list[ChannelIn]) -> None:
    """Keep the channels she sent back by id (their URL unchanged when sent back masked), add
    the new ones, remove the rest. Invalid for an id that is not hers or a URL that can't work."""
    kept = {c.id: c for c in her_channels(db, user_id)}
    seen: set[int] = set()
    for channel in wanted:
        if channel.id is None:
            db.add(
                NotificationChannel(
                    user_id=user_id,
                    url=channel_urls.checked_url(channel.url),
                    enabled=channel.enabled,
                )
            )
            continue
        row = kept.get(channel.id)
        if row is None or channel.id in seen:
            raise Invalid("channels", f"there is no channel {channel.id} among yours")
        seen.add(channel.id)
        if channel.url != channel_urls.masked(row.url):
            row.url = channel_urls.checked_url(channel.url)
        row.enabled = channel.enabled
    for channel_id, row in kept.items():
        if channel_id not in seen:
            db.delete(row)


def replace(db: Session, user_id: int, wanted: PreferencesIn) -> PreferencesOut:
    """Her choices, replaced whole; nothing is stored when any part can't be taken."""
    with transaction(db):
        row = db.get(NotificationPreferences, user_id)
        if row is None:
            row = NotificationPreferences(user_id=user_id)
            db.add(row)
        row.checkin_at = wanted.checkin_at
        row.habits, row.milestones = wanted.habits, wanted.milestones
        row.hard_hours, row.plain_wording = wanted.hard_hours, wanted.plain_wording
        row.quiet_from, row.quiet_to = wanted.quiet_from, wanted.quiet_to
        row.updated_at = utcnow()
        _replace_channels(db, user_id, wanted.channels)
        db.flush()
    return read(db, user_id)
